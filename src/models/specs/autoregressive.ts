/** What the page knows of the autoregressive family without loading its model (and tfjs): settings, views, losses. */
import { FAMILY_TITLES } from "../ids.ts";
import { defineFamilySpec } from "../types.ts";
import { learningRateSetting } from "./learning-rate.ts";

export const autoregressiveSpec = defineFamilySpec({
  id: "autoregressive",
  title: FAMILY_TITLES.autoregressive,
  settings: [
    {
      name: "bins",
      label: "每个坐标的区间数 B",
      type: "integer",
      min: 8,
      max: 100,
      default: 50,
      help: "把 [−4.5, 4.5] 等分成 B 个区间；越多越精细，但每个区间分到的数据越少",
    },
    {
      name: "x1Input",
      label: "条件网络读取 x₁ 的方式",
      type: "choice",
      choices: [
        { value: "onehot", label: "独热编码（每个区间一个嵌入）" },
        { value: "centre", label: "区间中心坐标（一个数）" },
      ],
      default: "onehot",
      help: "独热：每个 x₁ 区间各学各的条件分布，学得快；中心坐标：相邻区间共享，条件分布随 x₁ 平滑变化，但学得慢",
    },
    learningRateSetting(3e-3),
  ],
  views: [
    { id: "density", label: "密度 + 样本" },
    {
      id: "conditional",
      label: "边缘与条件分布",
      param: { name: "x1", label: "x₁", min: -4.5, max: 4.5, step: 0.1, default: 0 },
    },
  ],
  lossSeries: [
    { key: "nll", label: "训练批次 NLL（nats）" },
    { key: "heldOut", label: "留出集 NLL（nats）" },
  ],
  batchSize: 256,
  defaultSteps: 1500,
});
