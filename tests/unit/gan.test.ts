/**
 * GAN objectives on known inputs, computed by hand (Goodfellow et al. 2014; Arjovsky et al. 2017; Gulrajani et al.
 * 2017). The critic's gradients are checked against finite differences of an independent float64 copy of the
 * network written in plain JavaScript here, not against the model's own code.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { defaults, resolveSettings } from "../../src/settings/resolve.ts";
import { createMlp, type Mlp } from "../../src/lab/mlp.ts";
import { createDataStream } from "../../src/lab/datasets.ts";
import { createRandom } from "../../src/lab/random.ts";
import {
  criticWithInputGradient,
  discriminatorLoss,
  gan,
  GAN_LOSSES,
  generatorLoss,
  gradientPenalty,
  r1DiscriminatorLoss,
  r1Penalty,
  wganGpCriticLoss,
} from "../../src/models/gan.ts";
import { readSettings } from "../../src/settings/read.ts";
import { Trainer } from "../../src/models/trainer.ts";
import { useWasm } from "../support/tf-node.ts";
import { same } from "../../src/i18n/text.ts";

type Tensor2D = import("@tensorflow/tfjs-core").Tensor2D;

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
    const zero = tf.zeros([4, 1]) as Tensor2D;
    expect(value(discriminatorLoss("nonsaturating", zero, zero))).toBeCloseTo(2 * Math.LN2, 6);
    const big = tf.tensor2d([200], [1, 1]);
    const small = tf.tensor2d([-200], [1, 1]);
    expect(value(discriminatorLoss("nonsaturating", small, big))).toBeCloseTo(400, 3);
    expect(value(generatorLoss("nonsaturating", small))).toBeCloseTo(200, 3);
    tf.dispose([zero, big, small]);
  });
});

describe("WGAN losses", () => {
  it("critic: mean f(G(z)) − mean f(x); generator: −mean f(G(z)), for both WGANs", () => {
    const r = tf.tensor2d([1, 2, 3], [3, 1]);
    const f = tf.tensor2d([-1, 0.5], [2, 1]);
    for (const loss of ["wgan", "wgan-gp"] as const) {
      expect(value(discriminatorLoss(loss, r, f))).toBeCloseTo(-0.25 - 2, 6);
      expect(value(generatorLoss(loss, f))).toBeCloseTo(0.25, 6);
    }
    tf.dispose([r, f]);
  });
});

/** A critic's weights in float64: w[l][i][j] from input i to unit j of layer l, the last layer being the output. */
interface Weights {
  w: number[][][];
  b: number[][];
}

function weightsOf(critic: Mlp): Weights {
  const layers = [...critic.hiddenLayers, critic.outputLayer];
  return {
    w: layers.map((layer) => {
      const [rows, cols] = layer.weight.shape as [number, number];
      const data = layer.weight.dataSync();
      return Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => data[i * cols + j]!));
    }),
    b: layers.map((layer) => Array.from(layer.bias.dataSync())),
  };
}

const SLOPE = 0.2;

/** f(x) and ∇ₓf(x) of a leaky-ReLU MLP, in float64, by an explicit forward and backward pass. */
function reference({ w, b }: Weights, x: readonly number[]): { f: number; grad: number[] } {
  const slopes: number[][] = [];
  let h = [...x];
  for (let l = 0; l < w.length; l++) {
    const a = b[l]!.map((bias, j) => h.reduce((sum, hi, i) => sum + hi * w[l]![i]![j]!, bias));
    if (l === w.length - 1) {
      let delta = [1];
      for (let k = w.length - 1; k >= 0; k--) {
        const back = w[k]!.map((row) => row.reduce((sum, wij, j) => sum + wij * delta[j]!, 0));
        delta = k > 0 ? back.map((d, i) => d * slopes[k - 1]![i]!) : back;
      }
      return { f: a[0]!, grad: delta };
    }
    slopes.push(a.map((v) => (v > 0 ? 1 : SLOPE)));
    h = a.map((v) => (v > 0 ? v : SLOPE * v));
  }
  throw new Error("unreachable");
}

/** E(‖∇ₓf(x̂)‖₂ − 1)², x̂ = εx + (1 − ε)x̃, in float64. */
function penaltyReference(weights: Weights, real: number[][], fake: number[][], epsilon: number[]): number {
  let sum = 0;
  real.forEach((x, i) => {
    const e = epsilon[i]!;
    const mixed = x.map((xi, k) => e * xi + (1 - e) * fake[i]![k]!);
    const { grad } = reference(weights, mixed);
    sum += (Math.hypot(...grad) - 1) ** 2;
  });
  return sum / real.length;
}

