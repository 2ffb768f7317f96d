/**
 * The page's language, from its URL: `?lang=en` switches every demo, the comparison page and the embed to English;
 * no `lang` is Chinese, and an unknown value is refused (the page stays Chinese and says why). The language is the
 * page's, like `?backend=`: every demo on it reads the same one. Without a `location` (Node: the CLI, the unit
 * tests, the build) it is Chinese.
 */
import { PAGE_TEXT } from "./page-text.ts";
import { fill, LANGS, parseLang, pick, type Lang, type Text } from "./text.ts";

/** The page's language and, for a `lang=` value that is not one, the message that refuses it. */
export interface PageLang {
  lang: Lang;
  problem: Text | null;
}

/** The language a query string asks for (`?lang=en`), or Chinese with a message for a value that is not one. */
export function readPageLang(search: string): PageLang {
  const raw = new URLSearchParams(search).get("lang");
  if (raw === null || raw === "") return { lang: "zh", problem: null };
  try {
    return { lang: parseLang(raw), problem: null };
  } catch {
    return { lang: "zh", problem: fill(PAGE_TEXT.langRefused, { value: raw, valid: LANGS.join(", ") }) };
  }
}

let cached: { search: string; value: PageLang } | null = null;

/** This page's language and problem (Chinese where there is no `location`). */
export function currentPageLang(): PageLang {
  const search = (globalThis as { location?: Location }).location?.search ?? "";
  if (cached?.search !== search) cached = { search, value: readPageLang(search) };
  return cached.value;
}

/** This page's language. */
export function pageLang(): Lang {
  return currentPageLang().lang;
}

/** A string of the interface in this page's language (a plain string, e.g. a data set's name, as it is). */
export function tr(text: Text | string): string {
  return pick(text, pageLang());
}
