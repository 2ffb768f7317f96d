/**
 * What the page needs to know about each family without loading its model (and tfjs): title, settings
 * table, views, loss series and training budget, one file per family in `specs/`. Each model file adds
 * `create` to its family's spec.
 */
import { FAMILY_IDS, type FamilyId } from "./ids.ts";
import { autoregressiveSpec } from "./specs/autoregressive.ts";
import { ddpmSpec } from "./specs/ddpm.ts";
import { flowSpec } from "./specs/flow.ts";
import { flowMatchingSpec } from "./specs/flow-matching.ts";
import { ebmSpec } from "./specs/ebm.ts";
import { ganSpec } from "./specs/gan.ts";
import { schrodingerBridgeSpec } from "./specs/schrodinger-bridge.ts";
import { scoreSpec } from "./specs/score.ts";
import type { FamilySpec } from "./types.ts";
import { vaeSpec } from "./specs/vae.ts";

/** Families that have a model, by id. */
export const FAMILY_SPECS: Partial<Record<FamilyId, FamilySpec>> = {
  gan: ganSpec,
  ddpm: ddpmSpec,
  flow: flowSpec,
  "flow-matching": flowMatchingSpec,
  autoregressive: autoregressiveSpec,
  vae: vaeSpec,
  score: scoreSpec,
  ebm: ebmSpec,
  "schrodinger-bridge": schrodingerBridgeSpec,
};

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