function smallCritic(seed: number): Mlp {
  return createMlp(
    { name: "critic-test", inputs: 2, hidden: [8, 8], outputs: 1, activation: "leakyRelu" },
    createRandom(seed),
  );
}

/**
 * Checks tfjs's float32 gradient `grads` of a loss over `critic`'s weights against central differences in float64
 * (h = 1e−6: truncation ~h², rounding ~1e−16/h, both far below the tolerance) of `reference`, the same loss written
 * independently over the weights, for every weight and bias. Returns the largest derivative seen, so a test can
 * show the check was not passed by a loss flat in every weight. A variable without a path to the loss has no entry
 * in `grads` (for the WGAN-GP penalty, the output bias) and counts as 0.
 */
function expectWeightGradients(
  critic: Mlp,
  grads: Record<string, { dataSync(): ArrayLike<number> }>,
  reference: (weights: Weights) => number,
): number {
  const weights = weightsOf(critic);
  const h = 1e-6;
  const derivative = (bump: (w: Weights, d: number) => void) => {
    const at = (d: number) => {
      const copy: Weights = structuredClone(weights);
      bump(copy, d);
      return reference(copy);
    };
    return (at(h) - at(-h)) / (2 * h);
  };
  const layers = [...critic.hiddenLayers, critic.outputLayer];
  let largest = 0;
  layers.forEach((layer, l) => {
    const dW = grads[layer.weight.name]?.dataSync() ?? new Float32Array(layer.weight.size);
    const db = grads[layer.bias.name]?.dataSync() ?? new Float32Array(layer.bias.size);
    const cols = layer.weight.shape[1]!;
    weights.w[l]!.forEach((row, i) =>
      row.forEach((_, j) => {
        const want = derivative((w, d) => (w.w[l]![i]![j]! += d));
        largest = Math.max(largest, Math.abs(want));
        expect(Math.abs(dW[i * cols + j]! - want), `layer ${l} weight [${i}, ${j}]`).toBeLessThan(
          1e-4 + 1e-3 * Math.abs(want),
        );
      }),
    );
    weights.b[l]!.forEach((_, j) => {
      const want = derivative((w, d) => (w.b[l]![j]! += d));
      expect(Math.abs(db[j]! - want), `layer ${l} bias [${j}]`).toBeLessThan(1e-4 + 1e-3 * Math.abs(want));
    });
  });
  return largest;
}

const REAL = [
  [1.2, -0.4],
  [-0.7, 2.1],
  [0.3, 0.9],
  [-1.5, -1.1],
];
const FAKE = [
  [0.1, 0.2],
  [1.8, -1.3],
  [-0.6, -0.2],
  [0.9, 1.4],
];
const EPSILON = [0.25, 0.6, 0.9, 0.1];

describe("the critic's input gradient ∇ₓf (for WGAN-GP)", () => {
  it("gives the network's own scores, and a gradient that matches central differences of f", () => {
    const critic = smallCritic(5);
    const points = [...REAL, ...FAKE];
    const x = tf.tensor2d(points.flat(), [points.length, 2]);
    const { scores, gradient } = tf.tidy(() => {
      const r = criticWithInputGradient(critic, x);
      return { scores: r.scores.dataSync().slice(), gradient: r.inputGradient.dataSync().slice() };
    });
    // f by the network's own forward pass (mlp.apply), ∇ₓf by central differences of it. f is piecewise linear, so
    // the difference is exact unless a kink lies within h of the point (one does within 1e−2 of the fourth point);
    // h = 1e−3 keeps float32's rounding of f (≈1e−7) at ≈1e−4 of the quotient, under the tolerance of 5e−4.
    const f = (p: number[][]) =>
      tf.tidy(() => Array.from(critic.apply(tf.tensor2d(p.flat(), [p.length, 2])).dataSync()));
    const own = f(points);
    const h = 1e-3;
    points.forEach((p, i) => {
      expect(scores[i]).toBeCloseTo(own[i]!, 5);
      for (let k = 0; k < 2; k++) {
        const up = p.map((v, j) => (j === k ? v + h : v));
        const down = p.map((v, j) => (j === k ? v - h : v));
        const [fUp, fDown] = f([up, down]) as [number, number];
        expect(gradient[2 * i + k], `point ${i}, ∂/∂x${k + 1}`).toBeCloseTo((fUp - fDown) / (2 * h), 3);
      }
    });
    // and it is not trivially small: the check would pass for a zero gradient on a flat critic otherwise
    expect(Math.max(...gradient.map(Math.abs))).toBeGreaterThan(0.05);
    x.dispose();
    critic.dispose();
  });
});

