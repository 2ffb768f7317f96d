/** What the page knows of the DDPM family without loading its model (and tfjs): settings, views, losses. */
import { FAMILY_TITLES } from "../ids.ts";
import { defineFamilySpec } from "../types.ts";
import { smoothFieldReason } from "./hard-datasets.ts";
import { learningRateSetting } from "./learning-rate.ts";
import { networkAverageSetting } from "./weight-average.ts";

/** Why DDPM misses thin gaps and sharp edges within its budget. */
const SMOOTH_NOISE_PREDICTOR = smoothFieldReason(
  { zh: "噪声预测 ε_θ(x_t, t) ", en: "The noise predictor ε_θ(x_t, t)" },
  {
    zh: "多训练会慢慢变好，但细结构只在最小的几个 t 上才分得开，而每批里这些 t 只占少数。",
    en: "Longer training helps slowly: fine structure is told apart only at the smallest few t, and those are a small share of each batch.",
  },
);

export const ddpmSpec = defineFamilySpec({
  id: "ddpm",
  title: FAMILY_TITLES.ddpm,
  settings: [
    {
      name: "schedule",
      label: { zh: "噪声调度", en: "Noise schedule" },
      type: "choice",
      choices: [
        { value: "linear", label: { zh: "线性（Ho 2020）", en: "Linear (Ho 2020)" } },
        { value: "cosine", label: { zh: "余弦（Nichol & Dhariwal 2021）", en: "Cosine (Nichol & Dhariwal 2021)" } },
      ],
      default: "linear",
    },
    {
      name: "steps",
      label: { zh: "扩散步数 T", en: "Diffusion steps T" },
      type: "integer",
      min: 10,
      max: 500,
      default: 100,
      help: {
        zh: "Ho 等（2020）用 T = 1000；线性调度缩放到 T 步后 β_t 最大为 20/T，T ≤ 20 时截断在 0.999",
        en: "Ho et al. (2020) use T = 1000; the linear schedule scaled to T steps has β_t up to 20/T, clipped at 0.999 for T ≤ 20",
      },
    },
    learningRateSetting(4e-3, {
      help: {
        zh: "默认 4e-3：比 2e-3 早约四成步数达到可辨认（8gaussians 800 步、moons 1200 步，种子 1–3 的中位数），8e-3 不再更快",
        en: "4e-3 by default: recognisable in about two fifths fewer steps than at 2e-3 (8gaussians 800, moons 1,200, median of seeds 1–3); 8e-3 is no faster",
      },
    }),
    networkAverageSetting(
      0.999,
      { zh: "ε_θ", en: "the ε_θ" },
      {
        zh: "（Ho 等 2020 附录 B 取 β = 0.9999，这里训练步数少得多）",
        en: " (Ho et al. 2020, Appendix B, take β = 0.9999 over far more steps than here)",
      },
    ),
  ],
  views: [
    { id: "samples", label: { zh: "样本", en: "Samples" } },
    {
      id: "reverse",
      label: { zh: "反向过程", en: "Reverse process" },
      param: {
        name: "t",
        label: { zh: "反向步 t", en: "Reverse step t" },
        min: 0,
        max: 100,
        step: 1,
        default: 0,
        maxSetting: "steps",
      },
      playable: true,
    },
    {
      id: "forward",
      label: { zh: "前向过程", en: "Forward process" },
      param: {
        name: "t",
        label: { zh: "前向步 t", en: "Forward step t" },
        min: 0,
        max: 100,
        step: 1,
        default: 50,
        maxSetting: "steps",
      },
    },
  ],
  lossSeries: [
    {
      key: "loss",
      label: {
        zh: "噪声预测误差 ½‖ε − ε_θ‖²（两坐标平均）",
        en: "Noise prediction error ½‖ε − ε_θ‖² (mean of both coordinates)",
      },
    },
  ],
  batchSize: 256,
  defaultSteps: 5000,
  hardDatasets: { "2spirals": SMOOTH_NOISE_PREDICTOR, checkerboard: SMOOTH_NOISE_PREDICTOR },
});
