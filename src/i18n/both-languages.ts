/** A message shown in both languages (a refused `lang=`: the reader may read either), each line with its `lang`. */
import { HTML_LANG, LANGS, type Text } from "./text.ts";

/** Replaces `element`'s content with one line per language, each in a `<span lang>`. */
export function showInBothLanguages(element: HTMLElement, text: Text): void {
  element.replaceChildren(
    ...LANGS.flatMap((lang, i) => {
      const span = Object.assign(document.createElement("span"), { lang: HTML_LANG[lang], textContent: text[lang] });
      return i === 0 ? [span] : ["\n", span];
    }),
  );
}
