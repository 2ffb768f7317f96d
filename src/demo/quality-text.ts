/** The demo's line about its quality score, in words a reader can check (what 0 and 1 mean, what was counted). */
import { DEMO_TEXT } from "../i18n/demo-text.ts";
import { fill, joinTexts, type Text } from "../i18n/text.ts";
import type { QualityResult } from "./worker-protocol.ts";
import { OWN_DATA_TEXT } from "../i18n/own-data-text.ts";

const T = DEMO_TEXT.quality;

/** The line before the first score. */
export const QUALITY_PENDING: Text = T.pending;

/** E.g. "质量分数 0.12（第 800 步；0 = …；…；3 个样本不是有限数，都算作未命中）", in both languages. */
export function qualityText(score: QualityResult): Text {
  const common = {
    score: score.normalised.toFixed(2),
    step: score.step,
    js: score.js.toFixed(3),
    floor: score.noiseFloor.toFixed(3),
    misses: missesText(score),
  };
  if (!score.own) return fill(T.score, { ...common, n: score.n });
  // On the reader's own data: scored against their held-out points, on a grid sized to them (see own-score.ts).
  const { bins, heldOut, reliable } = score.own;
  return fill(OWN_DATA_TEXT.quality, {
    ...common,
    n: count(score.n),
    heldOut: count(heldOut),
    bins,
    rough: reliable ? NONE : OWN_DATA_TEXT.qualityRough,
  });
}

const NONE: Text = { zh: "", en: "" };

const count = (value: number) => value.toLocaleString("en-US");

/** The samples the score counted as misses ("；3 个样本不是有限数，都算作未命中"), or nothing when none were. */
function missesText(score: QualityResult): Text {
  const misses = [
    score.nonFinite > 0 ? fill(T.nonFinite, { count: score.nonFinite }) : null,
    score.offGrid > 0 ? fill(T.offGrid, { count: score.offGrid }) : null,
  ].filter((m) => m !== null);
  return misses.length ? fill(T.misses, { list: joinTexts(misses, T.missesJoin) }) : NONE;
}
