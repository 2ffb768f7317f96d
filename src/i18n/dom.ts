/**
 * Switches a page rendered in Chinese to the page's language: every element marked `data-i18n="key"` gets the
 * entry's text (`data-i18n-params`, JSON, its parameters; a key ending in `Html` is set as HTML: the catalogue's own
 * markup), `data-i18n-attr="aria-label:key"` an attribute, and `<html lang>` and the title follow. A bad `lang=`
 * is shown in `problemBox`. Without JavaScript the page stays as built, in Chinese.
 */
import { showInBothLanguages } from "./both-languages.ts";
import { currentPageLang } from "./page-lang.ts";
import { lookup } from "./lookup.ts";
import { HTML_LANG, pick, type ParamValue } from "./text.ts";

/** Translates `root` (the whole document by default); `titleKey` names the `<title>`'s entry. */
export function translatePage(
  options: { root?: ParentNode; titleKey?: string; problemBox?: HTMLElement | null } = {},
): void {
  const { lang, problem } = currentPageLang();
  if (problem && options.problemBox) {
    options.problemBox.hidden = false;
    showInBothLanguages(options.problemBox, problem);
  }
  if (lang === "zh") return;
  const root = options.root ?? document;
  document.documentElement.lang = HTML_LANG[lang];
  for (const element of root.querySelectorAll<HTMLElement>("[data-i18n]")) {
    const key = element.dataset.i18n!;
    const params = element.dataset.i18nParams
      ? (JSON.parse(element.dataset.i18nParams) as Record<string, ParamValue>)
      : undefined;
    const text = pick(lookup(key, params), lang);
    if (/Html(\.|$)/.test(key)) element.innerHTML = text;
    else element.textContent = text;
  }
  for (const element of root.querySelectorAll<HTMLElement>("[data-i18n-attr]")) {
    const [name, key] = element.dataset.i18nAttr!.split(":") as [string, string];
    element.setAttribute(name, pick(lookup(key), lang));
  }
  if (options.titleKey) {
    const rest = document.title.includes(" · ") ? document.title.slice(document.title.indexOf(" · ")) : "";
    document.title = pick(lookup(options.titleKey), lang) + rest;
  }
}
