/**
 * The three settings of a learning-rate decay (src/lab/lr-decay.ts): the rate holds until `decayStart`, follows half
 * a cosine down to `decayFactor` of its value by `decayEnd`, and holds there. `rates` names what decays, as the
 * subject of the help text ("两个学习率" / "Both learning rates").
 */
import { fill, type Text } from "../../i18n/text.ts";
import { decayedLearningRate, type LrDecay } from "../../lab/lr-decay.ts";
import type { IntegerSetting, NumberSetting } from "../../settings/table.ts";

const FACTOR_HELP = {
  zh: "{rates}在第 decayStart 步之前保持不变，之后沿半个余弦降到原值乘以这个比例（第 decayEnd 步），再保持；按模型已训练的步数算，再点“训练”时接着衰减；1 表示不衰减",
  en: "{rates}: held until step decayStart, then half a cosine down to this fraction of the starting value by step decayEnd, and held there; counted on the model's steps, so clicking Train again goes on from there; 1 decays nothing",
} as const;

export function learningRateDecaySettings(
  defaults: LrDecay,
  rates: Text,
): [NumberSetting<"decayFactor">, IntegerSetting<"decayStart">, IntegerSetting<"decayEnd">] {
  return [
    {
      name: "decayFactor",
      label: { zh: "学习率衰减到的比例", en: "Learning-rate decay: down to this fraction" },
      type: "number",
      min: 0.01,
      max: 1,
      step: 0.01,
      default: defaults.factor,
      help: fill(FACTOR_HELP, { rates }),
    },
    {
      name: "decayStart",
      label: { zh: "学习率开始衰减的步数", en: "Learning-rate decay starts at step" },
      type: "integer",
      min: 0,
      max: 100000,
      default: defaults.start,
    },
    {
      name: "decayEnd",
      label: { zh: "学习率衰减结束的步数", en: "Learning-rate decay ends at step" },
      type: "integer",
      min: 1,
      max: 100000,
      default: defaults.end,
    },
  ];
}

/** The decay settings of a family's typed values. */
type DecaySettings = { decayFactor: number; decayStart: number; decayEnd: number };

/** The decay a family's typed settings hold. */
function decayOf(settings: DecaySettings): LrDecay {
  return { factor: settings.decayFactor, start: settings.decayStart, end: settings.decayEnd };
}

/**
 * The rate for update number `step` as the trainer counts it (from 1, so `step − 1` updates came before), from the
 * base rate `base` under the settings' decay. On that step count, which loaded weights carry, a snapshot goes on at
 * its own rate.
 */
export function learningRateAt(base: number, step: number, settings: DecaySettings): number {
  return decayedLearningRate(base, step - 1, decayOf(settings));
}
