/**
 * Names of the 2D toy datasets (FFJORD, Grathwohl et al. 2018), kept apart from the generators
 * so the Markdown build can validate a directive without importing any sampling code.
 */
export const DATASET_NAMES = [
  "8gaussians",
  "moons",
  "swissroll",
  "circles",
  "pinwheel",
  "2spirals",
  "checkerboard",
] as const;

export type DatasetName = (typeof DATASET_NAMES)[number];

export function isDatasetName(value: string): value is DatasetName {
  return (DATASET_NAMES as readonly string[]).includes(value);
}

/** Returns the name, or throws an error that lists the valid names. */
export function parseDatasetName(value: string): DatasetName {
  if (isDatasetName(value)) return value;
  throw new Error(`Unknown dataset "${value}". Valid datasets: ${DATASET_NAMES.join(", ")}.`);
}

/** The value of the dataset setting that stands for the reader's own points (see own-data.ts). */
export const OWN_DATASET = "own";

/** What the dataset setting may hold: a toy dataset, or the reader's own points. */
export type DatasetChoice = DatasetName | typeof OWN_DATASET;
