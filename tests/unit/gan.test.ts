/** GAN objectives on known inputs, computed by hand (Goodfellow et al. 2014; Arjovsky et al. 2017). */
import { beforeAll, describe, expect, it } from "vitest";
import { discriminatorLoss, generatorLoss } from "../../src/models/gan.ts";
import { useWasm } from "../support/tf-node.ts";

let tf: Awaited<ReturnType<typeof useWasm>>;
beforeAll(async () => {
  tf = await useWasm();
});

const sigmoid = (s: number) => 1 / (1 + Math.exp(-s));
const value = (t: { dataSync(): ArrayLike<number>; dispose(): void }) => {
  const v = t.dataSync()[0]!;
  t.dispose();
  return v;
};

describe("non-saturating GAN losses", () => {
  it("L_D = −mean log σ(D(x)) − mean log(1 − σ(D(G(z)))), L_G = −mean log σ(D(G(z)))", () => {
    const real = [2, -1, 0.5];
    const fake = [-3, 1];
    const expectedD =
      real.reduce((a, s) => a - Math.log(sigmoid(s)), 0) / real.length +
      fake.reduce((a, s) => a - Math.log(1 - sigmoid(s)), 0) / fake.length;
    const expectedG = fake.reduce((a, s) => a - Math.log(sigmoid(s)), 0) / fake.length;
    const r = tf.tensor2d(real, [3, 1]);
    const f = tf.tensor2d(fake, [2, 1]);
    expect(value(discriminatorLoss("nonsaturating", r, f))).toBeCloseTo(expectedD, 5);
    expect(value(generatorLoss("nonsaturating", f))).toBeCloseTo(expectedG, 5);
    tf.dispose([r, f]);
  });

  it("is 2 ln 2 for a discriminator that cannot tell (all logits 0), and stays finite for huge logits", () => {
    const zero = tf.zeros([4, 1]) as import("@tensorflow/tfjs-core").Tensor2D;
    expect(value(discriminatorLoss("nonsaturating", zero, zero))).toBeCloseTo(2 * Math.LN2, 6);
    const big = tf.tensor2d([200], [1, 1]);
    const small = tf.tensor2d([-200], [1, 1]);
    expect(value(discriminatorLoss("nonsaturating", small, big))).toBeCloseTo(400, 3);
    expect(value(generatorLoss("nonsaturating", small))).toBeCloseTo(200, 3);
    tf.dispose([zero, big, small]);
  });
});

describe("WGAN losses", () => {
  it("critic: mean f(G(z)) − mean f(x); generator: −mean f(G(z))", () => {
    const r = tf.tensor2d([1, 2, 3], [3, 1]);
    const f = tf.tensor2d([-1, 0.5], [2, 1]);
    expect(value(discriminatorLoss("wgan", r, f))).toBeCloseTo(-0.25 - 2, 6);
    expect(value(generatorLoss("wgan", f))).toBeCloseTo(0.25, 6);
    tf.dispose([r, f]);
  });
});
