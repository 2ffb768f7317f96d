/** The benchmark's record of the fonts that draw Chinese, and the report's line on them. */
import { describe, expect, it } from "vitest";
import { chineseFontsLine, fontFamilies } from "../../src/cli/bench/chinese-fonts.ts";

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
    expect(chineseFontsLine(null).join("")).toContain("not known");
    expect(chineseFontsLine(undefined)).toEqual([]);
  });
});
