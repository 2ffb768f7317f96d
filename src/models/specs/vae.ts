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
      label: { zh: "KL 权重 β", en: "KL weight β" },
      type: "number",
      min: 0,
      max: 5,
      step: 0.05,
      default: 1,
      help: {
        zh: "β = 1 是标准 ELBO；β > 1 更贴近先验但更模糊（β-VAE），β < 1 重建更准但先验采样会落进空洞",
        en: "β = 1 is the standard ELBO; β > 1 keeps closer to the prior but blurs (β-VAE), β < 1 reconstructs better but prior samples fall into holes",
      },
    },
    learningRateSetting(5e-3),
  ],
  views: [
    { id: "samples", label: { zh: "样本 x ~ p(x|z)", en: "Samples x ~ p(x|z)" } },
    { id: "latent", label: { zh: "潜空间", en: "Latent space" } },
    { id: "reconstruction", label: { zh: "重建", en: "Reconstruction" } },
    { id: "means", label: { zh: "解码器均值 μ_θ(z)", en: "Decoder mean μ_θ(z)" } },
  ],
  lossSeries: [
    { key: "reconstruction", label: { zh: "重建项 −log p(x|z)", en: "Reconstruction −log p(x|z)" } },
    { key: "kl", label: { zh: "KL 项 KL(q(z|x) ‖ p(z))", en: "KL term KL(q(z|x) ‖ p(z))" } },
    { key: "elbo", label: { zh: "负 ELBO（重建 + KL）", en: "Negative ELBO (reconstruction + KL)" } },
  ],
  batchSize: 256,
  defaultSteps: 5000,
});
