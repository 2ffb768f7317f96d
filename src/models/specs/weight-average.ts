/**
 * The setting of a family that draws its samples from an exponential moving average of a network's weights
 * (src/lab/weight-average.ts): its decay β, from 0 (no average: the trained network itself) to 0.999.
 */
import type { Text } from "../../i18n/text.ts";
import type { NumberSetting } from "../../settings/table.ts";

export function weightAverageSetting(
  defaultValue: number,
  text: { label: Text; help: Text },
): NumberSetting<"average"> {
  return {
    name: "average",
    label: text.label,
    type: "number",
    min: 0,
    max: 0.999,
    step: 0.001,
    default: defaultValue,
    help: text.help,
  };
}
