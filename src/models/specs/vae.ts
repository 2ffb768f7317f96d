/** What the page knows of the VAE family without loading its model (and tfjs): settings, views, losses. */
import { FAMILY_TITLES } from "../ids.ts";
import { defineFamilySpec } from "../types.ts";
import { learningRateSetting } from "./learning-rate.ts";

export const vaeSpec = defineFamilySpec({
  id: "vae",
  title: FAMILY_TITLES.vae,
  settings: [
    {
      name: "beta",
      label: "KL 权重 β",
      type: "number",
      min: 0,
      max: 5,
      step: 0.05,
      default: 1,
      help: "β = 1 是标准 ELBO；β > 1 更贴近先验但更模糊（β-VAE），β < 1 重建更准但先验采样会落进空洞",
    },
    {
      name: "decoderVariance",
      label: "解码器方差",
      type: "choice",
      choices: [
        { value: "per-point", label: "逐点学习 σ_θ(z)：解码器同时给出均值和方差" },
        { value: "shared", label: "共享 σ_x：每个坐标一个，所有 z 相同" },
      ],
      default: "per-point",
      help: "默认逐点：解码器对每个 z 给出自己的方差，一团里的散布交给方差，潜变量只需说明点属于哪一团，先验采样更少落在团与团之间；前 500 步方差停在共享值上，先学均值，否则方差一开始就张到整片数据、模型塌成一个高斯",
    },
    learningRateSetting(5e-3),
  ],
  views: [
    { id: "samples", label: "样本 x ~ p(x|z)" },
    { id: "latent", label: "潜空间" },
    { id: "reconstruction", label: "重建" },
    { id: "means", label: "解码器均值 μ_θ(z)" },
  ],
  lossSeries: [
    { key: "reconstruction", label: "重建项 −log p(x|z)" },
    { key: "kl", label: "KL 项 KL(q(z|x) ‖ p(z))" },
    { key: "elbo", label: "负 ELBO（重建 + KL）" },
  ],
  batchSize: 256,
  defaultSteps: 5000,
});
