/**
 * No text from a reader is rendered as HTML (issue 15): every message the pages show (URL problems, file errors,
 * statuses) is set as `textContent`, so the source holds no HTML sink but the legend's swatches, which are constant
 * SVG written in the source. A new sink must be added here, with why it never takes input.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/** Ways a string becomes markup or code in the page. */
const SINK =
  /\b(innerHTML|outerHTML|insertAdjacentHTML|createContextualFragment|srcdoc)\b|document\.write|set:html|\.html\(|\bnew Function\b|\beval\(/;

/** The sinks allowed, by file and line text: each takes a constant of the source, never input. */
const ALLOWED = [
  // The catalogue's own markup (entries whose key ends in `Html`), with parameters the build wrote into the page.
  { file: "src/i18n/dom.ts", line: "if (/Html(\\.|$)/.test(key)) element.innerHTML = text;" },
  { file: "src/render/legend.ts", line: "swatch.innerHTML = SWATCH_SVG[item.kind];" },
  // The comparison page's prose, from the catalogue, filled with the build's own constants.
  { file: "src/pages/compare/index.astro", line: "set:html={fill(C.leadHtml, { demos }).zh}" },
  { file: "src/pages/compare/index.astro", line: "set:html={fill(paragraph, { target: TARGET_SCORE }).zh}" },
];

describe("HTML sinks in src/", () => {
  it("are only the legend's constant swatches and the catalogue's own markup", () => {
    const found: { file: string; line: string }[] = [];
    for (const name of readdirSync("src", { recursive: true, encoding: "utf8" })) {
      if (!/\.(ts|astro|js|mjs)$/.test(name)) continue;
      const file = path.join("src", name);
      for (const line of readFileSync(file, "utf8").split("\n")) {
        if (SINK.test(line)) found.push({ file, line: line.trim() });
      }
    }
    expect(found).toEqual(ALLOWED);
  });
});
