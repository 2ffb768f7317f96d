/**
 * Weights and snapshot files, fuzzed (fast-check; issue 15), in Node on WASM: a shipped snapshot with fields, shapes
 * and values replaced by hostile ones (NaN as null, numbers beyond float32, strings, huge or empty arrays, names an
 * object lookup trips on), cut short, or any text at all. Each is refused with a plain Error naming what is wrong and
 * the model keeps the weights it had, with no tensor left behind; or it is accepted, and then every weight is finite
 * in float32 and every setting within its table.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { parseWeights, type WeightsFile } from "../../src/lab/weights-file.ts";
import { DATASET_NAMES } from "../../src/lab/dataset-names.ts";
import { FAMILY_IDS } from "../../src/models/ids.ts";
import { getFamily } from "../../src/models/registry.ts";
import { snapshotPath, trainerFromWeights } from "../../src/models/snapshot.ts";
import { Trainer } from "../../src/models/trainer.ts";
import { COMMON_SETTINGS } from "../../src/settings/common.ts";
import { readSettings } from "../../src/settings/read.ts";
import { defaults, parseSetting } from "../../src/settings/resolve.ts";
import { cutShort, fuzz, hostileJson, hostileJsonValue, hostileText, ODD_TEXT } from "../support/hostile-input.ts";
import { useWasm } from "../support/tf-node.ts";

let tf: Awaited<ReturnType<typeof useWasm>>;
beforeAll(async () => {
  tf = await useWasm();
});

/** The family fuzzed: its shipped snapshot is the file the mutations start from. */
const FAMILY = "autoregressive";
const family = getFamily(FAMILY);
const shipped = readFileSync(`public/${snapshotPath(FAMILY)}`, "utf8");
const base = JSON.parse(shipped) as WeightsFile;
const names = Object.keys(base.weights);

/** A value a setting of the family could take in a file: valid (as a number or as text), or near it. */
const settingValue = fc.constantFrom(...family.settings).chain((spec) =>
  spec.type === "choice"
    ? fc.constantFrom<unknown>(...spec.choices.map((c) => c.value), [spec.default], spec.default.toUpperCase())
    : fc.oneof(
        fc
          .double({ min: spec.min, max: spec.max, noNaN: true })
          .map((x) => (spec.type === "integer" ? Math.round(x) : x)),
        fc.constantFrom<unknown>(String(spec.default), [spec.default], spec.max * 10, spec.min - 1, "1e999"),
      ),
);

/** A change to what a file says it was made with: its dataset, seed, step or one of its settings. */
const aboutMutation = fc.oneof(
  fc.record({
    kind: fc.constant("field"),
    name: fc.constantFrom("dataset", "seed", "step"),
    value: fc.oneof(
      fc.constantFrom<unknown>(...DATASET_NAMES, 0, 999_999_999, 1e9, 1e12, -1, 2 ** 53, 1.5, "1e999", "3"),
      fc.integer({ min: -10, max: 2e9 }),
      hostileJsonValue,
    ),
  }),
  fc.record({
    kind: fc.constant("setting"),
    name: fc.constantFrom(...family.settings.map((s) => s.name)),
    value: fc.oneof(settingValue, hostileJsonValue),
  }),
);

/** One change to a weights file. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant("value"), at: fc.nat(), index: fc.nat(), value: hostileJsonValue }),
  fc.record({
    kind: fc.constant("value"),
    at: fc.nat(),
    index: fc.nat(),
    value: fc.constantFrom(1e39, -3.4028236e38, 3.4e38, 5e-324, -0, "1e999"),
  }),
  fc.record({ kind: fc.constant("shape"), at: fc.nat(), value: hostileJsonValue }),
  fc.record({
    kind: fc.constant("values"),
    at: fc.nat(),
    value: fc.oneof(
      hostileJsonValue,
      fc.constantFrom(0, 1, 100_000).map((n) => new Array<number>(n).fill(0.5)),
    ),
  }),
  fc.record({ kind: fc.constant("drop"), at: fc.nat() }),
  fc.record({
    kind: fc.constant("extra"),
    name: fc.oneof(fc.constantFrom(...ODD_TEXT), hostileText),
    value: fc.oneof(hostileJsonValue, fc.constant({ shape: [1], values: [0] })),
  }),
  fc.record({
    kind: fc.constant("field"),
    name: fc.constantFrom("format", "version", "family", "precision", "weights", "dataset", "seed", "step", "settings"),
    value: fc.oneof(
      hostileJsonValue,
      fc.constantFrom(...FAMILY_IDS, ...DATASET_NAMES, 1e12, -1, 2 ** 53, 1.5, 0, 5, "1e999"),
    ),
  }),
  fc.record({
    kind: fc.constant("setting"),
    name: fc.oneof(fc.constantFrom(...family.settings.map((s) => s.name)), fc.constantFrom(...ODD_TEXT)),
    value: hostileJsonValue,
  }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

/** Sets an own property, `__proto__` included (a plain assignment would set the prototype instead). */
function put(target: object, name: string, value: unknown): void {
  Object.defineProperty(target, name, { value, enumerable: true, writable: true, configurable: true });
}

