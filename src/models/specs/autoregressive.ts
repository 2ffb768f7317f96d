/** What the page knows of the autoregressive family without loading its model (and tfjs): settings, views, losses. */
import { FAMILY_TITLES } from "../ids.ts";
import { same } from "../../i18n/text.ts";
import { defineFamilySpec } from "../types.ts";
import { learningRateSetting } from "./learning-rate.ts";

export const autoregressiveSpec = defineFamilySpec({
  id: "autoregressive",
  title: FAMILY_TITLES.autoregressive,
  settings: [
    {
      name: "bins",
      label: { zh: "每个坐标的区间数 B", en: "Bins per coordinate B" },
      type: "integer",
      min: 8,
      max: 100,
      default: 50,
      help: {
        zh: "把 [−4.5, 4.5] 等分成 B 个区间；越多越精细，但每个区间分到的数据越少",
        en: "[−4.5, 4.5] cut into B equal bins; more bins are finer, but each gets less data",
      },
    },
    {
      name: "x1Input",
      label: { zh: "条件网络读取 x₁ 的方式", en: "How the conditional network reads x₁" },
      type: "choice",
      choices: [
        { value: "onehot", label: { zh: "独热编码（每个区间一个嵌入）", en: "One-hot (one embedding per bin)" } },
        { value: "centre", label: { zh: "区间中心坐标（一个数）", en: "Bin centre (one number)" } },
      ],
      default: "onehot",
      help: {
        zh: "独热：每个 x₁ 区间各学各的条件分布，学得快；中心坐标：相邻区间共享，条件分布随 x₁ 平滑变化，但学得慢",
        en: "One-hot: each x₁ bin learns its own conditional, fast; centre: neighbouring bins share, the conditional varies smoothly with x₁, but learns slowly",
      },
    },
    learningRateSetting(3e-3),
  ],
  views: [
    { id: "density", label: { zh: "密度 + 样本", en: "Density + samples" } },
    {
      id: "conditional",
      label: { zh: "边缘与条件分布", en: "Marginal and conditional" },
      param: { name: "x1", label: same("x₁"), min: -4.5, max: 4.5, step: 0.1, default: 0 },
    },
  ],
  lossSeries: [
    { key: "nll", label: { zh: "训练批次 NLL（nats）", en: "Training batch NLL (nats)" } },
    { key: "heldOut", label: { zh: "留出集 NLL（nats）", en: "Held-out NLL (nats)" } },
  ],
  batchSize: 256,
  defaultSteps: 1500,
});
