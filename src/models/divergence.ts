/**
 * What the demo (in the page's language) and the CLI (in English) say when a run diverges: where, what became
 * non-finite, and the known cause when the family names one (`FamilySpec.divergenceCause`), else the learning rate.
 */
import { CORE_TEXT } from "../i18n/core-text.ts";
import { fill, same, type Text } from "../i18n/text.ts";
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

const T = CORE_TEXT.divergence;

function settingLabel(spec: FamilySpec, name: string): Text {
  return spec.settings.find((s) => s.name === name)?.label ?? same(name);
}

/**
 * The demo's message, in both languages: it stops, says why, and what to change before "重置". `advice` replaces
 * the last sentence's "then press Reset" for a page without that button (the comparison): it gets the setting to
 * lower, or null for the learning rate.
 */
export function divergenceMessage(
  spec: FamilySpec,
  divergence: Divergence,
  settings: SettingValues,
  advice: (setting: Text | null) => Text = (setting) => (setting ? fill(T.cause.advice, { setting }) : T.learningRate),
): Text {
  const series = spec.lossSeries.find((s) => s.key === divergence.series)?.label ?? same(divergence.series);
  const what =
    divergence.series === SAMPLES_DIVERGED
      ? fill(T.samples, { drawn: divergence.drawn ?? 0, nonFinite: divergence.nonFinite ?? 0 })
      : fill(T.loss, { series });
  const cause = spec.divergenceCause?.(settings);
  const told = cause
    ? fill(T.cause.why, { why: cause.why, advice: advice(settingLabel(spec, cause.setting)) })
    : advice(null);
  return fill(T.message, { step: divergence.step, what, advice: told });
}

/** The CLI's message, one line. */
export function divergenceMessageEn(spec: FamilySpec, divergence: Divergence, settings: SettingValues): string {
  const what =
    divergence.series === SAMPLES_DIVERGED
      ? `${divergence.nonFinite} of ${divergence.drawn} samples are not finite, although the losses are`
      : `the ${divergence.series} loss is not finite`;
  const cause = spec.divergenceCause?.(settings);
  const advice = cause
    ? `likely cause: ${cause.setting}=${settings[cause.setting]} (${cause.why.en}); lower it`
    : "lower the learning rate";
  return `diverged at step ${divergence.step}: ${what}; ${advice}`;
}
