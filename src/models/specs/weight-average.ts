/**
 * The setting of a family that draws its samples from an exponential moving average of a network's weights
 * (src/lab/weight-average.ts): its decay β, from 0 (no average: the trained network itself) to 0.999.
 */
import { fill, type Text } from "../../i18n/text.ts";
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

const NETWORK_AVERAGE = {
  label: { zh: "网络权重滑动平均 β（采样用）", en: "Network weight average β (for sampling)" },
  help: {
    zh: "样本和各视图用的 {what} 来自训练中网络权重的指数滑动平均 θ̄ ← βθ̄ + (1−β)θ{paper}，它不参与训练，只抹平随机梯度带来的抖动；0 表示直接用当前的网络",
    en: "Samples and views use {what} from an exponential moving average of the trained network's weights θ̄ ← βθ̄ + (1−β)θ{paper}; it takes no part in training and only smooths the jitter of stochastic gradients; 0 uses the current network",
  },
} as const;

/**
 * The weight-average setting of a family whose one network gives what its sampler follows: `what` names it
 * ("速度场 v_θ" / "the velocity v_θ"), `paper` what its paper did, if anything (in brackets, leading space in English).
 */
export function networkAverageSetting(
  defaultValue: number,
  what: Text,
  paper: Text = { zh: "", en: "" },
): NumberSetting<"average"> {
  return weightAverageSetting(defaultValue, {
    label: NETWORK_AVERAGE.label,
    help: fill(NETWORK_AVERAGE.help, { what, paper }),
  });
}
