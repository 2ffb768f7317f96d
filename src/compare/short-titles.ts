/** Short names of the families, for the chart's legend and the plots' accessible names (the table has the full titles). */
import { COMPARE_TEXT } from "../i18n/compare-text.ts";
import { same, type Text } from "../i18n/text.ts";
import type { FamilyId } from "../models/ids.ts";

export const SHORT_TITLES: Record<FamilyId, Text> = {
  gan: same("GAN"),
  vae: same("VAE"),
  ddpm: same("DDPM"),
  ...COMPARE_TEXT.shortTitles,
};
