/** What the page knows of the score-matching (NCSN) family without loading its model (and tfjs). */
import { FAMILY_TITLES } from "../ids.ts";
import { defineFamilySpec } from "../types.ts";
import { learningRateSetting } from "./learning-rate.ts";

export const scoreSpec = defineFamilySpec({
  id: "score",
  title: FAMILY_TITLES.score,
  settings: [
    { name: "levels", label: "噪声级数 L", type: "integer", min: 2, max: 20, default: 6 },
    {
      name: "sigmaMax",
      label: "最大噪声 σ₁",
      type: "number",
      min: 0.5,
      max: 10,
      step: 0.1,
      default: 4,
    },
    {
      name: "sigmaMin",
      label: "最小噪声 σ_L",
      type: "number",
      min: 0.01,
      max: 1,
      step: 0.01,
      default: 0.1,
      log: true,
      help: "噪声级从 σ₁ 到 σ_L 按几何级数递减",
    },
    { name: "stepsPerLevel", label: "每级朗之万步数 T", type: "integer", min: 1, max: 100, default: 10 },
    {
      name: "stepRatio",
      label: "相对步长 r = ε/σ_L²",
      type: "number",
      min: 0.05,
      max: 3.5,
      step: 0.05,
      default: 2,
      help: "第 i 级的步长 α_i = r·σ_i²，即论文的 ε = r·σ_L²；r 接近 4 时采样会发散",
    },
    {
      name: "denoise",
      label: "最后一步去噪",
      type: "choice",
      choices: [
        { value: "on", label: "开：x + σ_L² s_θ(x, σ_L)（Song & Ermon 2020）" },
        { value: "off", label: "关（原始算法 1）" },
      ],
      default: "on",
    },
    learningRateSetting(5e-3),
  ],
  views: [
    { id: "samples", label: "样本" },
    {
      id: "score",
      label: "分数场",
      param: { name: "level", label: "噪声级 i", min: 1, max: 6, step: 1, default: 3, maxSetting: "levels" },
    },
    {
      id: "langevin",
      label: "退火朗之万轨迹",
      param: { name: "remaining", label: "剩余步数 %", min: 0, max: 100, step: 1, default: 0 },
      playable: true,
    },
  ],
  lossSeries: [{ key: "loss", label: "去噪分数匹配损失 ½‖σ s_θ + z‖²" }],
  divergenceCause: (settings) =>
    Number(settings.stepRatio) >= 3
      ? {
          setting: "stepRatio",
          why: `相对步长 r = ${settings.stepRatio} 太大，退火朗之万采样会越走越远（r 接近 4 时发散）`,
        }
      : null,
  batchSize: 256,
  defaultSteps: 2000,
});