describe("WGAN-GP's gradient penalty", () => {
  it("has the value and the weight gradient of an independent float64 computation (central differences)", () => {
    const critic = smallCritic(11);
    const real = tf.tensor2d(REAL.flat(), [4, 2]);
    const fake = tf.tensor2d(FAKE.flat(), [4, 2]);
    const epsilon = tf.tensor2d(EPSILON, [4, 1]);
    const { value: penalty, grads } = tf.variableGrads(
      () => gradientPenalty(critic, real, fake, epsilon),
      critic.variables,
    );
    const weights = weightsOf(critic);
    const expected = penaltyReference(weights, REAL, FAKE, EPSILON);
    expect(expected).toBeGreaterThan(0.01);
    expect(value(penalty)).toBeCloseTo(expected, 4);
    const largest = expectWeightGradients(critic, grads, (w) => penaltyReference(w, REAL, FAKE, EPSILON));
    expect(largest).toBeGreaterThan(0.01);
    tf.dispose([real, fake, epsilon, ...Object.values(grads)]);
    critic.dispose();
  });

  it("makes the critic loss E f(x̃) − E f(x) + λ·E(‖∇f(x̂)‖₂ − 1)², by hand on a 2→2→1 critic", () => {
    const critic = createMlp(
      { name: "tiny-critic", inputs: 2, hidden: [2], outputs: 1, activation: "leakyRelu" },
      createRandom(1),
    );
    // f(x) = 1·lrelu(x₁ + 0.5x₂) − 2·lrelu(−x₁ + 2x₂ + 0.5) + 0.3
    critic.hiddenLayers[0]!.weight.assign(tf.tensor2d([1, -1, 0.5, 2], [2, 2]));
    critic.hiddenLayers[0]!.bias.assign(tf.tensor1d([0, 0.5]));
    critic.outputLayer.weight.assign(tf.tensor2d([1, -2], [2, 1]));
    critic.outputLayer.bias.assign(tf.tensor1d([0.3]));
    const real = [
      [1, 1],
      [-2, 0],
    ];
    const fake = [
      [0, -1],
      [2, 1],
    ];
    // f(1, 1) = 1.5 − 2·1.5 + 0.3 = −1.2; f(−2, 0) = 0.2·(−2) − 2·2.5 + 0.3 = −5.1
    // f(0, −1) = 0.2·(−0.5) − 2·0.2·(−1.5) + 0.3 = 0.8; f(2, 1) = 2.5 − 2·0.5 + 0.3 = 1.8
    const critique = (0.8 + 1.8) / 2 - (-1.2 + -5.1) / 2;
    // ε = 0.4: x̂ = (0.4, −0.2), a = (0.3, −0.3), slopes (1, 0.2): ∇f = 1·(1, 0.5) − 2·0.2·(−1, 2) = (1.4, −0.3);
    // ε = 0.25: x̂ = (1, 0.75), a = (1.375, 1), slopes (1, 1): ∇f = (1, 0.5) − 2·(−1, 2) = (3, −3.5)
    const norms = [Math.hypot(1.4, -0.3), Math.hypot(3, -3.5)];
    const penalty = ((norms[0]! - 1) ** 2 + (norms[1]! - 1) ** 2) / 2;
    const lambda = 10;
    const r = tf.tensor2d(real.flat(), [2, 2]);
    const f = tf.tensor2d(fake.flat(), [2, 2]);
    const e = tf.tensor2d([0.4, 0.25], [2, 1]);
    expect(value(wganGpCriticLoss(critic, r, f, e, lambda))).toBeCloseTo(critique + lambda * penalty, 4);
    expect(value(gradientPenalty(critic, r, f, e))).toBeCloseTo(penalty, 5);
    tf.dispose([r, f, e]);
    critic.dispose();
  });
});

