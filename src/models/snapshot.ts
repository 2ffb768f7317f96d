/**
 * A shipped snapshot (or any weights file) as a model to sample or train on: a trainer made with the file's own
 * dataset, seed and settings, its weights loaded. Used by `npm run snapshots` to score what it writes, and by the
 * tests that hold the committed files to their scores. No DOM.
 */
import { isDatasetName } from "../lab/dataset-names.ts";
import { parseWeights, type WeightsFile } from "../lab/weights-file.ts";
import { COMMON_SETTINGS } from "../settings/common.ts";
import { applyRawSettings, defaults } from "../settings/resolve.ts";
import type { FamilyId } from "./ids.ts";
import { getFamily } from "./registry.ts";
import { Trainer } from "./trainer.ts";
import type { Family, SettingValues } from "./types.ts";
import { same } from "../i18n/text.ts";

const SEED = COMMON_SETTINGS[1];

/** Where a family's snapshot lives, relative to the site's base (and to `public/` in the repository). */
export function snapshotPath(family: FamilyId): string {
  return `snapshots/${family}.json`;
}

/**
 * The family's settings a weights file was trained with, read over the table's defaults (keys the table does not
 * know are ignored); throws naming the bad values.
 */
export function weightsSettings(family: Family, file: WeightsFile): SettingValues {
  // A number or its text; anything else is shown as JSON, so `[0.003]` is refused rather than read as "0.003".
  const text = (value: unknown) =>
    typeof value === "number" || typeof value === "string" ? String(value) : JSON.stringify(value);
  const raw = Object.fromEntries(
    family.settings
      .filter((s) => file.settings?.[s.name] !== undefined)
      .map((s) => [s.name, text(file.settings[s.name])]),
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
  // Within the seed setting's range: the demo adopts the seed, shows it and writes it into its link.
  if (!(Number.isInteger(file.seed) && file.seed >= SEED.min && file.seed <= SEED.max)) {
    throw new Error(
      `the weights file's seed ${String(file.seed)} is not a whole number from ${SEED.min} to ${SEED.max}`,
    );
  }
  if (!Number.isSafeInteger(file.step) || file.step < 0) {
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
