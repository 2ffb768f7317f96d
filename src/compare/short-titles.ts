/** Short names of the families, for the chart's legend and the plots' accessible names (the table has the full titles). */
import type { FamilyId } from "../models/ids.ts";

export const SHORT_TITLES: Record<FamilyId, string> = {
  gan: "GAN",
  vae: "VAE",
  ddpm: "DDPM",
  flow: "标准化流",
  "flow-matching": "流匹配",
  score: "分数匹配",
  autoregressive: "自回归",
  ebm: "能量模型",
  "schrodinger-bridge": "薛定谔桥",
};
