/** What the page knows of the GAN family without loading its model (and tfjs): settings, views, losses. */
import { FAMILY_TITLES } from "../ids.ts";
import { defineFamilySpec } from "../types.ts";
import { learningRateSetting } from "./learning-rate.ts";
import { weightAverageSetting } from "./weight-average.ts";

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
            zh: "非饱和 GAN（Goodfellow 2014）：Adam β₁=0.5，判别器 4e-4、生成器 1e-4，样本取权重滑动平均 β=0.99",
            en: "Non-saturating GAN (Goodfellow 2014): Adam β₁=0.5, discriminator 4e-4, generator 1e-4, samples from a weight average β=0.99",
          },
          presets: { discriminatorSteps: 1, learningRate: 1e-4, discriminatorLearningRate: 4e-4, average: 0.99 },
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
            penalty: 10,
            average: 0,
          },
        },
      ],
      default: "nonsaturating",
      help: {
        zh: "选定目标函数时，判别器更新次数、两个学习率、裁剪阈值（或惩罚系数）和权重平均换成该论文的设置（两种 WGAN 按论文不做平均），之后仍可逐项修改",
        en: "Choosing an objective sets the discriminator updates, both learning rates, the clipping threshold (or penalty) and the weight average to its paper's (the two WGANs, as in their papers, average nothing); each can still be changed afterwards",
      },
    },
    {
      name: "discriminatorSteps",
      label: { zh: "每步判别器（评论家）更新次数 n_critic", en: "Discriminator (critic) updates per step n_critic" },
      type: "integer",
      min: 1,
      max: 10,
      default: 1,
    },
    learningRateSetting(1e-4, { label: { zh: "生成器学习率", en: "Generator learning rate" } }),
    learningRateSetting(4e-4, {
      name: "discriminatorLearningRate",
      label: { zh: "判别器学习率", en: "Discriminator learning rate" },
      help: {
        zh: "非饱和 GAN 下判别器学得比生成器快（双时间尺度更新，Heusel 等 2017）时训练更稳定；两种 WGAN 的论文都用与生成器相同的学习率",
        en: "With the non-saturating GAN, training is steadier when the discriminator learns faster than the generator (two time-scale updates, Heusel et al. 2017); both WGAN papers use the generator's learning rate",
      },
    }),
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
      default: 0,
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
      default: 1,
      help: {
        zh: "“懒惰”正则化（Karras 等 2020，StyleGAN2 第 3.1 节）：R1 只在每 k 次判别器更新中的一次上加，权重乘以 k，平均下来是同一个惩罚，计算量约为 1/k；1 表示每次都加（Mescheder 等 2018 的原样）",
        en: "Lazy regularisation (Karras et al. 2020, StyleGAN2 §3.1): R1 is added on one discriminator update in k, weighted k times, the same penalty on average at about 1/k of its cost; 1 adds it on every update (as in Mescheder et al. 2018)",
      },
    },
    weightAverageSetting(0.99, {
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
});
