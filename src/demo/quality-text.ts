/** The demo's line about its quality score, in words a reader can check (what 0 and 1 mean, what was counted). */
import type { QualityResult } from "./worker-protocol.ts";
import { OWN_TEXT } from "./own-data-text.ts";

export const QUALITY_PENDING = "质量分数：训练后显示";

/** E.g. "质量分数 0.12（第 800 步；0 = …；…；3 个样本不是有限数，都算作未命中）". */
export function qualityText(score: QualityResult): string {
  const missed = [
    score.nonFinite > 0 ? `${score.nonFinite} 个样本不是有限数` : "",
    score.offGrid > 0 ? `${score.offGrid} 个样本落在图外` : "",
  ].filter(Boolean);
  if (score.own) return OWN_TEXT.quality({ ...score, ...score.own }).zh;
  return (
    `质量分数 ${score.normalised.toFixed(2)}（第 ${score.step} 步；0 = 与新抽的真实数据一样好，1 = 不比单个高斯好；` +
    `基于 ${score.n} 个样本的 40×40 直方图 JS 散度 ${score.js.toFixed(3)}，噪声基线 ${score.noiseFloor.toFixed(3)}` +
    `${missed.length ? `；${missed.join("，")}，都算作未命中` : ""}）`
  );
}
