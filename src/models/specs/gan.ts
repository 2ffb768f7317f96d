/** What the page knows of the GAN family without loading its model (and tfjs): settings, views, losses. */
import { FAMILY_TITLES } from "../ids.ts";
import { defineFamilySpec } from "../types.ts";
import { learningRateSetting } from "./learning-rate.ts";
import { learningRateDecaySettings } from "./lr-decay.ts";
import { weightAverageSetting } from "./weight-average.ts";

/**
 * The non-saturating GAN's settings, its defaults and the presets of its loss: the demo's fast recipe, measured in
 * docs/benchmarks-notes.md (Adam with β = (0, 0.99), learning rates 2e-3 / 4e-3 decayed to 3 % of that over steps 250–1,000,
 * lazy R1 γ = 3 on one update in 4, samples from a weight average β = 0.999).
 */
const FAST_RECIPE = {
  discriminatorSteps: 1,
  learningRate: 2e-3,
  discriminatorLearningRate: 4e-3,
  adamBeta1: 0,
  adamBeta2: 0.99,
  r1: 3,
  r1Interval: 4,
  decayFactor: 0.03,
  decayStart: 250,
  decayEnd: 1000,
  average: 0.999,
} as const;

export const ganSpec = defineFamilySpec({
  id: "gan",
  title: FAMILY_TITLES.gan,
  settings: [
    {
      name: "loss",
      label: { zh: "目标函数", en: "Objective" },
      type: "choice",
      // Each loss brings its paper's settings (presets) wherever they are not set explicitly; choosing a loss in
      // the controls puts them in, so switching back restores the other loss's own.
      choices: [
        {
          value: "nonsaturating",
          label: {
            zh: "非饱和 GAN（Goodfellow 2014），演示的快速配方：Adam β=(0, 0.99)，生成器 2e-3、判别器 4e-3，第 250–1000 步降到原值的 3%，R1 γ=3（每 4 次判别器更新加一次），样本取权重滑动平均 β=0.999",
            en: "Non-saturating GAN (Goodfellow 2014), the demo's fast recipe: Adam β=(0, 0.99), generator 2e-3, discriminator 4e-3, decayed to 3 % over steps 250–1000, R1 γ=3 (on one discriminator update in 4), samples from a weight average β=0.999",
          },
          presets: FAST_RECIPE,
        },
        {
          value: "wgan",
          label: {
            zh: "WGAN 权重裁剪（Arjovsky 2017 算法 1）：n_critic=5，RMSProp 5e-5，c=0.01",
            en: "WGAN weight clipping (Arjovsky 2017, Algorithm 1): n_critic=5, RMSProp 5e-5, c=0.01",
          },
          presets: {
            discriminatorSteps: 5,
            learningRate: 5e-5,
            discriminatorLearningRate: 5e-5,
            clip: 0.01,
            decayFactor: 1,
            average: 0,
          },
        },
        {
          value: "wgan-gp",
          label: {
            zh: "WGAN-GP 梯度惩罚（Gulrajani 2017 算法 1）：n_critic=5，Adam 1e-4（β₁=0，β₂=0.9），λ=10",
            en: "WGAN-GP gradient penalty (Gulrajani 2017, Algorithm 1): n_critic=5, Adam 1e-4 (β₁=0, β₂=0.9), λ=10",
          },
          presets: {
            discriminatorSteps: 5,
            learningRate: 1e-4,
            discriminatorLearningRate: 1e-4,
            adamBeta1: 0,
            adamBeta2: 0.9,
            penalty: 10,
            decayFactor: 1,
            average: 0,
          },
        },
      ],
      default: "nonsaturating",
      help: {
        zh: "选定目标函数时，判别器更新次数、学习率及其衰减、Adam 的 β、惩罚项和权重平均换成它的设置：两种 WGAN 用各自论文的（不衰减、不做平均），非饱和 GAN 用演示调出的快速配方（正文给出实测）；之后仍可逐项修改",
        en: "Choosing an objective sets the discriminator updates, the learning rates and their decay, Adam's betas, the penalty and the weight average to its own: each WGAN its paper's (no decay, no average), the non-saturating GAN the demo's fast recipe (measured in the text); each can still be changed afterwards",
      },
    },
    {
      name: "discriminatorSteps",
      label: { zh: "每步判别器（评论家）更新次数 n_critic", en: "Discriminator (critic) updates per step n_critic" },
      type: "integer",
      min: 1,
      max: 10,
      default: FAST_RECIPE.discriminatorSteps,
    },
    learningRateSetting(FAST_RECIPE.learningRate, { label: { zh: "生成器学习率", en: "Generator learning rate" } }),
    learningRateSetting(FAST_RECIPE.discriminatorLearningRate, {
      name: "discriminatorLearningRate",
      label: { zh: "判别器学习率", en: "Discriminator learning rate" },
      help: {
        zh: "非饱和 GAN 下判别器学得比生成器快（双时间尺度更新，Heusel 等 2017）时训练更稳定；两种 WGAN 的论文都用与生成器相同的学习率",
        en: "With the non-saturating GAN, training is steadier when the discriminator learns faster than the generator (two time-scale updates, Heusel et al. 2017); both WGAN papers use the generator's learning rate",
      },
    }),
    {
      name: "adamBeta1",
      label: { zh: "Adam β₁（两个网络）", en: "Adam β₁ (both networks)" },
      type: "number",
      min: 0,
      max: 0.99,
      step: 0.01,
      default: FAST_RECIPE.adamBeta1,
      help: {
        zh: "非饱和 GAN 与 WGAN-GP 的 Adam 一阶矩（动量）衰减率；WGAN（权重裁剪）用 RMSProp，不用它。DCGAN（Radford 等 2016）取 0.5，WGAN-GP 论文取 0；在对抗训练里，正的动量会让两个网络绕着平衡点打转（Gidel 等 2019），取 0 收敛得更快。Adam 的收敛分析要求 β₁ < √β₂（Reddi 等 2018）：例如 β₁ = 0.99、β₂ = 0.5 会发散",
        en: "Adam's first-moment (momentum) decay for the non-saturating GAN and WGAN-GP; WGAN (weight clipping) uses RMSProp, not this. DCGAN (Radford et al. 2016) takes 0.5, the WGAN-GP paper 0; in adversarial training positive momentum makes the two networks circle their equilibrium (Gidel et al. 2019), and 0 settles faster. Adam's convergence analysis needs β₁ < √β₂ (Reddi et al. 2018): β₁ = 0.99 with β₂ = 0.5, say, diverges",
      },
    },
    {
      name: "adamBeta2",
      label: { zh: "Adam β₂（两个网络）", en: "Adam β₂ (both networks)" },
      type: "number",
      min: 0.5,
      max: 0.9999,
      step: 0.0001,
      default: FAST_RECIPE.adamBeta2,
      help: {
        zh: "Adam 二阶矩的衰减率：越小，步长越快跟上梯度大小的变化；WGAN-GP 论文取 0.9，Adam 的原始默认是 0.999",
        en: "Adam's second-moment decay: the smaller, the faster the step size follows changes in the gradient's size; the WGAN-GP paper takes 0.9, Adam's own default is 0.999",
      },
    },
    {
      name: "clip",
      label: { zh: "WGAN 裁剪阈值 c", en: "WGAN clipping threshold c" },
      type: "number",
      min: 0.001,
      max: 1,
      step: 0.001,
      default: 0.01,
      help: {
        zh: "只在 WGAN（权重裁剪）下使用：每次评论家更新后把它的每个权重截到 [−c, c]；论文取 0.01",
        en: "WGAN (weight clipping) only: after each critic update every weight is clipped to [−c, c]; the paper takes 0.01",
      },
    },
    {
      name: "penalty",
      label: { zh: "梯度惩罚系数 λ", en: "Gradient penalty λ" },
      type: "number",
      min: 0,
      max: 100,
      step: 0.1,
      default: 10,
      help: {
        zh: "只在 WGAN-GP 下使用：评论家损失加上 λ·E(‖∇f(x̂)‖₂ − 1)²；论文取 10",
        en: "WGAN-GP only: adds λ·E(‖∇f(x̂)‖₂ − 1)² to the critic's loss; the paper takes 10",
      },
    },
    {
      name: "r1",
      label: { zh: "R1 梯度惩罚 γ", en: "R1 gradient penalty γ" },
      type: "number",
      min: 0,
      max: 10,
      step: 0.01,
      default: FAST_RECIPE.r1,
      help: {
        zh: "只在非饱和 GAN 下使用：判别器损失加上 (γ/2)·E‖∇ₓD(x)‖²，只在真数据上算（Mescheder 等 2018）；0 表示不加",
        en: "Non-saturating GAN only: adds (γ/2)·E‖∇ₓD(x)‖² to the discriminator's loss, on real data only (Mescheder et al. 2018); 0 adds nothing",
      },
    },
    {
      name: "r1Interval",
      label: { zh: "R1 每隔几次判别器更新加一次 k", en: "R1 on one discriminator update in k" },
      type: "integer",
      min: 1,
      max: 16,
      default: FAST_RECIPE.r1Interval,
      help: {
        zh: "“懒惰”正则化（Karras 等 2020，StyleGAN2 第 3.1 节）：R1 只在每 k 次判别器更新中的一次上加，权重乘以 k，平均下来是同一个惩罚，计算量约为 1/k；1 表示每次都加（Mescheder 等 2018 的原样）",
        en: "Lazy regularisation (Karras et al. 2020, StyleGAN2 §3.1): R1 is added on one discriminator update in k, weighted k times, the same penalty on average at about 1/k of its cost; 1 adds it on every update (as in Mescheder et al. 2018)",
      },
    },
    ...learningRateDecaySettings(
      { factor: FAST_RECIPE.decayFactor, start: FAST_RECIPE.decayStart, end: FAST_RECIPE.decayEnd },
      { zh: "两个学习率", en: "Both learning rates" },
    ),
    weightAverageSetting(FAST_RECIPE.average, {
      label: { zh: "生成器权重滑动平均 β（采样用）", en: "Generator weight average β (for sampling)" },
      help: {
        zh: "样本取自生成器权重的指数滑动平均 θ̄ ← βθ̄ + (1−β)θ（Yazıcı 等 2019），它不参与训练，只抹平对抗训练的来回振荡；0 表示直接用当前的生成器",
        en: "Samples come from an exponential moving average of the generator's weights θ̄ ← βθ̄ + (1−β)θ (Yazıcı et al. 2019); it takes no part in training and only smooths the back-and-forth of adversarial training; 0 uses the current generator",
      },
    }),
  ],
  views: [
    { id: "landscape", label: { zh: "判别器地形 + 生成器梯度", en: "Discriminator landscape + generator gradient" } },
    { id: "samples", label: { zh: "只看样本", en: "Samples only" } },
  ],
  lossSeries: [
    { key: "discriminator", label: { zh: "判别器损失 L_D", en: "Discriminator loss L_D" } },
    { key: "generator", label: { zh: "生成器损失 L_G", en: "Generator loss L_G" } },
  ],
  // Both WGAN papers' Algorithm 1 use m = 64; the demo keeps 256 for every loss (a 2D batch is cheap, and the
  // WGAN-GP authors' own toy-data script, gan_toy.py, also uses 256).
  batchSize: 256,
  defaultSteps: 5000,
  hardDatasets: {
    circles: {
      zh: "生成器是从一团连通的高斯噪声出发的连续映射：要画出两个互不相连的圆环，就得把这团噪声撕成两块，做不到时两环之间总连着一道样本带。默认的 R1 γ = 3（为 8gaussians 和 moons 调的）又让判别器平滑得看不出两环之间的空隙，样本铺满了整条环带。在设置里把“R1 梯度惩罚 γ”降到 0.3，两个环就分开了，但中间仍连着一道带，分数仍在 0.2 以上。",
      en: "The generator is a continuous map from one connected Gaussian blob: two rings that do not touch need it to tear that blob in two, and where it cannot, a band of samples joins the rings. The default R1 γ = 3 (tuned on 8gaussians and moons) also keeps the discriminator too smooth to see the gap between the rings, so the samples fill the whole band. Lowering “R1 gradient penalty γ” to 0.3 in the settings separates the two rings, still joined by a band, with the score still above 0.2.",
    },
    "2spirals": {
      zh: "两条螺旋臂又细又长，臂与臂之间只隔约一个单位；生成器要把一团噪声拉成两条绕一圈半的细臂，判别器也要分清紧挨着的臂，默认训练量内样本常常连成一片或只跟上一部分臂。",
      en: "The two arms are thin and long, about one unit apart: the generator has to stretch one blob of noise into two arms of one and a half turns, and the discriminator has to tell neighbouring arms apart; within the default budget the samples often smear into one or follow only part of the arms.",
    },
    checkerboard: {
      zh: "八个方块边界锐利、彼此只在角上相接；连续的生成器要把一团噪声分到八块上，又不在相邻的空格留下样本，默认训练量内做不到。",
      en: "The eight squares have sharp edges and touch only at their corners: a continuous generator has to split one blob of noise into eight pieces without leaving samples in the empty squares between them, which it does not manage within the default budget.",
    },
  },
});