describe("the R1 penalty (Mescheder 2018)", () => {
  it("is ½·E‖∇ₓD(x)‖² on real points, by hand on a 2→2→1 discriminator", () => {
    const discriminator = createMlp(
      { name: "tiny-discriminator", inputs: 2, hidden: [2], outputs: 1, activation: "leakyRelu" },
      createRandom(1),
    );
    // D(x) = 1·lrelu(x₁ + 0.5x₂) − 2·lrelu(−x₁ + 2x₂ + 0.5) + 0.3, as above.
    discriminator.hiddenLayers[0]!.weight.assign(tf.tensor2d([1, -1, 0.5, 2], [2, 2]));
    discriminator.hiddenLayers[0]!.bias.assign(tf.tensor1d([0, 0.5]));
    discriminator.outputLayer.weight.assign(tf.tensor2d([1, -2], [2, 1]));
    discriminator.outputLayer.bias.assign(tf.tensor1d([0.3]));
    // At (1, 1): a = (1.5, 1.5), slopes (1, 1): ∇D = (1, 0.5) − 2·(−1, 2) = (3, −3.5), ‖·‖² = 21.25.
    // At (−2, 0): a = (−2, 2.5), slopes (0.2, 1): ∇D = 0.2·(1, 0.5) − 2·(−1, 2) = (2.2, −3.9), ‖·‖² = 20.05.
    const real = tf.tensor2d([1, 1, -2, 0], [2, 2]);
    expect(value(r1Penalty(discriminator, real))).toBeCloseTo((0.5 * (21.25 + 20.05)) / 2, 4);
    real.dispose();
    discriminator.dispose();
  });
});

/** −E log σ(D(x)) − E log(1 − σ(D(x̃))) + (γ/2)·E‖∇ₓD(x)‖², in float64 (log(1 + eˢ) written out). */
function r1LossReference(weights: Weights, real: number[][], fake: number[][], gamma: number): number {
  const softplus = (s: number) => Math.log1p(Math.exp(s));
  const mean = (values: number[]) => values.reduce((a, v) => a + v, 0) / values.length;
  const onReal = real.map((x) => reference(weights, x));
  return (
    mean(onReal.map(({ f }) => softplus(-f))) +
    mean(fake.map((x) => softplus(reference(weights, x).f))) +
    (gamma / 2) * mean(onReal.map(({ grad }) => grad.reduce((a, g) => a + g * g, 0)))
  );
}

describe("the discriminator loss with R1 (Mescheder 2018, eq. 9)", () => {
  it("has the value and the weight gradient of an independent float64 computation (central differences)", () => {
    const discriminator = smallCritic(7);
    const real = tf.tensor2d(REAL.flat(), [4, 2]);
    const fake = tf.tensor2d(FAKE.flat(), [4, 2]);
    const gamma = 3;
    const { value: loss, grads } = tf.variableGrads(
      () => r1DiscriminatorLoss(discriminator, real, fake, gamma),
      discriminator.variables,
    );
    const expected = r1LossReference(weightsOf(discriminator), REAL, FAKE, gamma);
    const withoutPenalty = r1LossReference(weightsOf(discriminator), REAL, FAKE, 0);
    // the penalty is a visible part of the loss, so a loss that dropped it would fail
    expect(expected - withoutPenalty).toBeGreaterThan(0.01);
    expect(value(loss)).toBeCloseTo(expected, 4);
    const largest = expectWeightGradients(discriminator, grads, (w) => r1LossReference(w, REAL, FAKE, gamma));
    expect(largest).toBeGreaterThan(0.01);
    tf.dispose([real, fake, ...Object.values(grads)]);
    discriminator.dispose();
  });

  it("is the plain loss plus γ times r1Penalty", () => {
    const discriminator = smallCritic(3);
    const real = tf.tensor2d(REAL.flat(), [4, 2]);
    const fake = tf.tensor2d(FAKE.flat(), [4, 2]);
    const plain = value(
      tf.tidy(() => discriminatorLoss("nonsaturating", discriminator.apply(real), discriminator.apply(fake))),
    );
    const penalty = value(r1Penalty(discriminator, real));
    expect(value(r1DiscriminatorLoss(discriminator, real, fake, 2))).toBeCloseTo(plain + 2 * penalty, 5);
    tf.dispose([real, fake]);
    discriminator.dispose();
  });
});

