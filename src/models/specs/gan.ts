/** What the page knows of the GAN family without loading its model (and tfjs): settings, views, losses. */
import { FAMILY_TITLES } from "../ids.ts";
import type { FamilySpec } from "../types.ts";
import { learningRateSetting } from "./learning-rate.ts";

export const ganSpec: FamilySpec = {
  id: "gan",
  title: FAMILY_TITLES.gan,
  settings: [
    {
      name: "loss",
      label: "目标函数",
      type: "choice",
      choices: [
        { value: "nonsaturating", label: "非饱和 GAN（Goodfellow 2014）" },
        { value: "wgan", label: "WGAN 权重裁剪（Arjovsky 2017）" },
      ],
      default: "nonsaturating",
    },
    { name: "discriminatorSteps", label: "每步判别器更新次数", type: "integer", min: 1, max: 10, default: 1 },
    learningRateSetting(1e-4, { label: "生成器学习率" }),
    learningRateSetting(4e-4, {
      name: "discriminatorLearningRate",
      label: "判别器学习率",
      help: "判别器学得比生成器快（双时间尺度更新，Heusel 等 2017）时训练更稳定",
    }),
    {
      name: "clip",
      label: "WGAN 裁剪阈值 c",
      type: "number",
      min: 0.001,
      max: 1,
      step: 0.001,
      default: 0.1,
      help: "只在 WGAN 下使用",
    },
  ],
  views: [
    { id: "landscape", label: "判别器地形 + 生成器梯度" },
    { id: "samples", label: "只看样本" },
  ],
  lossSeries: [
    { key: "discriminator", label: "判别器损失 L_D" },
    { key: "generator", label: "生成器损失 L_G" },
  ],
  batchSize: 256,
  defaultSteps: 5000,
};
