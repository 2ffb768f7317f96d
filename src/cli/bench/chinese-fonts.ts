/**
 * Which fonts on this machine draw Chinese: fontconfig's `fc-list :lang=zh family`, the fonts Chromium draws from
 * on Linux. Without one, the article's text is drawn as empty boxes and costs about twice as much to lay out as on
 * a reader's machine (benchmark notes, stop 33), so the report says which it was.
 */
import { execFileSync } from "node:child_process";

/** The families in `fc-list … family` output: the first name on each line, sorted, each once. */
export function fontFamilies(fcListOutput: string): string[] {
  const names = fcListOutput
    .split("\n")
    .map((line) => line.split(",")[0]!.trim())
    .filter((name) => name !== "");
  return [...new Set(names)].sort();
}

/** Fonts for Simplified Chinese (" SC"), the article's, named first; the rest after them in their order. */
function simplifiedFirst(fonts: readonly string[]): string[] {
  const simplified = (name: string) => /\bSC\b/.test(name);
  return [...fonts.filter(simplified), ...fonts.filter((f) => !simplified(f))];
}

/** The fonts that draw Chinese here, or null where fontconfig could not be asked. */
export function chineseFonts(): string[] | null {
  try {
    return fontFamilies(execFileSync("fc-list", [":lang=zh", "family"], { encoding: "utf8", timeout: 10_000 }));
  } catch {
    return null;
  }
}

/** The report's line on them; none for reports from before it was recorded (`undefined`). */
export function chineseFontsLine(fonts: readonly string[] | null | undefined): string[] {
  if (fonts === undefined) return [];
  if (fonts === null) return ["- Fonts for Chinese: not known (fontconfig's `fc-list` did not answer)"];
  if (fonts.length === 0) {
    return [
      "- Fonts for Chinese: **none**. The article's Chinese text is drawn as empty boxes here, and laying it out costs about twice what it does with a font, as every reader of the article has (see the notes, stop 33); on Debian `apt-get install fonts-noto-cjk` gives one.",
    ];
  }
  const more = fonts.length > 3 ? ` and ${fonts.length - 3} more` : "";
  return [`- Fonts for Chinese: ${simplifiedFirst(fonts).slice(0, 3).join(", ")}${more}`];
}

/** For a merged run's line: the fonts that drew Chinese in it, where recorded. */
export function mergedFontsNote(fonts: readonly string[] | null | undefined): string {
  if (fonts === undefined) return "";
  if (fonts === null) return "; fonts for Chinese not known";
  return fonts.length === 0
    ? "; **no font for Chinese**"
    : `; fonts for Chinese: ${simplifiedFirst(fonts)[0]}${fonts.length > 1 ? " …" : ""}`;
}
