/**
 * The article page in English (`?lang=en`): the article stays in the author's Chinese, its demos switch (each reads
 * the page's language itself), and one line near the top says so, in English. A bad `lang=` is refused on that line,
 * in both languages, and the page stays Chinese.
 */
import { showInBothLanguages } from "./both-languages.ts";
import { currentPageLang } from "./page-lang.ts";
import { PAGE_TEXT } from "./page-text.ts";
import { HTML_LANG } from "./text.ts";

/** Fills the article's language line (`note`), or leaves it hidden for Chinese. */
export function showArticleLanguage(note: HTMLElement | null): void {
  if (!note) return;
  const { lang, problem } = currentPageLang();
  if (problem) {
    note.setAttribute("role", "alert");
    showInBothLanguages(note, problem);
    note.hidden = false;
  } else if (lang !== "zh") {
    note.lang = HTML_LANG[lang];
    note.textContent = PAGE_TEXT.articleInChinese[lang];
    note.hidden = false;
  }
}
