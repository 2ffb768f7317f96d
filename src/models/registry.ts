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
import type { FamilyId } from "./ids.ts";
import { schrodingerBridge } from "./schrodinger-bridge.ts";
import { score } from "./score.ts";
import { getFamilySpec } from "./specs.ts";
import type { Family } from "./types.ts";
import { vae } from "./vae.ts";

export const FAMILIES: Partial<Record<FamilyId, Family>> = {
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

/** The family with its model, or the error of `getFamilySpec` (it lists what exists). */
export function getFamily(id: string): Family {
  const family = FAMILIES[id as FamilyId];
  if (family) return family;
  getFamilySpec(id);
  throw new Error(`Model "${id}" has a spec but no model.`);
}

export function registeredFamilies(): Family[] {
  return Object.values(FAMILIES);
}