describe("the gan family", () => {
  const settingsFor = (loss: string) =>
    readSettings(gan.settings, resolveSettings(gan.settings, [{ raw: { loss }, source: same("test") }]).values);

  it("adds lazy R1 on one discriminator update in k, weighted k·γ (Karras et al. 2020, §3.1)", () => {
    // Models from the same seed see the same weights and batches. The first update's loss is L + w·P with the same
    // plain loss L and penalty P: w = 0 without R1, γ on every update, k·γ lazily.
    const losses = (r1: number, r1Interval: number) => {
      const settings = readSettings(gan.settings, { ...defaults(gan.settings), r1, r1Interval });
      const model = gan.create({ settings, seed: 4, dataset: "8gaussians" });
      const data = createDataStream("8gaussians", 4);
      const first = model.trainStep(data, true, 1)!.discriminator!;
      const second = model.trainStep(data, true, 2)!.discriminator!;
      model.dispose();
      return { first, second };
    };
    const plain = losses(0, 1).first;
    const everyUpdate = losses(2, 1).first - plain;
    expect(everyUpdate).toBeGreaterThan(1e-3);
    const lazy = losses(2, 3);
    expect(lazy.first - plain).toBeCloseTo(3 * everyUpdate, 4);
    // γ = 6 on every update makes the same first update, so both models reach the same weights; the lazy one's
    // second update then carries no penalty and the other's does.
    const eager = losses(6, 1);
    expect(eager.first).toBeCloseTo(lazy.first, 5);
    expect(eager.second - lazy.second).toBeGreaterThan(1e-3);
  });

  it("runs Adam with the betas of its settings: the first update is the same whatever β₁, the second is not", () => {
    // Adam's bias-corrected first step is lr·g/|g| whatever β₁; from the second on, β₁ mixes in the last gradient.
    const weightsAfter = (adamBeta1: number, steps: number) => {
      const settings = readSettings(gan.settings, { ...defaults(gan.settings), adamBeta1 });
      const model = gan.create({ settings, seed: 6, dataset: "8gaussians" });
      const data = createDataStream("8gaussians", 6);
      for (let step = 1; step <= steps; step++) model.trainStep(data, false, step);
      const flat = Object.values(model.weights()).flatMap((v) => Array.from(v.dataSync()));
      model.dispose();
      return flat;
    };
    const gap = (a: number[], b: number[]) => a.reduce((sum, w, i) => sum + Math.abs(w - b[i]!), 0);
    expect(gap(weightsAfter(0, 1), weightsAfter(0.9, 1))).toBeLessThan(1e-4);
    expect(gap(weightsAfter(0, 2), weightsAfter(0.9, 2))).toBeGreaterThan(1e-2);
  });

  it("brings each WGAN paper's optimiser with its loss, without the non-saturating GAN's decay or average", () => {
    expect(settingsFor("wgan-gp")).toMatchObject({ adamBeta1: 0, adamBeta2: 0.9, decayFactor: 1, average: 0 });
    expect(settingsFor("wgan")).toMatchObject({ decayFactor: 1, average: 0 });
    expect(settingsFor("nonsaturating")).toMatchObject(defaults(gan.settings));
  });

  it("offers exactly the losses the model knows", () => {
    const spec = gan.settings.find((s) => s.name === "loss");
    expect(spec?.type === "choice" ? spec.choices.map((c) => c.value) : []).toEqual([...GAN_LOSSES]);
  });

  it.each(GAN_LOSSES)("trains a few steps with %s at its paper's settings: finite losses and samples", (loss) => {
    const before = tf.memory().numTensors;
    const model = gan.create({ settings: settingsFor(loss), seed: 1, dataset: "8gaussians" });
    const data = createDataStream("8gaussians", 1);
    let losses = null;
    for (let step = 0; step < 3; step++) losses = model.trainStep(data, true, step + 1);
    expect(Object.keys(losses ?? {}).sort()).toEqual(["discriminator", "generator"]);
    expect(Object.values(losses ?? {}).every(Number.isFinite)).toBe(true);
    const samples = model.sample(200);
    expect(samples.length).toBe(400);
    expect(samples.every(Number.isFinite)).toBe(true);
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it("draws a WGAN critic as a relative score (centred on the grid's median), the GAN's logit as it is", () => {
    const request = { view: "landscape", n: 50, extent: 4.5, gridSize: 9 };
    const median = (v: Float32Array) => Float32Array.from(v).sort()[(v.length - 1) / 2]!;
    for (const loss of ["wgan", "wgan-gp"]) {
      const model = gan.create({ settings: settingsFor(loss), seed: 1, dataset: "8gaussians" });
      const { field } = model.view(request);
      expect(field?.label.zh).toMatch(/评论家打分 f\(x\).*相对值/);
      expect(median(field!.values)).toBeCloseTo(0, 6);
      expect(Math.max(...field!.values)).toBeGreaterThan(Math.min(...field!.values));
      model.dispose();
    }
    const model = gan.create({ settings: settingsFor("nonsaturating"), seed: 1, dataset: "8gaussians" });
    const { field } = model.view(request);
    expect(field?.label.zh).toMatch(/logit/);
    expect(field?.label.zh).not.toMatch(/相对值/);
    expect(Math.abs(median(field!.values))).toBeGreaterThan(1e-4); // not centred
    model.dispose();
  });

  it("refuses an unknown loss, naming the valid ones", () => {
    const settings = { ...defaults(gan.settings), loss: "lsgan" };
    expect(() => new Trainer({ family: gan, settings, seed: 1, dataset: "8gaussians" })).toThrow(
      /"loss".*"lsgan".*nonsaturating, wgan, wgan-gp/,
    );
  });
});
