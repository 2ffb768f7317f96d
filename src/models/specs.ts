/**
 * What the page needs to know about each family without loading its model (and tfjs): title, settings
 * table, views, loss series and training budget, one file per family in `specs/`. Each model file adds
 * `create` to its family's spec.
 */
import { parseFamilyId, type FamilyId } from "./ids.ts";
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

/** Every family's spec, by id: complete by type, so a new id without its spec does not compile. */
export const FAMILY_SPECS: Record<FamilyId, FamilySpec> = {
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

/** The spec of a family, or an error that lists the valid ids. */
export function getFamilySpec(id: string): FamilySpec {
  return FAMILY_SPECS[parseFamilyId(id)];
}
