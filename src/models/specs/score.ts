/** What the page knows of the score-matching (NCSN) family without loading its model (and tfjs). */
import { FAMILY_TITLES } from "../ids.ts";
import { fill } from "../../i18n/text.ts";
import { defineFamilySpec } from "../types.ts";
import { smoothFieldReason } from "./hard-datasets.ts";
import { learningRateSetting } from "./learning-rate.ts";
import { remainingStepsParam } from "./remaining-steps.ts";

/** Why score matching misses thin gaps and sharp edges within its budget. */
const SMOOTH_SCORE = smoothFieldReason({ zh: "分数 s_θ(x, σ) ", en: "The score s_θ(x, σ)" });

export const scoreSpec = defineFamilySpec({
  id: "score",
  title: FAMILY_TITLES.score,
  settings: [
    { name: "levels", label: { zh: "噪声级数 L", en: "Noise levels L" }, type: "integer", min: 2, max: 20, default: 6 },
    {
      name: "sigmaMax",
      label: { zh: "最大噪声 σ₁", en: "Largest noise σ₁" },
      type: "number",
      min: 0.5,
      max: 10,
      step: 0.1,
      default: 4,
    },
    {
      name: "sigmaMin",
      label: { zh: "最小噪声 σ_L", en: "Smallest noise σ_L" },
      type: "number",
      min: 0.01,
      max: 1,
      step: 0.01,
      default: 0.1,
      log: true,
      help: { zh: "噪声级从 σ₁ 到 σ_L 按几何级数递减", en: "The noise levels fall geometrically from σ₁ to σ_L" },
    },
    {
      name: "stepsPerLevel",
      label: { zh: "每级朗之万步数 T", en: "Langevin steps per level T" },
      type: "integer",
      min: 1,
      max: 100,
      default: 10,
    },
    {
      name: "stepRatio",
      label: { zh: "相对步长 r = ε/σ_L²", en: "Relative step size r = ε/σ_L²" },
      type: "number",
      min: 0.05,
      max: 3.5,
      step: 0.05,
      default: 2,
      help: {
        zh: "第 i 级的步长 α_i = r·σ_i²，即论文的 ε = r·σ_L²；r 接近 4 时采样会发散",
        en: "Level i's step size α_i = r·σ_i², the paper's ε = r·σ_L²; sampling diverges as r nears 4",
      },
    },
    {
      name: "denoise",
      label: { zh: "最后一步去噪", en: "Final denoising step" },
      type: "choice",
      choices: [
        {
          value: "on",
          label: {
            zh: "开：x + σ_L² s_θ(x, σ_L)（Song & Ermon 2020）",
            en: "On: x + σ_L² s_θ(x, σ_L) (Song & Ermon 2020)",
          },
        },
        { value: "off", label: { zh: "关（原始算法 1）", en: "Off (the original Algorithm 1)" } },
      ],
      default: "on",
    },
    learningRateSetting(5e-3),
  ],
  views: [
    { id: "samples", label: { zh: "样本", en: "Samples" } },
    {
      id: "score",
      label: { zh: "分数场", en: "Score field" },
      param: {
        name: "level",
        label: { zh: "噪声级 i", en: "Noise level i" },
        min: 1,
        max: 6,
        step: 1,
        default: 3,
        maxSetting: "levels",
      },
    },
    {
      id: "langevin",
      label: { zh: "退火朗之万轨迹", en: "Annealed Langevin paths" },
      param: remainingStepsParam({ percent: true }),
      playable: true,
    },
  ],
  lossSeries: [
    { key: "loss", label: { zh: "去噪分数匹配损失 ½‖σ s_θ + z‖²", en: "Denoising score matching loss ½‖σ s_θ + z‖²" } },
  ],
  divergenceCause: (settings) =>
    Number(settings.stepRatio) >= 3
      ? {
          setting: "stepRatio",
          why: fill(
            {
              zh: "相对步长 r = {value} 太大，退火朗之万采样会越走越远（r 接近 4 时发散）",
              en: "the relative step size r = {value} is too large: annealed Langevin sampling wanders ever further (it diverges as r nears 4)",
            },
            { value: settings.stepRatio! },
          ),
        }
      : null,
  batchSize: 256,
  defaultSteps: 5000,
  hardDatasets: { "2spirals": SMOOTH_SCORE },
});
