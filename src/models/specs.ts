/**
 * What the page needs to know about each family without loading its model (and tfjs): title, settings
 * table, views, loss series and training budget. Each model file adds `create` to its entry.
 */
import { FAMILY_IDS, type FamilyId } from "./ids.ts";
import type { FamilySpec } from "./types.ts";

export const gan: FamilySpec = {
  id: "gan",
  title: "生成对抗网络（GAN / WGAN）",
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
    {
      name: "learningRate",
      label: "学习率",
      type: "number",
      min: 1e-5,
      max: 1e-2,
      step: 1e-5,
      default: 2e-4,
      log: true,
    },
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
  defaultSteps: 3000,
};

export const ddpm: FamilySpec = {
  id: "ddpm",
  title: "去噪扩散概率模型（DDPM）",
  settings: [
    {
      name: "schedule",
      label: "噪声调度",
      type: "choice",
      choices: [
        { value: "linear", label: "线性（Ho 2020）" },
        { value: "cosine", label: "余弦（Nichol & Dhariwal 2021）" },
      ],
      default: "linear",
    },
    { name: "steps", label: "扩散步数 T", type: "integer", min: 10, max: 500, default: 100 },
    {
      name: "learningRate",
      label: "学习率",
      type: "number",
      min: 1e-5,
      max: 1e-2,
      step: 1e-5,
      default: 2e-3,
      log: true,
    },
  ],
  views: [
    { id: "samples", label: "样本" },
    {
      id: "reverse",
      label: "反向过程",
      param: { name: "t", label: "反向步 t", min: 0, max: 100, step: 1, default: 0, maxSetting: "steps" },
      playable: true,
    },
    {
      id: "forward",
      label: "前向过程",
      param: { name: "t", label: "前向步 t", min: 0, max: 100, step: 1, default: 50, maxSetting: "steps" },
    },
  ],
  lossSeries: [{ key: "loss", label: "噪声预测误差 ‖ε − ε_θ‖²" }],
  batchSize: 256,
  defaultSteps: 3000,
};

/** Families that have a model, by id. */
export const FAMILY_SPECS: Partial<Record<FamilyId, FamilySpec>> = { gan, ddpm };

/** The spec of a family that has a model, or an error: "no demo yet", or the list of valid ids. */
export function getFamilySpec(id: string): FamilySpec {
  const spec = FAMILY_SPECS[id as FamilyId];
  if (spec) return spec;
  const known = (FAMILY_IDS as readonly string[]).includes(id);
  throw new Error(
    known
      ? `Model "${id}" has no demo yet. Available: ${Object.keys(FAMILY_SPECS).join(", ")}.`
      : `Unknown model "${id}". Valid models: ${FAMILY_IDS.join(", ")}.`,
  );
}
