/** The benchmark's record of the fonts that draw Chinese, and the report's line on them. */
import { describe, expect, it } from "vitest";
import { chineseFontsLine, fontFamilies, mergedFontsNote } from "../../src/cli/bench/chinese-fonts.ts";
import { mergeResults, type BenchResult } from "../../src/cli/bench/report.ts";

describe("fonts for Chinese in the benchmark's report", () => {
  it("reads the first family name of each fc-list line, sorted, each once", () => {
    const out =
      "Noto Serif CJK SC,Noto Serif CJK SC Regular\nNoto Sans CJK SC\n\nNoto Sans CJK SC,Noto Sans CJK SC Bold\n";
    expect(fontFamilies(out)).toEqual(["Noto Sans CJK SC", "Noto Serif CJK SC"]);
    expect(fontFamilies("")).toEqual([]);
  });

  it("says when there is none, names up to three, and says nothing for older reports", () => {
    expect(chineseFontsLine([]).join("")).toContain("Fonts for Chinese: **none**");
    expect(chineseFontsLine(["A", "B"])).toEqual(["- Fonts for Chinese: A, B"]);
    expect(chineseFontsLine(["A", "B", "C", "D", "E"])).toEqual(["- Fonts for Chinese: A, B, C and 2 more"]);
    // The article is in Simplified Chinese: its fonts are named first.
    expect(chineseFontsLine(["Noto Sans CJK HK", "Noto Sans CJK SC", "Noto Sans CJK TC", "Noto Serif CJK SC"])).toEqual(
      ["- Fonts for Chinese: Noto Sans CJK SC, Noto Serif CJK SC, Noto Sans CJK HK and 1 more"],
    );
    expect(chineseFontsLine(null).join("")).toContain("not known");
    expect(chineseFontsLine(undefined)).toEqual([]);
  });

  it("keeps each merged run's fonts in its line of the report", () => {
    const run = (command: string, chineseFonts?: string[] | null): BenchResult => ({
      startedAt: "",
      finishedAt: "then",
      command,
      machine: {
        cpu: "",
        cores: 2,
        memoryGiB: 1,
        os: "",
        node: "",
        chromium: "",
        webglRenderer: null,
        ...(chineseFonts !== undefined ? { chineseFonts } : {}),
      },
      defaultBackend: "wasm",
      durations: { demo: 1, otherBackend: 1, recognisableCap: 1 },
      families: {},
    });
    const merged = mergeResults(mergeResults(run("first"), run("second", [])), run("third", ["Noto Sans CJK SC", "B"]));
    expect(merged.mergedRuns).toEqual([
      { command: "second", finishedAt: "then", chineseFonts: [] },
      { command: "third", finishedAt: "then", chineseFonts: ["Noto Sans CJK SC", "B"] },
    ]);
    expect(mergedFontsNote([])).toBe("; **no font for Chinese**");
    expect(mergedFontsNote(["Noto Sans CJK SC", "B"])).toBe("; fonts for Chinese: Noto Sans CJK SC …");
    expect(mergedFontsNote(["Noto Sans CJK HK", "Noto Sans CJK SC"])).toBe("; fonts for Chinese: Noto Sans CJK SC …");
    expect(mergedFontsNote(undefined)).toBe("");
  });
});
