/**
 * The catalogue (src/i18n/catalogue.ts) and the families' own words (their specs): every entry has a Chinese and an
 * English string, neither empty, taking the same parameters; `fill` puts parameters into both; `lang=` is read or
 * refused with the valid list; and every key a page marks for the English switch is in the catalogue.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CATALOGUE } from "../../src/i18n/catalogue.ts";
import { lookup } from "../../src/i18n/lookup.ts";
import { readPageLang } from "../../src/i18n/page-lang.ts";
import { fill, isText, joinTexts, parseLang, placeholders, type Text } from "../../src/i18n/text.ts";
import { FAMILY_IDS } from "../../src/models/ids.ts";
import { FAMILY_SPECS } from "../../src/models/specs.ts";
import { COMMON_SETTINGS } from "../../src/settings/common.ts";
import { BACKEND_SETTING } from "../../src/demo/backend-setting.ts";
import type { SettingSpec } from "../../src/settings/table.ts";

/** Every string of `node` by its path: a `Text`, or a problem where a leaf is not one. */
function leaves(node: unknown, path: string, into: [string, unknown][] = []): [string, unknown][] {
  if (isText(node) || typeof node !== "object" || node === null) into.push([path, node]);
  else for (const [key, value] of Object.entries(node)) leaves(value, path ? `${path}.${key}` : key, into);
  return into;
}

function problemsOf(entries: readonly [string, unknown][]): string[] {
  return entries.flatMap(([path, text]) => {
    if (!isText(text)) return [`${path}: not a { zh, en } pair`];
    const wrong: string[] = [];
    if (text.zh.trim() === "" && !path.endsWith("Separator") && !path.endsWith("Join")) wrong.push(`${path}: empty zh`);
    if (text.en.trim() === "" && !path.endsWith("Separator") && !path.endsWith("Join")) wrong.push(`${path}: empty en`);
    const zh = placeholders(text.zh).sort().join(",");
    const en = placeholders(text.en).sort().join(",");
    if (zh !== en) wrong.push(`${path}: zh takes {${zh}}, en takes {${en}}`);
    return wrong;
  });
}

function settingTexts(specs: readonly SettingSpec[], path: string): [string, unknown][] {
  return specs.flatMap((spec) => [
    [`${path}.${spec.name}.label`, spec.label] as [string, unknown],
    ...(spec.help ? [[`${path}.${spec.name}.help`, spec.help] as [string, unknown]] : []),
    ...(spec.type === "choice"
      ? spec.choices.map((c) => [`${path}.${spec.name}.${c.value}`, c.label] as [string, unknown])
      : []),
  ]);
}

describe("the catalogue", () => {
  it("has every entry in Chinese and English, neither empty, with the same parameters", () => {
    const entries = leaves(CATALOGUE, "");
    expect(entries.length).toBeGreaterThan(150);
    expect(problemsOf(entries)).toEqual([]);
  });

  it("finds a missing key, an empty language and parameters that differ", () => {
    expect(problemsOf([["a", { zh: "训练" }]])).toEqual(["a: not a { zh, en } pair"]);
    expect(problemsOf([["b", { zh: "训练", en: " " }]])).toEqual(["b: empty en"]);
    expect(problemsOf([["c", { zh: "第 {step} 步", en: "step" }]])).toEqual(["c: zh takes {step}, en takes {}"]);
    expect(() => lookup("demo.noSuchKey")).toThrow(/no catalogue entry "demo.noSuchKey"/);
  });

  it("holds every family's settings, views and loss series, and the common settings, to the same rule", () => {
    const entries: [string, unknown][] = [
      ...settingTexts(COMMON_SETTINGS, "common"),
      ...settingTexts([BACKEND_SETTING], "backend"),
    ];
    for (const id of FAMILY_IDS) {
      const spec = FAMILY_SPECS[id];
      entries.push([`${id}.title`, spec.title], ...settingTexts(spec.settings, id));
      for (const view of spec.views) {
        entries.push([`${id}.view.${view.id}`, view.label]);
        if (view.param) entries.push([`${id}.view.${view.id}.param`, view.param.label]);
      }
      for (const series of spec.lossSeries) entries.push([`${id}.loss.${series.key}`, series.label]);
    }
    expect(entries.length).toBeGreaterThan(100);
    expect(problemsOf(entries)).toEqual([]);
  });

  it("has every key the built pages mark for the English switch", () => {
    const keys = new Set<string>();
    for (const page of ["pages/compare/index.astro", "pages/embed/[family].astro", "layouts/Base.astro"]) {
      const text = readFileSync(new URL(`../../src/${page}`, import.meta.url), "utf8");
      for (const m of text.matchAll(/data-i18n(?:-attr)?=(?:"(?:[\w-]+:)?([\w.]+)"|\{`([^`]+)`\})/g)) {
        if (m[1]) keys.add(m[1]);
        else if (m[2]!.includes("${id}")) for (const id of FAMILY_IDS) keys.add(m[2]!.replace("${id}", id));
        else if (m[2]!.includes("${column.key}"))
          for (const k of Object.keys(CATALOGUE.compare.columns)) keys.add(m[2]!.replace("${column.key}", k));
        else if (m[2]!.includes("${index}"))
          CATALOGUE.compare.readingHtml.forEach((_, i) => keys.add(m[2]!.replace("${index}", String(i))));
        else throw new Error(`a key this test cannot expand: ${m[2]}`);
      }
    }
    expect(keys.size).toBeGreaterThan(30);
    for (const key of keys)
      expect(() => lookup(key, { target: 0.2, ceiling: 1, demos: "/", title: "t", note: "n" })).not.toThrow();
  });
});

describe("filling and choosing a language", () => {
  it("puts parameters into both languages, a Text parameter in its own language", () => {
    const inner: Text = { zh: "学习率", en: "the learning rate" };
    expect(
      fill(
        { zh: "请调小“{setting}”（第 {step} 步）", en: "lower {setting} (step {step})" },
        { setting: inner, step: 3 },
      ),
    ).toEqual({
      zh: "请调小“学习率”（第 3 步）",
      en: "lower the learning rate (step 3)",
    });
    expect(joinTexts([inner, inner], { zh: "、", en: ", " }).en).toBe("the learning rate, the learning rate");
  });

  it("reads lang=, refusing an unknown one with the valid list and staying Chinese", () => {
    expect(parseLang("en")).toBe("en");
    expect(() => parseLang("fr")).toThrow(/valid: zh, en/);
    expect(readPageLang("")).toEqual({ lang: "zh", problem: null });
    expect(readPageLang("?lang=en&gan.dataset=moons")).toEqual({ lang: "en", problem: null });
    const bad = readPageLang("?lang=fr");
    expect(bad.lang).toBe("zh");
    expect(bad.problem?.en).toMatch(/lang=“fr”.*valid: zh, en.*stays in Chinese/);
    expect(bad.problem?.zh).toMatch(/lang=“fr” 无效/);
  });
});
