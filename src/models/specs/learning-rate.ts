/**
 * The learning-rate setting every family has: a log scale from 1e-5 up to 1, high enough that a reader can watch
 * a run diverge (the demo then stops and says so).
 */
import type { Text } from "../../i18n/text.ts";
import type { NumberSetting } from "../../settings/table.ts";

export function learningRateSetting<const N extends string = "learningRate">(
  defaultValue: number,
  options: { name?: N; label?: Text; help?: Text } = {},
): NumberSetting<NoInfer<N>> {
  return {
    name: options.name ?? ("learningRate" as N),
    label: options.label ?? { zh: "学习率", en: "Learning rate" },
    type: "number",
    min: 1e-5,
    max: 1,
    step: 1e-5,
    default: defaultValue,
    log: true,
    ...(options.help === undefined ? {} : { help: options.help }),
  };
}
