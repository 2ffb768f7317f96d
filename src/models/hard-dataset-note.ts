/** The note a demo shows (and the CLI prints) when the picked dataset is one its family is measured not to learn. */
import { DEMO_TEXT } from "../i18n/demo-text.ts";
import { fill, type Text } from "../i18n/text.ts";
import type { DatasetName } from "../lab/dataset-names.ts";
import { RECOGNISABLE_SCORE } from "../lab/recognisable.ts";
import type { FamilySpec } from "./types.ts";

/** What to say when `dataset` is in the family's `hardDatasets`, with why; null for any other dataset. */
export function hardDatasetNote(family: FamilySpec, dataset: string): Text | null {
  const why = family.hardDatasets?.[dataset as DatasetName];
  if (!why) return null;
  return fill(DEMO_TEXT.hardDataset, {
    steps: family.defaultSteps.toLocaleString("en-US"),
    title: family.title,
    dataset,
    target: RECOGNISABLE_SCORE,
    why,
  });
}
