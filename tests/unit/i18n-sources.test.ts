/**
 * No interface string bypasses the catalogue: Chinese in an interface source under src/ is only ever the `zh` of a
 * `{ zh, en }` pair with an English `en` taking the same placeholders (tests/support/cjk-sources.ts; the files that
 * are not the interface, and why, are listed there). On the code before the catalogue it named 425 strings in 54 files.
 */
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { cjkOffenders, interfaceSources, scanAstro, scanTypeScript } from "../support/cjk-sources.ts";

const SRC = fileURLToPath(new URL("../../src/", import.meta.url));

describe("Chinese in the interface's sources", () => {
  it("is always the zh of a { zh, en } pair", () => {
    const offenders = cjkOffenders(SRC).map((o) => `${o.file}:${o.line} ${o.text}`);
    expect(offenders).toEqual([]);
  });

  it("is looked for in the demos, the comparison, the embed page, the models and the catalogue", () => {
    const files = interfaceSources(SRC);
    for (const file of [
      "demo/demo-panel.ts",
      "compare/compare-page.ts",
      "pages/compare/index.astro",
      "pages/embed/[family].astro",
      "models/gan.ts",
      "models/specs/gan.ts",
      "settings/common.ts",
      "render/score-chart.ts",
      "i18n/demo-text.ts",
    ])
      expect(files).toContain(file);
    expect(files).not.toContain("markdown/rehype-links.ts");
  });

  it("catches a bare string, a template, a pair without English, placeholders that differ and a template's text", () => {
    const one = (text: string) => scanTypeScript("x.ts", text).length;
    expect(one('const a = "训练";')).toBe(1);
    expect(one("const a = `第 ${n} 步`;")).toBe(1);
    expect(one('const a = { zh: "训练" };')).toBe(1);
    expect(one('const a = { zh: "训练", en: "" };')).toBe(1);
    expect(one('const a = { zh: "第 {step} 步", en: "step {n}" };')).toBe(1);
    expect(one('const a = { en: "Train", zh: "训练" }; // 注释可以是中文')).toBe(0);
    expect(scanAstro("x.astro", "---\nconst a = 1;\n---\n<p>训练</p>\n").length).toBe(1);
    expect(scanAstro("x.astro", "---\nconst a = 1;\n---\n{/* 注释 */}<p>{a}</p>\n").length).toBe(0);
  });
});