/** The shipped file with `changes` made, as text; `1e999` written as a bare number (read back as Infinity). */
function mutated(changes: readonly Mutation[]): string {
  const file = JSON.parse(shipped) as Record<string, unknown> & WeightsFile;
  for (const change of changes) {
    const name = "at" in change ? names[change.at % names.length]! : "";
    const entry = file.weights?.[name] as { shape: unknown; values: unknown } | undefined;
    if (change.kind === "value" && entry && Array.isArray(entry.values) && entry.values.length > 0) {
      entry.values[change.index % entry.values.length] = change.value;
    } else if (change.kind === "shape" && entry) entry.shape = change.value;
    else if (change.kind === "values" && entry) entry.values = change.value;
    else if (change.kind === "drop" && file.weights) delete file.weights[name];
    else if (change.kind === "extra" && typeof file.weights === "object" && file.weights !== null) {
      put(file.weights, change.name, change.value);
    } else if (change.kind === "field") put(file, change.name, change.value);
    else if (change.kind === "setting" && typeof file.settings === "object" && file.settings !== null) {
      put(file.settings, change.name, change.value);
    }
  }
  return JSON.stringify(file).replaceAll('"1e999"', "1e999");
}

/** Any weights-file text: the shipped one changed, cut short, or any JSON or text at all. */
const weightsText = fc.oneof(
  { weight: 6, arbitrary: fc.array(mutation, { minLength: 1, maxLength: 3 }).map(mutated) },
  { weight: 1, arbitrary: cutShort(shipped) },
  { weight: 1, arbitrary: hostileJson },
);

/** What a refusal must be: a plain Error (not a TypeError from reading a field that is not there) with a message. */
function expectRefusal(error: unknown): void {
  expect(error).toBeInstanceOf(Error);
  expect((error as Error).constructor, (error as Error).stack).toBe(Error);
  expect((error as Error).message.length).toBeGreaterThan(0);
}

/** Every weight of `trainer`'s model, as the backend holds it (float32). */
function weightsNow(trainer: Trainer): number[][] {
  return Object.values(trainer.saveWeights().weights).map((w) => w.values);
}

describe("weights files, fuzzed", () => {
  it("are parsed, or refused with a plain Error naming what is wrong", () => {
    fc.assert(
      fc.property(weightsText, (text) => {
        try {
          const file = parseWeights(text, FAMILY);
          expect(file.family).toBe(FAMILY);
          expect(typeof file.weights).toBe("object");
        } catch (error) {
          expectRefusal(error);
        }
      }),
      fuzz(300),
    );
  });

  it("load only finite float32 weights of the model's shapes; else change nothing and leave no tensor", () => {
    const trainer = new Trainer({ family, dataset: "8gaussians", seed: 2, settings: defaults(family.settings) });
    const original = parseWeights(shipped, FAMILY);
    trainer.loadWeights(original);
    const before = weightsNow(trainer);
    fc.assert(
      fc.property(weightsText, (text) => {
        let file: WeightsFile;
        try {
          file = parseWeights(text, FAMILY);
        } catch (error) {
          expectRefusal(error);
          return;
        }
        const tensors = tf.memory().numTensors;
        try {
          trainer.loadWeights(file);
        } catch (error) {
          expectRefusal(error);
          expect((error as Error).message).toMatch(/^the weights do not fit this model: /);
          expect(weightsNow(trainer)).toEqual(before);
          expect(tf.memory().numTensors).toBe(tensors);
          return;
        }
        const now = weightsNow(trainer);
        for (const values of now) expect(values.every(Number.isFinite)).toBe(true);
        expect(tf.memory().numTensors).toBe(tensors);
        // Put the model back for the next case.
        trainer.loadWeights(original);
      }),
      fuzz(100),
    );
    trainer.dispose();
  });
});

describe("snapshots, fuzzed", () => {
  const seed = COMMON_SETTINGS.find((s) => s.name === "seed")!;

  it("make a trainer with a known dataset, a seed and settings within their tables and finite weights; or are refused", () => {
    const tensors = tf.memory().numTensors;
    fc.assert(
      fc.property(
        fc.oneof(weightsText, fc.array(aboutMutation, { minLength: 1, maxLength: 2 }).map(mutated)),
        (text) => {
          let trainer: Trainer;
          try {
            trainer = trainerFromWeights(text, FAMILY);
          } catch (error) {
            expectRefusal(error);
            expect(tf.memory().numTensors).toBe(tensors);
            return;
          }
          try {
            const { dataset, seed: made, settings } = trainer.options;
            expect(DATASET_NAMES).toContain(dataset);
            expect(parseSetting(seed, String(made)).ok, `seed ${made}`).toBe(true);
            readSettings(family.settings, settings);
            expect(Number.isSafeInteger(trainer.step) && trainer.step >= 0).toBe(true);
            for (const values of weightsNow(trainer)) expect(values.every(Number.isFinite)).toBe(true);
          } finally {
            trainer.dispose();
          }
        },
      ),
      fuzz(150),
    );
    expect(tf.memory().numTensors).toBe(tensors);
  });
});
