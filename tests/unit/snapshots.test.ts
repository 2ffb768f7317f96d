/**
 * The shipped snapshots (`public/snapshots/<family>.json`, written by `npm run snapshots`), in Node on WASM: every
 * family's file is a weights file of at most 40 KB gzip, written at the family's default settings, loads the way
 * the demo loads it and scores ≤ 0.2 on 8gaussians (10,000 samples), but for the families in `MISSES_TARGET`, which
 * miss it at their default budget (named, not tuned away); regenerating the autoregressive one gives the committed
 * weights and score; a corrupt or mismatched file is refused with a message and leaves no tensor behind.
 */
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { main, scoreSnapshot, SNAPSHOT_MAX_GZIP, snapshotText, trainSnapshot } from "../../src/cli/snapshots.ts";
import { parseWeights, roundWeights, type WeightsFile } from "../../src/lab/weights-file.ts";
import { FAMILY_IDS, type FamilyId } from "../../src/models/ids.ts";
import { snapshotPath, trainerFromWeights } from "../../src/models/snapshot.ts";
import { useWasm } from "../support/tf-node.ts";
import { FAMILY_SPECS } from "../../src/models/specs.ts";
import { defaults } from "../../src/settings/resolve.ts";

let tf: Awaited<ReturnType<typeof useWasm>>;
beforeAll(async () => {
  tf = await useWasm();
});

/** What a loaded snapshot must score at most (the bar for "the trained result at once"). */
const TARGET = 0.2;

/**
 * Families whose snapshot, trained by `npm run snapshots` at the default seed and budget, scores above `TARGET`:
 * the bound it does meet, and why. A family that comes under the target must leave this list (the test says so).
 */
const MISSES_TARGET: Partial<Record<FamilyId, { upTo: number; why: string }>> = {};

/** How far a regenerated snapshot's score may move from the committed one's (10,000 samples on WASM). */
const REGENERATE_TOLERANCE = 0.02;

const committed = (family: FamilyId) => readFileSync(`public/${snapshotPath(family)}`, "utf8");

describe.each(FAMILY_IDS.map((f) => [f]))("the snapshot of %s", (family) => {
  it("is a rounded weights file of this family trained at the defaults, at most 40 KB gzip", () => {
    const text = committed(family);
    expect(gzipSync(text).length).toBeLessThanOrEqual(SNAPSHOT_MAX_GZIP);
    const file = parseWeights(text, family);
    expect(file).toMatchObject({ family, dataset: "8gaussians", seed: 1 });
    // A default changed since the file was written makes "加载训练好的模型" report a changed setting: write it again.
    expect(
      file.settings,
      `${family}'s snapshot has other settings than the defaults: npm run snapshots -- ${family}`,
    ).toEqual(defaults(FAMILY_SPECS[family].settings));
    expect(file.precision).toBeGreaterThanOrEqual(2);
    expect(file.step).toBeGreaterThan(0);
  });

  const miss = MISSES_TARGET[family];
  const title = miss
    ? `misses ${TARGET} at its default budget (${miss.why}): it scores above ${TARGET} and at most ${miss.upTo}`
    : `loads and scores ≤ ${TARGET} on 8gaussians (10,000 samples)`;
  it(title, () => {
    const tensors = tf.memory().numTensors;
    const score = scoreSnapshot(committed(family), family);
    expect(tf.memory().numTensors).toBe(tensors);
    expect(score.nonFinite).toBe(0);
    if (miss) {
      expect(score.normalised, `${family} now meets ${TARGET}: take it out of MISSES_TARGET`).toBeGreaterThan(TARGET);
      expect(score.normalised).toBeLessThanOrEqual(miss.upTo);
    } else {
      expect(score.normalised, `${family}'s snapshot misses ${TARGET}`).toBeLessThanOrEqual(TARGET);
    }
  });
});

describe("npm run snapshots", () => {
  it(`writes the committed autoregressive snapshot again: the same model, its score within ${REGENERATE_TOLERANCE}`, async () => {
    const snapshot = snapshotText(await trainSnapshot("autoregressive"));
    expect(snapshot).not.toBeNull();
    const again = parseWeights(snapshot!.text, "autoregressive");
    const before = parseWeights(committed("autoregressive"), "autoregressive");
    const { weights: newWeights, ...newAbout } = again;
    const { weights: oldWeights, ...oldAbout } = before;
    expect(newAbout).toEqual(oldAbout);
    // Every value within two rounding steps of the committed one (another CPU's WASM may round a last bit otherwise).
    for (const [name, { values }] of Object.entries(oldWeights)) {
      const largest = values.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
      const step = 10 ** (Math.floor(Math.log10(largest)) - before.precision! + 1);
      const worst = newWeights[name]!.values.reduce((m, v, i) => Math.max(m, Math.abs(v - values[i]!)), 0);
      expect(worst, name).toBeLessThanOrEqual(2 * step);
    }
    const score = scoreSnapshot(snapshot!.text, "autoregressive").normalised;
    const committedScore = scoreSnapshot(committed("autoregressive"), "autoregressive").normalised;
    expect(Math.abs(score - committedScore)).toBeLessThanOrEqual(REGENERATE_TOLERANCE);
  });
});

