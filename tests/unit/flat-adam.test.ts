/** The flat Adam optimiser takes the same steps as tfjs's own Adam (Kingma & Ba 2015), with fewer kernels. */
import { beforeAll, describe, expect, it } from "vitest";
import { createFlatAdam } from "../../src/lab/flat-adam.ts";
import { createMlp } from "../../src/lab/mlp.ts";
import { createRandom } from "../../src/lab/random.ts";
import { useWasm } from "../support/tf-node.ts";

let tf: Awaited<ReturnType<typeof useWasm>>;
beforeAll(async () => {
  tf = await useWasm();
});

describe("createFlatAdam", () => {
  // The defaults, and WGAN-GP's β1 = 0, β2 = 0.9 (Gulrajani et al. 2017, Algorithm 1).
  it.each([
    { beta1: 0.9, beta2: 0.999 },
    { beta1: 0, beta2: 0.9 },
  ])("matches tf.train.adam step for step on a small network (β1 = $beta1, β2 = $beta2)", ({ beta1, beta2 }) => {
    const spec = { name: "adam-test", inputs: 2, hidden: [8, 8], outputs: 1, activation: "relu" } as const;
    const ours = createMlp(spec, createRandom(3));
    const theirs = createMlp(spec, createRandom(3));
    const x = tf.tensor2d([0.5, -1, 2, 0.3, -0.7, 1.1, 0, 0.2], [4, 2]);
    const y = tf.tensor2d([1, -1, 0.5, 2], [4, 1]);
    const lossOf = (net: typeof ours) => () => tf.mean(tf.square(tf.sub(net.apply(x), y))) as never;
    const flat = createFlatAdam(ours.variables, { learningRate: 0.01, beta1, beta2 });
    const reference = tf.train.adam(0.01, beta1, beta2);
    for (let step = 0; step < 6; step++) {
      const a = flat.minimize(lossOf(ours));
      const b = reference.minimize(lossOf(theirs), true, theirs.variables)!;
      expect(a.dataSync()[0]).toBeCloseTo(b.dataSync()[0]!, 5);
      tf.dispose([a, b]);
    }
    ours.variables.forEach((v, i) => {
      const got = v.dataSync();
      const want = theirs.variables[i]!.dataSync();
      for (let k = 0; k < got.length; k++) expect(got[k]).toBeCloseTo(want[k]!, 5);
    });
    // and the weights did move
    const initial = createMlp(spec, createRandom(3));
    expect(Math.abs(ours.variables[0]!.dataSync()[0]! - initial.variables[0]!.dataSync()[0]!)).toBeGreaterThan(1e-3);
    initial.dispose();
    const before = tf.memory().numTensors;
    flat.dispose();
    expect(tf.memory().numTensors).toBe(before - 2);
    tf.dispose([x, y]);
    ours.dispose();
    theirs.dispose();
    reference.dispose();
  });
});

describe("FlatAdam.setLearningRate", () => {
  it("scales the steps that follow: rate 0 leaves the weights, the old rate moves them again", () => {
    const spec = { name: "adam-rate", inputs: 2, hidden: [4], outputs: 1, activation: "relu" } as const;
    const net = createMlp(spec, createRandom(5));
    const x = tf.tensor2d([0.5, -1, 2, 0.3], [2, 2]);
    const y = tf.tensor2d([1, -1], [2, 1]);
    const loss = () => tf.mean(tf.square(tf.sub(net.apply(x), y))) as never;
    const adam = createFlatAdam(net.variables, { learningRate: 0.01 });
    const weights = () => net.variables.flatMap((v) => Array.from(v.dataSync()));
    tf.dispose(adam.minimize(loss));
    const before = weights();
    adam.setLearningRate(0);
    tf.dispose(adam.minimize(loss));
    expect(weights()).toEqual(before);
    adam.setLearningRate(0.01);
    tf.dispose(adam.minimize(loss));
    const moved = weights().reduce((a, w, i) => a + Math.abs(w - before[i]!), 0);
    expect(moved).toBeGreaterThan(1e-3);
    adam.dispose();
    net.dispose();
    tf.dispose([x, y]);
  });
});
