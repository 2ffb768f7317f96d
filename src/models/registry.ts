/**
 * The families with their models, by id: used by the training worker, the CLI and the contract tests.
 * (The page itself reads `specs.ts`, which has no model code and so no tfjs.)
 */
import { autoregressive } from "./autoregressive.ts";
import { ddpm } from "./ddpm.ts";
import { flow } from "./flow.ts";
import { flowMatching } from "./flow-matching.ts";
import { ebm } from "./ebm.ts";
import { gan } from "./gan.ts";
import { parseFamilyId, type FamilyId } from "./ids.ts";
import { schrodingerBridge } from "./schrodinger-bridge.ts";
import { score } from "./score.ts";
import type { Family } from "./types.ts";
import { vae } from "./vae.ts";

/** Every family with its model, by id: complete by type, so a family without a model does not compile. */
export const FAMILIES: Record<FamilyId, Family> = {
  gan,
  ddpm,
  flow,
  autoregressive,
  score,
  "flow-matching": flowMatching,
  vae,
  ebm,
  "schrodinger-bridge": schrodingerBridge,
};

/** The family with its model, or an error that lists the valid ids. */
export function getFamily(id: string): Family {
  return FAMILIES[parseFamilyId(id)];
}

export function registeredFamilies(): Family[] {
  return Object.values(FAMILIES);
}