describe("npm run snapshots, refusing", () => {
  it("an unknown family, with the valid ones, before training anything", async () => {
    const errors: string[] = [];
    const original = console.error;
    console.error = (message: string) => errors.push(message);
    try {
      expect(await main(["faces"], "/nonexistent")).toBe(2);
    } finally {
      console.error = original;
    }
    expect(errors.join("\n")).toContain('Unknown model "faces". Valid models: gan, vae');
  });

  it("weights over 40 KB gzip at every precision (no file then)", () => {
    // 60,000 numbers of no pattern: about 70 KB gzip even at 2 digits
    let x = 0.5;
    const values = Array.from({ length: 60_000 }, () => (x = (x * 9301 + 0.49297) % 1) - 0.5);
    const about = { family: "gan", dataset: "8gaussians", seed: 1, step: 0, settings: {} } as const;
    const file: WeightsFile = {
      format: "gen-demo-weights",
      version: 1,
      ...about,
      weights: { w: { shape: [60_000], values } },
    };
    expect(snapshotText(file)).toBeNull();
  });
});

describe("roundWeights", () => {
  const file = (values: number[]): WeightsFile => ({
    format: "gen-demo-weights",
    version: 1,
    family: "gan",
    dataset: "8gaussians",
    seed: 1,
    step: 0,
    settings: {},
    weights: { w: { shape: [values.length], values } },
  });

  it("keeps `precision` digits of each variable's largest value, says so, and writes −0 as 0", () => {
    const rounded = roundWeights(file([0.123456, -0.0004321, 0.0000004, -0.0000004, 1e-9]), 3);
    expect(rounded.precision).toBe(3);
    expect(rounded.weights.w!.values).toEqual([0.123, -0, 0, 0, 0].map((v) => v || 0));
    expect(Object.is(rounded.weights.w!.values[1], -0)).toBe(false);
    expect(roundWeights(file([12345.6, 7.7]), 2).weights.w!.values).toEqual([12000, 0]);
    expect(roundWeights(file([0, 0]), 4).weights.w!.values).toEqual([0, 0]);
  });

  it("refuses a precision outside 1–9, and a file whose precision is", () => {
    expect(() => roundWeights(file([1]), 0)).toThrow("precision must be a whole number from 1 to 9, got 0");
    expect(() => parseWeights(JSON.stringify({ ...file([1]), precision: 2.5 }), "gan")).toThrow(
      'its "precision" must be a whole number from 1 to 9, got 2.5',
    );
  });
});

describe("a bad snapshot", () => {
  const good = () => JSON.parse(committed("autoregressive")) as WeightsFile;
  const refused = (text: string, family: FamilyId, message: string) => {
    const tensors = tf.memory().numTensors;
    expect(() => trainerFromWeights(text, family)).toThrow(message);
    expect(tf.memory().numTensors).toBe(tensors);
  };

  it("is refused when corrupt: cut short, or a value that is not a number", () => {
    const text = committed("autoregressive");
    refused(text.slice(0, text.length / 2), "autoregressive", "not valid JSON");
    const file = good();
    const name = Object.keys(file.weights)[0]!;
    (file.weights[name]!.values as unknown[])[0] = "x";
    refused(JSON.stringify(file), "autoregressive", `"${name}" needs`);
  });

  it("is refused when it does not match: another family, settings that give another network, an unknown dataset", () => {
    refused(committed("autoregressive"), "flow", 'the weights are of model "autoregressive", not "flow"');
    refused(
      JSON.stringify({ ...good(), settings: { bins: 20 } }),
      "autoregressive",
      "the weights do not fit this model",
    );
    refused(JSON.stringify({ ...good(), settings: { bins: 1 } }), "autoregressive", "the weights file's settings");
    refused(JSON.stringify({ ...good(), dataset: "faces" }), "autoregressive", 'dataset "faces"');
    refused(JSON.stringify({ ...good(), step: -3 }), "autoregressive", "step -3 is not a whole number ≥ 0");
  });

  it("is refused when what it was made with is outside the settings' tables (found by fuzzing)", () => {
    // A seed the demo would adopt, show and write into a link that its own URL reader then refuses.
    refused(
      JSON.stringify({ ...good(), seed: -1 }),
      "autoregressive",
      "seed -1 is not a whole number from 0 to 999999999",
    );
    refused(JSON.stringify({ ...good(), seed: 1e12 }), "autoregressive", "seed 1000000000000 is not");
    refused(JSON.stringify({ ...good(), step: 2 ** 53 }), "autoregressive", "step 9007199254740992 is not");
    // A setting is a number or its text, not an array holding one.
    refused(
      JSON.stringify({ ...good(), settings: { ...good().settings, learningRate: [0.003] } }),
      "autoregressive",
      "the weights file's settings: autoregressive: “Learning rate” needs a number, got “[0.003]”",
    );
  });
});
