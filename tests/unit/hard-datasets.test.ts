import { describe, expect, it } from "vitest";
import { DATASET_NAMES } from "../../src/lab/dataset-names.ts";
import { hardDatasetNote } from "../../src/models/hard-dataset-note.ts";
import { FAMILY_SPECS } from "../../src/models/specs.ts";

describe("the datasets a family is measured not to learn", () => {
  it("are toy datasets, each with a reason in both languages", () => {
    for (const spec of Object.values(FAMILY_SPECS)) {
      for (const [dataset, why] of Object.entries(spec.hardDatasets ?? {})) {
        expect(DATASET_NAMES, `${spec.id}: ${dataset}`).toContain(dataset);
        expect(why!.zh.length, `${spec.id}: ${dataset}`).toBeGreaterThan(20);
        expect(why!.en.length, `${spec.id}: ${dataset}`).toBeGreaterThan(40);
      }
    }
  });

  it("give the demo a note naming the budget, the family, the dataset and why; nothing on any other dataset", () => {
    const gan = FAMILY_SPECS.gan;
    const [hard] = Object.keys(gan.hardDatasets ?? {});
    const note = hardDatasetNote(gan, hard!)!;
    expect(note.zh).toContain(`在默认的 5,000 步内，${gan.title.zh}学不好 ${hard}`);
    expect(note.zh).toContain(gan.hardDatasets![hard as "circles"]!.zh);
    expect(note.en).toContain(`within its default 5,000 steps, ${gan.title.en} does not learn ${hard}`);
    expect(note.en).toContain(gan.hardDatasets![hard as "circles"]!.en);
    expect(hardDatasetNote(gan, "8gaussians")).toBeNull();
    expect(hardDatasetNote(gan, "own")).toBeNull();
    expect(hardDatasetNote(FAMILY_SPECS.autoregressive, hard!)).toBeNull();
  });
});
