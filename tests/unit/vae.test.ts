/**
 * The Gaussian VAE's objective (Kingma & Welling 2013): the closed-form KL of Appendix B against the general KL
 * between two Gaussians and against a Monte-Carlo estimate, the reparameterised latent's mean and variance, the
 * decoder's Gaussian negative log-likelihood against its formula, the per-point decoder variance with its floor and
 * its warm-up, and the model's views.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createRandom, fillNormal } from "../../src/lab/random.ts";
import { gaussianNegLogLikelihood, klToStandardNormal, reparameterise } from "../../src/lab/vae-math.ts";
import { MIN_LOG_VARIANCE, perPointLogVariance, VARIANCE_WARMUP, vae } from "../../src/models/vae.ts";
import { defaults } from "../../src/settings/resolve.ts";
import { useWasm } from "../support/tf-node.ts";

let tf: Awaited<ReturnType<typeof useWasm>>;
beforeAll(async () => {
  tf = await useWasm();
});

type Tensor = import("@tensorflow/tfjs-core").Tensor;
const read = (t: Tensor) => {
  const v = Array.from(t.dataSync());
  t.dispose();
  return v;
};

/** KL(N(μ₁, σ₁²) ‖ N(μ₂, σ₂²)) in one dimension: log(σ₂/σ₁) + (σ₁² + (μ₁ − μ₂)²) / (2σ₂²) − ½. */
const klGaussians = (m1: number, s1: number, m2: number, s2: number) =>
  Math.log(s2 / s1) + (s1 * s1 + (m1 - m2) ** 2) / (2 * s2 * s2) - 0.5;

/** log N(x; μ, σ²) in one dimension. */
const logNormal = (x: number, m: number, s: number) =>
  -0.5 * Math.log(2 * Math.PI * s * s) - (x - m) ** 2 / (2 * s * s);

// rows of (μ₁, σ₁, μ₂, σ₂) for a 2D latent
const MEANS = [
  [0, 0],
  [1.5, -0.3],
  [-2, 0.7],
];
const SIGMAS = [
  [1, 1],
  [0.2, 1.7],
  [0.05, 0.6],
];

describe("KL(q(z|x) ‖ N(0, I)) in closed form (Appendix B)", () => {
  it("equals the general KL between Gaussians summed over dimensions, and 0 for q = N(0, I)", () => {
    const mean = tf.tensor2d(MEANS);
    const logVariance = tf.tensor2d(SIGMAS.map((row) => row.map((s) => Math.log(s * s))));
    const kl = read(klToStandardNormal(mean, logVariance));
    for (let i = 0; i < MEANS.length; i++) {
      const expected =
        klGaussians(MEANS[i]![0]!, SIGMAS[i]![0]!, 0, 1) + klGaussians(MEANS[i]![1]!, SIGMAS[i]![1]!, 0, 1);
      expect(kl[i]).toBeCloseTo(expected, 4);
    }
    expect(kl[0]).toBeCloseTo(0, 6);
    tf.dispose([mean, logVariance]);
  });

  it("agrees with a Monte-Carlo estimate E_q[log q(z) − log p(z)]", () => {
    const [m1, m2] = MEANS[1]!;
    const [s1, s2] = SIGMAS[1]!;
    const mean = tf.tensor2d([[m1!, m2!]]);
    const logVariance = tf.tensor2d([[Math.log(s1! ** 2), Math.log(s2! ** 2)]]);
    const closed = read(klToStandardNormal(mean, logVariance))[0]!;
    const rng = createRandom(5);
    const n = 200_000;
    let sum = 0;
    let squares = 0;
    for (let i = 0; i < n; i++) {
      const z1 = m1! + s1! * rng.normal();
      const z2 = m2! + s2! * rng.normal();
      const term = logNormal(z1, m1!, s1!) + logNormal(z2, m2!, s2!) - logNormal(z1, 0, 1) - logNormal(z2, 0, 1);
      sum += term;
      squares += term * term;
    }
    const estimate = sum / n;
    const standardError = Math.sqrt((squares / n - estimate ** 2) / n);
    expect(Math.abs(closed - estimate)).toBeLessThan(4 * standardError);
    tf.dispose([mean, logVariance]);
  });
});

describe("the reparameterisation z = μ + σ ε", () => {
  it("has mean μ and variance σ² over many ε, and is exactly μ + σ ε per draw", () => {
    const n = 100_000;
    const mu = [0.7, -1.2];
    const sigma = [0.3, 2];
    const epsilon = fillNormal(createRandom(9), new Float32Array(2 * n));
    const mean = tf.tile(tf.tensor2d([mu]), [n, 1]) as import("@tensorflow/tfjs-core").Tensor2D;
    const logVariance = tf.tile(tf.tensor2d([sigma.map((s) => Math.log(s * s))]), [n, 1]) as typeof mean;
    const e = tf.tensor2d(epsilon, [n, 2]);
    const z = read(reparameterise(mean, logVariance, e));
    for (let d = 0; d < 2; d++) {
      let sum = 0;
      let squares = 0;
      for (let i = 0; i < n; i++) {
        sum += z[2 * i + d]!;
        squares += z[2 * i + d]! ** 2;
      }
      const m = sum / n;
      const variance = squares / n - m * m;
      expect(Math.abs(m - mu[d]!)).toBeLessThan((5 * sigma[d]!) / Math.sqrt(n));
      expect(Math.abs(variance / sigma[d]! ** 2 - 1)).toBeLessThan(0.02);
      expect(z[2 * 17 + d]).toBeCloseTo(mu[d]! + sigma[d]! * epsilon[2 * 17 + d]!, 5);
    }
    tf.dispose([mean, logVariance, e]);
  });
});

