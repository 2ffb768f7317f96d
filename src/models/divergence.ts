/**
 * What the demo (in Chinese) and the CLI (in English) say when a run diverges: where, what became non-finite, and
 * the known cause when the family names one (`FamilySpec.divergenceCause`), else the learning rate.
 */
import type { FamilySpec, SettingValues } from "./types.ts";

/**
 * Where and how a run diverged: `series` is the key of the loss that became NaN or ±Inf, or `"samples"` when the
 * losses stayed finite but the model drew non-finite points (`nonFinite` of `drawn`), e.g. a sampler that overflows.
 */
export interface Divergence {
  step: number;
  series: string;
  nonFinite?: number;
  drawn?: number;
}

/** The `series` of a divergence found in the samples rather than in a loss. */
export const SAMPLES_DIVERGED = "samples";

function settingLabel(spec: FamilySpec, name: string): string {
  return spec.settings.find((s) => s.name === name)?.label ?? name;
}

/** The demo's message: it stops, says why, and what to change before "重置". */
export function divergenceMessage(spec: FamilySpec, divergence: Divergence, settings: SettingValues): string {
  const what =
    divergence.series === SAMPLES_DIVERGED
      ? `损失仍是有限数，但 ${divergence.drawn} 个生成样本中有 ${divergence.nonFinite} 个不是有限数（采样时数值溢出）`
      : `“${spec.lossSeries.find((s) => s.key === divergence.series)?.label ?? divergence.series}”变成了 NaN 或无穷大`;
  const cause = spec.divergenceCause?.(settings);
  const advice = cause
    ? `原因：${cause.why}。请调小“${settingLabel(spec, cause.setting)}”后点击“重置”。`
    : "学习率可能太大：请降低学习率后点击“重置”。";
  return `训练在第 ${divergence.step} 步发散（${what}），已停止。${advice}`;
}

/** The CLI's message, one line. */
export function divergenceMessageEn(spec: FamilySpec, divergence: Divergence, settings: SettingValues): string {
  const what =
    divergence.series === SAMPLES_DIVERGED
      ? `${divergence.nonFinite} of ${divergence.drawn} samples are not finite, although the losses are`
      : `the ${divergence.series} loss is not finite`;
  const cause = spec.divergenceCause?.(settings);
  const advice = cause
    ? `likely cause: ${cause.setting}=${settings[cause.setting]} (${cause.why}); lower it`
    : "lower the learning rate";
  return `diverged at step ${divergence.step}: ${what}; ${advice}`;
}
