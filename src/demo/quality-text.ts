/** The demo's line about its quality score, in words a reader can check (what 0 and 1 mean, what was counted). */
import { DEMO_TEXT } from "../i18n/demo-text.ts";
import { fill, joinTexts, type Text } from "../i18n/text.ts";
import type { QualityResult } from "./worker-protocol.ts";
import { OWN_TEXT } from "./own-data-text.ts";

const T = DEMO_TEXT.quality;

/** The line before the first score. */
export const QUALITY_PENDING: Text = T.pending;

/** E.g. "质量分数 0.12（第 800 步；0 = …；…；3 个样本不是有限数，都算作未命中）", in both languages. */
export function qualityText(score: QualityResult): Text {
  const misses = [
    score.nonFinite > 0 ? fill(T.nonFinite, { count: score.nonFinite }) : null,
    score.offGrid > 0 ? fill(T.offGrid, { count: score.offGrid }) : null,
  ].filter((m) => m !== null);
  if (score.own) return OWN_TEXT.quality({ ...score, ...score.own });
  return fill(T.score, {
    score: score.normalised.toFixed(2),
    step: score.step,
    n: score.n,
    js: score.js.toFixed(3),
    floor: score.noiseFloor.toFixed(3),
    misses: misses.length ? fill(T.misses, { list: joinTexts(misses, T.missesJoin) }) : { zh: "", en: "" },
  });
}