describe("the decoder's Gaussian negative log-likelihood", () => {
  const x = [
    [0.5, -1],
    [2, 3],
  ];
  const mu = [
    [0, 0],
    [2.5, 1],
  ];

  it("is −Σ_j log N(x_j; μ_j, σ_j²), with one variance per dimension shared by the rows", () => {
    const sigma = [0.4, 1.3];
    const [tx, tm] = [tf.tensor2d(x), tf.tensor2d(mu)];
    const logVariance = tf.tensor1d(sigma.map((s) => Math.log(s * s)));
    const nll = read(gaussianNegLogLikelihood(tx, tm, logVariance));
    for (let i = 0; i < 2; i++) {
      const expected = -logNormal(x[i]![0]!, mu[i]![0]!, sigma[0]!) - logNormal(x[i]![1]!, mu[i]![1]!, sigma[1]!);
      expect(nll[i]).toBeCloseTo(expected, 4);
    }
    tf.dispose([tx, tm, logVariance]);
  });

  it("accepts one variance per row and dimension", () => {
    const sigma = [
      [0.1, 2],
      [1, 0.7],
    ];
    const [tx, tm] = [tf.tensor2d(x), tf.tensor2d(mu)];
    const logVariance = tf.tensor2d(sigma.map((row) => row.map((s) => Math.log(s * s))));
    const nll = read(gaussianNegLogLikelihood(tx, tm, logVariance));
    for (let i = 0; i < 2; i++) {
      const expected =
        -logNormal(x[i]![0]!, mu[i]![0]!, sigma[i]![0]!) - logNormal(x[i]![1]!, mu[i]![1]!, sigma[i]![1]!);
      expect(nll[i]).toBeCloseTo(expected, 4);
    }
    tf.dispose([tx, tm, logVariance]);
  });
});

describe("the per-point decoder variance log σ_θ²(z) = m + softplus(log σ_x² + h_θ(z) − m)", () => {
  it("equals log σ_x² + h by hand where that is well above the floor m, and stays above m where it is not", () => {
    const offset = [-2, 0.5];
    const head = [
      [0, 0],
      [1.3, -0.7],
      [-30, -12],
    ];
    const [to, th] = [tf.tensor1d(offset), tf.tensor2d(head)];
    const got = read(perPointLogVariance(to, th));
    for (let i = 0; i < head.length; i++) {
      for (let d = 0; d < 2; d++) {
        const u = offset[d]! + head[i]![d]!;
        const expected = MIN_LOG_VARIANCE + Math.log1p(Math.exp(u - MIN_LOG_VARIANCE));
        expect(got[2 * i + d]).toBeCloseTo(expected, 4);
        expect(got[2 * i + d]).toBeGreaterThanOrEqual(Math.fround(MIN_LOG_VARIANCE));
      }
    }
    // Far above the floor it is the sum itself (e^(−7.2) ≈ 0.0007 off at log σ² = −2); far below, the floor.
    expect(got[0]).toBeCloseTo(-2, 2);
    expect(got[3]).toBeCloseTo(-0.2, 2);
    expect(got[4]).toBeCloseTo(MIN_LOG_VARIANCE, 4);
    tf.dispose([to, th]);
  });

  it("gives −log p(x|z) of a Gaussian with that variance, as computed by hand", () => {
    const x = [0.3, -1.1];
    const mu = [0.1, -0.4];
    const offset = [-1, -2];
    const head = [0.4, -0.5];
    const [tx, tm, to, th] = [tf.tensor2d([x]), tf.tensor2d([mu]), tf.tensor1d(offset), tf.tensor2d([head])];
    const logVariance = perPointLogVariance(to, th);
    const nll = read(gaussianNegLogLikelihood(tx, tm, logVariance))[0]!;
    const floored = (u: number) => MIN_LOG_VARIANCE + Math.log1p(Math.exp(u - MIN_LOG_VARIANCE));
    const sigma = [0, 1].map((d) => Math.exp(floored(offset[d]! + head[d]!) / 2));
    const expected = -logNormal(x[0]!, mu[0]!, sigma[0]!) - logNormal(x[1]!, mu[1]!, sigma[1]!);
    expect(nll).toBeCloseTo(expected, 4);
    tf.dispose([tx, tm, to, th, logVariance]);
  });
});

