/** The generator's weight average for sampling: its update by hand, its warm-up, its shape check. */
import { beforeAll, describe, expect, it } from "vitest";
import { createMlp } from "../../src/lab/mlp.ts";
import { createRandom } from "../../src/lab/random.ts";
import { createWeightAverage, warmedDecay } from "../../src/lab/weight-average.ts";
import { useWasm } from "../support/tf-node.ts";

let tf: Awaited<ReturnType<typeof useWasm>>;
beforeAll(async () => {
  tf = await useWasm();
});

const spec = (name: string) => ({ name, inputs: 2, hidden: [3], outputs: 1, activation: "relu" as const });

describe("the exponential moving average of weights (Yazıcı 2019)", () => {
  it("warms its decay up from 0.1 towards β, never above β", () => {
    expect(warmedDecay(0.99, 1)).toBeCloseTo(2 / 11, 12);
    expect(warmedDecay(0.99, 10)).toBeCloseTo(11 / 20, 12);
    expect(warmedDecay(0.99, 10_000)).toBe(0.99);
  });

  it("follows θ̄_t = β_t θ̄_{t−1} + (1 − β_t) θ_t, by hand over three steps of moving weights", () => {
    const trained = createMlp(spec("trained"), createRandom(3));
    const average = createMlp(spec("average"), createRandom(3));
    const start = trained.variables.map((v) => Float32Array.from(v.dataSync()));
    const ema = createWeightAverage(trained, average, 0.5);
    const expected = start.map((w) => Float64Array.from(w));
    for (let t = 1; t <= 3; t++) {
      // Move the trained weights: θ_t = θ_0 + t.
      trained.variables.forEach((v, i) => v.assign(tf.add(tf.tensor(start[i]!, v.shape), t)));
      ema.update();
      const beta = warmedDecay(0.5, t);
      expected.forEach((e, i) => e.forEach((x, k) => (e[k] = beta * x + (1 - beta) * (start[i]![k]! + t))));
    }
    average.variables.forEach((v, i) => {
      const got = v.dataSync();
      expected[i]!.forEach((want, k) => expect(got[k]).toBeCloseTo(want, 5));
    });
    // The trained network is only read.
    trained.variables.forEach((v, i) => expect(v.dataSync()[0]).toBeCloseTo(start[i]![0]! + 3, 5));
    ema.dispose();
    trained.dispose();
  });

  it("refuses networks of different shapes", () => {
    const a = createMlp(spec("a"), createRandom(1));
    const b = createMlp({ ...spec("b"), hidden: [4] }, createRandom(1));
    expect(() => createWeightAverage(a, b, 0.9)).toThrow(/same shape/);
    a.dispose();
    b.dispose();
  });
});
