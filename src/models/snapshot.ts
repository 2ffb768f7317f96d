/**
 * A shipped snapshot (or any weights file) as a model to sample or train on: a trainer made with the file's own
 * dataset, seed and settings, its weights loaded. Used by `npm run snapshots` to score what it writes, and by the
 * tests that hold the committed files to their scores. No DOM.
 */
import { isDatasetName } from "../lab/dataset-names.ts";
import { parseWeights, type WeightsFile } from "../lab/weights-file.ts";
import { applyRawSettings, defaults } from "../settings/resolve.ts";
import type { FamilyId } from "./ids.ts";
import { getFamily } from "./registry.ts";
import { Trainer } from "./trainer.ts";
import type { Family, SettingValues } from "./types.ts";
import { same } from "../i18n/text.ts";

/** Where a family's snapshot lives, relative to the site's base (and to `public/` in the repository). */
export function snapshotPath(family: FamilyId): string {
  return `snapshots/${family}.json`;
}

/**
 * The family's settings a weights file was trained with, read over the table's defaults (keys the table does not
 * know are ignored); throws naming the bad values.
 */
export function weightsSettings(family: Family, file: WeightsFile): SettingValues {
  const raw = Object.fromEntries(
    family.settings
      .filter((s) => file.settings?.[s.name] !== undefined)
      .map((s) => [s.name, String(file.settings[s.name])]),
  );
  const parsed = applyRawSettings(family.settings, defaults(family.settings), raw, same(file.family));
  if (parsed.problems.length)
    throw new Error(`the weights file's settings: ${parsed.problems.map((p) => p.en).join("; ")}`);
  return parsed.values;
}

/**
 * A trainer of `family` at the file's dataset, seed and settings with the file's weights loaded (its step set to
 * the file's). Throws with the reason, disposing what it made, for a file that is not a weights file of this
 * family, names an unknown dataset, has a bad seed, step or settings, or does not fit the network.
 */
export function trainerFromWeights(text: string, familyId: FamilyId): Trainer {
  const file = parseWeights(text, familyId);
  if (typeof file.dataset !== "string" || !isDatasetName(file.dataset)) {
    throw new Error(`the weights file's dataset "${String(file.dataset)}" is not one of the data sets`);
  }
  if (!Number.isInteger(file.seed)) {
    throw new Error(`the weights file's seed ${String(file.seed)} is not a whole number`);
  }
  if (!Number.isInteger(file.step) || file.step < 0) {
    throw new Error(`the weights file's step ${String(file.step)} is not a whole number ≥ 0`);
  }
  const family = getFamily(familyId);
  const trainer = new Trainer({
    family,
    dataset: file.dataset,
    seed: file.seed,
    settings: weightsSettings(family, file),
  });
  try {
    trainer.loadWeights(file);
  } catch (error) {
    trainer.dispose();
    throw error;
  }
  trainer.step = file.step;
  return trainer;
}
