/** What the page knows of the DDPM family without loading its model (and tfjs): settings, views, losses. */
import { FAMILY_TITLES } from "../ids.ts";
import { defineFamilySpec } from "../types.ts";
import { learningRateSetting } from "./learning-rate.ts";

export const ddpmSpec = defineFamilySpec({
  id: "ddpm",
  title: FAMILY_TITLES.ddpm,
  settings: [
    {
      name: "schedule",
      label: "噪声调度",
      type: "choice",
      choices: [
        { value: "linear", label: "线性（Ho 2020）" },
        { value: "cosine", label: "余弦（Nichol & Dhariwal 2021）" },
      ],
      default: "linear",
    },
    {
      name: "steps",
      label: "扩散步数 T",
      type: "integer",
      min: 10,
      max: 500,
      default: 100,
      help: "Ho 等（2020）用 T = 1000；线性调度缩放到 T 步后 β_t 最大为 20/T，T ≤ 20 时截断在 0.999",
    },
    learningRateSetting(2e-3),
  ],
  views: [
    { id: "samples", label: "样本" },
    {
      id: "reverse",
      label: "反向过程",
      param: { name: "t", label: "反向步 t", min: 0, max: 100, step: 1, default: 0, maxSetting: "steps" },
      playable: true,
    },
    {
      id: "forward",
      label: "前向过程",
      param: { name: "t", label: "前向步 t", min: 0, max: 100, step: 1, default: 50, maxSetting: "steps" },
    },
  ],
  lossSeries: [{ key: "loss", label: "噪声预测误差 ½‖ε − ε_θ‖²（两坐标平均）" }],
  batchSize: 256,
  defaultSteps: 3000,
});