describe("the model", () => {
  const create = () => vae.create({ settings: defaults(vae.settings), seed: 2, dataset: "moons" });

  it.each(["per-point", "shared"] as const)("reports −ELBO = reconstruction + KL, the KL non-negative (%s σ)", (v) => {
    const model = vae.create({
      settings: { ...defaults(vae.settings), decoderVariance: v },
      seed: 2,
      dataset: "moons",
    });
    const sampleRng = createRandom(1);
    const data = { next: (n: number) => fillNormal(sampleRng, new Float32Array(2 * n)) };
    for (let i = 0; i < 3; i++) {
      const losses = model.trainStep(data, true, i + 1)!;
      expect(losses.elbo).toBeCloseTo(losses.reconstruction! + losses.kl!, 5);
      expect(losses.kl).toBeGreaterThanOrEqual(0);
    }
    model.dispose();
  });

  it(`holds the variance head at its zero start for ${VARIANCE_WARMUP} steps, then fits it`, () => {
    const model = create();
    const data = { next: (n: number) => fillNormal(createRandom(3), new Float32Array(2 * n)) };
    const head = () => {
      const weight = model.weights()["decoder.output.weight"]!;
      const bias = model.weights()["decoder.output.bias"]!;
      const [w, b] = [weight.arraySync() as number[][], Array.from(bias.dataSync())];
      return [...w.flatMap((row) => row.slice(2)), ...b.slice(2)];
    };
    const means = () => Array.from(model.weights()["decoder.output.weight"]!.dataSync()).filter((_, i) => i % 4 < 2);
    const before = means();
    expect(head().every((v) => v === 0)).toBe(true);
    expect(model.view({ view: "samples", n: 400, extent: 4.5, gridSize: 8 }).caption?.zh).toContain("中位数 0.37");
    for (let i = 0; i < VARIANCE_WARMUP; i++) model.trainStep(data, false, i + 1);
    expect(head().every((v) => v === 0)).toBe(true);
    expect(means()).not.toEqual(before);
    model.trainStep(data, false, VARIANCE_WARMUP + 1);
    expect(head().some((v) => v !== 0)).toBe(true);
    model.dispose();
  });

  it("samples from the decoder's weight average (β = 0.99 by default), and from the trained decoder at β = 0", () => {
    const data = { next: (n: number) => fillNormal(createRandom(3), new Float32Array(2 * n)) };
    const model = create();
    for (let i = 0; i < 5; i++) model.trainStep(data, false, i + 1);
    const names = Object.keys(model.weights());
    expect(names).toContain("decoderAverage.output.weight");
    expect(names).toContain("decoderAverageLogVariance");
    // The samples view draws from the same noise every time, so only the model can change what it shows.
    const drawn = () => model.view({ view: "samples", n: 500, extent: 4.5, gridSize: 8 }).samples!;
    const before = drawn();
    // Zeroing the trained decoder's last layer changes nothing drawn; zeroing the average's puts every mean at 0.
    const zero = (name: string) => model.weights()[name]!.assign(tf.zerosLike(model.weights()[name]!));
    zero("decoder.output.weight");
    zero("decoder.output.bias");
    expect(drawn()).toEqual(before);
    zero("decoderAverage.output.weight");
    zero("decoderAverage.output.bias");
    const after = drawn();
    const meanOf = (xs: Float32Array) => xs.reduce((a, v) => a + v, 0) / xs.length;
    expect(Math.abs(meanOf(after))).toBeLessThan(0.1);
    expect(after).not.toEqual(before);
    model.dispose();

    const plain = vae.create({ settings: { ...defaults(vae.settings), average: 0 }, seed: 2, dataset: "moons" });
    expect(Object.keys(plain.weights()).some((n) => n.startsWith("decoderAverage"))).toBe(false);
    plain.dispose();
  });

  it("draws the latent view with hues in [0, 1) and the prior's circles of radius 1 and 2", () => {
    const model = create();
    const frame = model.view({ view: "latent", n: 300, extent: 4.5, gridSize: 8 });
    expect(frame.showData).toBe(false);
    const hues = frame.colouredPoints!.hues;
    expect(hues.length).toBe(300);
    expect(Math.min(...hues)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...hues)).toBeLessThan(1);
    expect(frame.paths!.dots).toBe(false);
    const radii = frame.paths!.lines.map((line) => {
      const r = [];
      for (let k = 0; k < line.length / 2; k++) r.push(Math.hypot(line[2 * k]!, line[2 * k + 1]!));
      return [Math.min(...r), Math.max(...r)];
    });
    expect(radii[0]![0]).toBeCloseTo(1, 5);
    expect(radii[0]![1]).toBeCloseTo(1, 5);
    expect(radii[1]![0]).toBeCloseTo(2, 5);
    expect(radii[1]![1]).toBeCloseTo(2, 5);
    model.dispose();
  });

  it("draws reconstructions as two-point lines from a data point to its reconstruction", () => {
    const model = create();
    const frame = model.view({ view: "reconstruction", n: 300, extent: 4.5, gridSize: 8 });
    expect(frame.paths!.lines.length).toBeGreaterThan(10);
    for (const line of frame.paths!.lines) expect(line.length).toBe(4);
    model.dispose();
  });
});
