/**
 * Weights saved and loaded again, over every family in the registry (WASM in Node): a model of another seed takes
 * another's weights exactly, without leaking a tensor; a file of another family, of another shape or with a name
 * missing or extra is refused with a message and changes nothing.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { assignWeights, parseWeights, type WeightsFile } from "../../src/lab/weights-file.ts";
import { registeredFamilies } from "../../src/models/registry.ts";
import { Trainer } from "../../src/models/trainer.ts";
import { defaults } from "../../src/settings/resolve.ts";
import { useWasm } from "../support/tf-node.ts";

let tf: Awaited<ReturnType<typeof useWasm>>;
beforeAll(async () => {
  tf = await useWasm();
});

const families = registeredFamilies();
const trainer = (index: number, seed: number) => {
  const family = families[index]!;
  return new Trainer({ family, dataset: "8gaussians", seed, settings: defaults(family.settings) });
};
const copy = (file: WeightsFile): WeightsFile => JSON.parse(JSON.stringify(file)) as WeightsFile;

describe.each(families.map((f, i) => [f.id, i] as const))("the weights of %s", (id, index) => {
  it("load into a model of another seed exactly, through JSON, with no tensor left behind", () => {
    const a = trainer(index, 1);
    a.train(5);
    const file = copy(a.saveWeights());
    expect(file).toMatchObject({ format: "gen-demo-weights", version: 1, family: id, step: 5, seed: 1 });
    expect(Object.keys(file.weights).length).toBeGreaterThan(0);
    const b = trainer(index, 2);
    expect(b.saveWeights().weights).not.toEqual(file.weights);
    const tensors = tf.memory().numTensors;
    b.loadWeights(parseWeights(JSON.stringify(file), id));
    expect(tf.memory().numTensors).toBe(tensors);
    expect(b.saveWeights().weights).toEqual(file.weights);
    // and it still trains and samples
    b.train(2);
    expect(b.sample(50).every(Number.isFinite)).toBe(true);
    a.dispose();
    b.dispose();
  });

  it("refuses a file that does not fit, and keeps the weights it had", () => {
    const a = trainer(index, 1);
    const before = a.saveWeights();
    const [first, ...rest] = Object.keys(before.weights);
    const other = id === "gan" ? "vae" : "gan";
    expect(() => parseWeights(JSON.stringify({ ...before, family: other }), id)).toThrow(`of model "${other}"`);
    expect(() => parseWeights("{not json", id)).toThrow("not valid JSON");
    expect(() => parseWeights(JSON.stringify({ weights: {} }), id)).toThrow("not a weights file");

    const reshaped = copy(before);
    reshaped.weights[first!]!.shape = [...reshaped.weights[first!]!.shape, 1];
    for (const w of Object.values(reshaped.weights)) w.values = w.values.map(() => 0.5);
    expect(() => a.loadWeights(reshaped)).toThrow(`"${first}" has shape`);

    const missing = copy(before);
    delete missing.weights[first!];
    expect(() => assignWeights({}, missing)).toThrow("is not in the model");
    expect(() => a.loadWeights(missing)).toThrow(`"${first}" is missing`);

    const notFinite = copy(before);
    notFinite.weights[rest.at(-1) ?? first!]!.values[0] = null as unknown as number;
    expect(() => a.loadWeights(notFinite)).toThrow("finite numbers");
    expect(a.saveWeights().weights).toEqual(before.weights);
    a.dispose();
  });
});

describe("a weights file from elsewhere (found by fuzzing)", () => {
  const a = () => trainer(0, 1);

  it("is refused when a value is finite in JSON but not in float32 (1e39 would load as Infinity)", () => {
    const model = a();
    const before = model.saveWeights();
    const [first] = Object.keys(before.weights);
    for (const value of [1e39, -3.4028236e38]) {
      const file = copy(before);
      file.weights[first!]!.values[0] = value;
      expect(() => model.loadWeights(parseWeights(JSON.stringify(file), model.family.id))).toThrow(
        `"${first}" needs ${before.weights[first!]!.values.length} finite numbers`,
      );
    }
    expect(model.saveWeights().weights).toEqual(before.weights);
    model.dispose();
  });

  it("is refused when it names a variable the model lacks, even one named like an object's own property", () => {
    const model = a();
    for (const name of ["__proto__", "toString", "constructor"]) {
      const text = JSON.stringify(model.saveWeights()).replace(
        '"weights":{',
        `"weights":{"${name}":{"shape":[1],"values":[0]},`,
      );
      expect(() => model.loadWeights(parseWeights(text, model.family.id))).toThrow(`"${name}" is not in the model`);
    }
    model.dispose();
  });
});
