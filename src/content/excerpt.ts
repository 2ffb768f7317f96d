/** Blocks that are not running prose: headings, tables, directives, display math, quotes, lists, code, HTML, images. */
const NOT_PROSE = /^(#|\||::|\$\$|>|[-*+]\s|\d+\.\s|```|<|!\[)/;
/** Where a sentence or clause may end in Chinese or English text. */
const CLAUSE_END = /[。！？；.!?;]/g;

/** Cuts `text` to at most `max` characters, at the end of a sentence where one ends late enough, else with "…". */
function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const ends = [...text.slice(0, max).matchAll(CLAUSE_END)].map((m) => m.index + 1);
  const end = ends.at(-1);
  return end !== undefined && end >= max / 2 ? text.slice(0, end) : `${text.slice(0, max - 1)}…`;
}

/**
 * A plain-text summary of a note for its `<meta name="description">` and link previews: the first paragraph of
 * running prose (at least 20 characters once links and emphasis are unwrapped), stopped before its first formula,
 * at most `max` characters. Undefined when the note has no such paragraph.
 */
export function noteExcerpt(markdown: string, max = 120): string | undefined {
  for (const block of markdown.split(/\n\s*\n/)) {
    const source = block.trim();
    if (!source || NOT_PROSE.test(source)) continue;
    let text = source
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
      .replace(/\*\*|__|`/g, "")
      // a line break between two Chinese characters joins them; elsewhere it is a space
      .replace(/(?<=[\u3000-\u9fff\uff00-\uffef])\s*\n\s*(?=[\u3000-\u9fff\uff00-\uffef])/g, "")
      .replace(/\s*\n\s*/g, " ");
    const math = text.indexOf("$");
    if (math >= 0) text = text.slice(0, math).replace(/[\s，,：:（(]+$/, "");
    if (text.length >= 20) return shorten(text, max);
  }
  return undefined;
}
