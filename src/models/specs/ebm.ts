/** What the page knows of the energy-based family without loading its model (and tfjs). */
import { FAMILY_TITLES } from "../ids.ts";
import { defineFamilySpec } from "../types.ts";
import { learningRateSetting } from "./learning-rate.ts";

export const ebmSpec = defineFamilySpec({
  id: "ebm",
  title: FAMILY_TITLES.ebm,
  settings: [
    { name: "langevinSteps", label: "每个训练步的朗之万步数 K", type: "integer", min: 1, max: 50, default: 10 },
    {
      name: "stepSize",
      label: "朗之万步长 λ",
      type: "number",
      min: 1e-4,
      max: 0.1,
      step: 1e-4,
      default: 0.01,
      log: true,
    },
    {
      name: "noiseScale",
      label: "噪声系数 η",
      type: "number",
      min: 0,
      max: 1,
      step: 0.01,
      default: 1,
      help: "每步加 √λ·η·z；η = 1 是标准朗之万动力学，η < 1 相当于降低温度",
    },
    {
      name: "regularizer",
      label: "能量正则 α",
      type: "number",
      min: 0,
      max: 1,
      step: 0.001,
      default: 0.01,
      help: "损失里加 α·(E(x⁺)² + E(x⁻)²)，防止能量整体漂走",
    },
    {
      name: "sampleSteps",
      label: "生成时的朗之万步数",
      type: "integer",
      min: 10,
      max: 500,
      default: 50,
      help: "生成样本时从均匀噪声出发走的步数",
    },
    learningRateSetting(3e-3),
  ],
  views: [
    { id: "landscape", label: "能量地形 + 样本" },
    { id: "chains", label: "持久链（回放缓冲区）" },
    {
      id: "sampling",
      label: "从噪声采样",
      param: { name: "remaining", label: "剩余步数 %", min: 0, max: 100, step: 1, default: 0 },
      playable: true,
    },
  ],
  lossSeries: [
    { key: "loss", label: "损失 E(x⁺) − E(x⁻) + α(E²)" },
    { key: "positive", label: "数据能量 E(x⁺)" },
    { key: "negative", label: "负样本能量 E(x⁻)" },
  ],
  divergenceCause: (settings) =>
    Number(settings.stepSize) >= 0.05
      ? {
          setting: "stepSize",
          why: `朗之万步长 λ = ${settings.stepSize} 太大：数据能量与负样本能量一正一负越拉越开，样本飞出数据区`,
        }
      : null,
  batchSize: 128,
  defaultSteps: 2000,
});
