/**
 * The nine families of generative models, by the id used everywhere:
 * in the Markdown directive, the demo element's `model` attribute, the CLI, the URL and section anchors.
 * This file holds names only (no tfjs), so the build can validate directives without loading a model.
 */
import type { Text } from "../i18n/text.ts";

export const FAMILY_IDS = [
  "gan",
  "vae",
  "ddpm",
  "flow",
  "flow-matching",
  "score",
  "autoregressive",
  "ebm",
  "schrodinger-bridge",
] as const;

export type FamilyId = (typeof FAMILY_IDS)[number];

/** Display titles, in both languages of the interface. */
export const FAMILY_TITLES: Record<FamilyId, Text> = {
  gan: { zh: "生成对抗网络（GAN / WGAN）", en: "Generative adversarial network (GAN / WGAN)" },
  vae: { zh: "变分自编码器（VAE）", en: "Variational autoencoder (VAE)" },
  ddpm: { zh: "去噪扩散概率模型（DDPM）", en: "Denoising diffusion probabilistic model (DDPM)" },
  flow: { zh: "标准化流（NICE / RealNVP）", en: "Normalizing flow (NICE / RealNVP)" },
  "flow-matching": { zh: "流匹配（Flow Matching）", en: "Flow matching" },
  score: { zh: "分数匹配（NCSN + Langevin）", en: "Score matching (NCSN + Langevin)" },
  autoregressive: { zh: "自回归模型", en: "Autoregressive model" },
  ebm: { zh: "能量模型（EBM）", en: "Energy-based model (EBM)" },
  "schrodinger-bridge": { zh: "薛定谔桥（Schrödinger Bridge）", en: "Schrödinger bridge" },
};

export function isFamilyId(value: string): value is FamilyId {
  return (FAMILY_IDS as readonly string[]).includes(value);
}

/** Returns the id, or throws an error that lists the valid ids. */
export function parseFamilyId(value: string): FamilyId {
  if (isFamilyId(value)) return value;
  throw new Error(`Unknown model "${value}". Valid models: ${FAMILY_IDS.join(", ")}.`);
}
