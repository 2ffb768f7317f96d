/**
 * The nine families of generative models, by the id used everywhere:
 * in the Markdown directive, the demo element's `model` attribute, the CLI, the URL and section anchors.
 * This file holds names only (no tfjs), so the build can validate directives without loading a model.
 */
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

/** Display titles, in the article's language. */
export const FAMILY_TITLES: Record<FamilyId, string> = {
  gan: "生成对抗网络（GAN / WGAN）",
  vae: "变分自编码器（VAE）",
  ddpm: "去噪扩散概率模型（DDPM）",
  flow: "标准化流（NICE / RealNVP）",
  "flow-matching": "流匹配（Flow Matching）",
  score: "分数匹配（NCSN + Langevin）",
  autoregressive: "自回归模型",
  ebm: "能量模型（EBM）",
  "schrodinger-bridge": "薛定谔桥（Schrödinger Bridge）",
};

export function isFamilyId(value: string): value is FamilyId {
  return (FAMILY_IDS as readonly string[]).includes(value);
}

/** Returns the id, or throws an error that lists the valid ids. */
export function parseFamilyId(value: string): FamilyId {
  if (isFamilyId(value)) return value;
  throw new Error(`Unknown model "${value}". Valid models: ${FAMILY_IDS.join(", ")}.`);
}
