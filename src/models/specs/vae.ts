/** What the page knows of the VAE family without loading its model (and tfjs): settings, views, losses. */
import { FAMILY_TITLES } from "../ids.ts";
import { defineFamilySpec } from "../types.ts";
import { learningRateSetting } from "./learning-rate.ts";
import { learningRateDecaySettings } from "./lr-decay.ts";
import { weightAverageSetting } from "./weight-average.ts";

/**
 * Why the VAE blurs thin and sharp structure: one reason for every dataset it is measured not to learn (ELBO with a
 * N(0, I) prior and a continuous decoder).
 */
const CONNECTED_PRIOR = {
  zh: "先验 N(0, I) 是连通的一团，解码器又是连续的：潜空间里相邻的点被解码到相邻的位置，所以螺旋臂之间或方块之间的空隙里总会落下样本；高斯解码器的方差再把锐利的边抹圆。这是 ELBO 为覆盖全部数据付出的代价：多训练、加宽网络都只能缩小、不能消除这些空隙里的样本。",
  en: "The prior N(0, I) is one connected blob and the decoder is continuous: neighbouring latent points decode to neighbouring places, so samples always land in the gaps between arms or squares, and the Gaussian decoder's variance rounds sharp edges off. It is the price the ELBO pays for covering all of the data: longer training or a wider network shrink those samples in the gaps but do not remove them.",
};

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
    {
      name: "decoderVariance",
      label: { zh: "解码器方差", en: "Decoder variance" },
      type: "choice",
      choices: [
        {
          value: "per-point",
          label: {
            zh: "逐点学习 σ_θ(z)：解码器同时给出均值和方差",
            en: "Learnt per point, σ_θ(z): the decoder gives a mean and a variance",
          },
        },
        {
          value: "shared",
          label: {
            zh: "共享 σ_x：每个坐标一个，所有 z 相同",
            en: "Shared σ_x: one per coordinate, the same for every z",
          },
        },
      ],
      default: "per-point",
      help: {
        zh: "默认逐点：解码器对每个 z 给出自己的方差，一团里的散布交给方差，潜变量只需说明点属于哪一团，先验采样更少落在团与团之间；前 500 步方差停在共享值上，先学均值，否则方差一开始就张到整片数据、模型塌成一个高斯",
        en: "Per point by default: the decoder gives each z its own variance, so the spread within a cluster goes to the variance and the latent only has to say which cluster a point belongs to, and prior samples fall less often between clusters; for the first 500 steps the variance stays at the shared value while the means are learnt, else it opens to the whole data at once and the model collapses into one Gaussian",
      },
    },
    learningRateSetting(6e-3, {
      help: {
        zh: "默认 6e-3，第 500 步起沿余弦降到 1.2e-3（第 5000 步，见下面的衰减设置），每批 384 个点：8gaussians 上种子 1–3 到 0.2 要 1200–1600 步（原来 3e-3、每批 256 时 1700 步以上），5000 步时 0.08–0.11（原来 0.11–0.14）",
        en: "6e-3 by default, down a cosine to 1.2e-3 from step 500 to 5,000 (the decay settings below), 384 points a batch: 8gaussians at seeds 1–3 reaches 0.2 in 1,200–1,600 steps (1,700 or more at 3e-3 and 256 a batch before) and 0.08–0.11 at 5,000 steps (0.11–0.14)",
      },
    }),
    ...learningRateDecaySettings({ factor: 0.2, start: 500, end: 5000 }, { zh: "学习率", en: "The learning rate" }),
    weightAverageSetting(0.99, {
      label: { zh: "解码器权重滑动平均 β（采样用）", en: "Decoder weight average β (for sampling)" },
      help: {
        zh: "样本、似然和各视图用的解码器是训练中解码器权重的指数滑动平均 θ̄ ← βθ̄ + (1−β)θ（Polyak 平均），它不参与训练，只抹平随机梯度带来的抖动；0 表示直接用当前的解码器",
        en: "The decoder that samples, the likelihood and the views use is an exponential moving average of the trained decoder's weights θ̄ ← βθ̄ + (1−β)θ (Polyak averaging); it takes no part in training and only smooths the jitter of stochastic gradients; 0 uses the current decoder",
      },
    }),
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
  batchSize: 384,
  defaultSteps: 5000,
  hardDatasets: { "2spirals": CONNECTED_PRIOR, checkerboard: CONNECTED_PRIOR },
});
