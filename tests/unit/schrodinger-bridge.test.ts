/**
 * The Schrödinger-bridge model (minibatch [SF]²M, Tong et al. 2023), checked with formulas written out here,
 * independently of src/models/schrodinger-bridge.ts and src/lab/brownian-bridge.ts: the two regression errors it
 * reports, the regularisation 2σ² of its plan, its own stream for the source, the σ → 0 limit where its SDE and
 * probability-flow ODE agree, and its views.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createDataStream } from "../../src/lab/datasets.ts";
import { qualityScore } from "../../src/lab/metrics.ts";
import { createRandom, fillNormal } from "../../src/lab/random.ts";
import { createSchrodingerBridge, type SchrodingerBridgeSettings } from "../../src/models/schrodinger-bridge.ts";
import { schrodingerBridgeSpec } from "../../src/models/specs/schrodinger-bridge.ts";
import { useWasm } from "../support/tf-node.ts";

let tf: Awaited<ReturnType<typeof useWasm>>;
beforeAll(async () => {
  tf = await useWasm();
});

const SMALL: SchrodingerBridgeSettings = {
  source: "gaussian",
  sigma: 0.5,
  sampler: "sde",
  steps: 6,
  learningRate: 3e-3,
  hidden: [16, 16],
  batchSize: 64,
  dataset: "moons",
  // The trained network itself samples here, so what a test trains is what it reads.
  average: 0,
};

/** The network's two heads at one point: v_θ, and σ_t s_θ recovered from the SDE drift v_θ + σ²/(2σ_t)·σ_t s_θ. */
function heads(model: ReturnType<typeof createSchrodingerBridge>, x: number[], t: number, sigma: number) {
  return tf.tidy(() => {
    const point = tf.tensor2d(x, [1, 2]);
    const v = Array.from(model.velocity(point, t).dataSync());
    const b = Array.from(model.drift(point, t).dataSync());
    const sigmaT = sigma * Math.sqrt(t * (1 - t));
    return { v, scaledScore: b.map((value, d) => ((value - v[d]!) * 2 * sigmaT) / (sigma * sigma)) };
  });
}

describe("the [SF]²M objective", () => {
  it("reports ‖v_θ − u°_t‖² and λ(t)²‖s_θ − ∇log p_t‖² with λ = σ_t, i.e. ‖σ_t s_θ + ε‖², on pairs from its plan", () => {
    const { batchSize: n, sigma } = SMALL;
    const model = createSchrodingerBridge(SMALL, 4);
    const x1 = createDataStream("moons", 4).next(n);
    // The model draws x₀ from the stream forked "source" of its seed, then pairs, t and ε from the one forked
    // "noise"; drawn again here, the pairing with the model's own (separately tested) plan.
    const root = createRandom(4);
    const x0 = fillNormal(root.fork("source"), new Float32Array(2 * n));
    const noise = root.fork("noise");
    const paired = model.pairs(x0, x1, noise).x1;
    const t = Array.from({ length: n }, () => noise.uniform());
    const eps = fillNormal(noise, new Float32Array(2 * n));
    let flow = 0;
    let score = 0;
    for (let p = 0; p < n; p++) {
      const s = t[p]!;
      const sigmaT = sigma * Math.sqrt(s * (1 - s));
      const mean = [0, 1].map((d) => (1 - s) * x0[2 * p + d]! + s * paired[2 * p + d]!);
      const xt = [0, 1].map((d) => mean[d]! + sigmaT * eps[2 * p + d]!);
      // u° = σ_t′/σ_t (x − μ_t) + (x₁ − x₀), σ_t′/σ_t = (1 − 2t)/(2t(1 − t)).
      const u = [0, 1].map(
        (d) => ((1 - 2 * s) / (2 * s * (1 - s))) * (xt[d]! - mean[d]!) + paired[2 * p + d]! - x0[2 * p + d]!,
      );
      const { v, scaledScore } = heads(model, xt, s, sigma);
      for (const d of [0, 1]) {
        flow += (v[d]! - u[d]!) ** 2 / n;
        // σ_t ∇log p_t(x | x₀, x₁) = −(x − μ_t)/σ_t = −ε.
        score += (scaledScore[d]! + eps[2 * p + d]!) ** 2 / n;
      }
    }
    const losses = model.trainStep({ next: () => x1 }, true)!;
    expect(losses.flow).toBeCloseTo(flow, 2);
    expect(losses.score).toBeCloseTo(score, 3);
    model.dispose();
  });

  it("pairs by the entropic plan with ε = 2σ²: on 2 × 2 points, P(x₀¹ ↔ x₁¹) = √r/(1 + √r), r = e^(−ΔC/2σ²)", () => {
    // C = [[0.04, 1.69], [0.64, 0.09]]: ΔC = C₁₁ + C₂₂ − C₁₂ − C₂₁ = −2.2. With σ = 1: √r = e^0.55, P = 0.634;
    // with ε = σ² it would be 0.750.
    const model = createSchrodingerBridge({ ...SMALL, sigma: 1 }, 1);
    const x0 = new Float32Array([0, 0, 1, 0]);
    const x1 = new Float32Array([0.2, 0, 1.3, 0]);
    const rng = createRandom(2);
    const draws = 4000;
    let same = 0;
    for (let r = 0; r < draws; r++) if (model.pairs(x0, x1, rng).x1[0] === x1[0]) same++;
    const root = Math.exp(2.2 / 4);
    const expected = root / (1 + root);
    expect(expected).toBeCloseTo(0.634, 3);
    expect(Math.abs(same / draws - expected)).toBeLessThan(5 * Math.sqrt((expected * (1 - expected)) / draws));
    model.dispose();
  });

  it("takes one batch of the target per step and draws the source from a stream of its own", () => {
    const model = createSchrodingerBridge({ ...SMALL, source: "moons", dataset: "8gaussians" }, 3);
    const calls: number[] = [];
    const data = createDataStream("8gaussians", 3);
    for (let i = 0; i < 3; i++) model.trainStep({ next: (k) => (calls.push(k), data.next(k)) }, false);
    expect(calls).toEqual([SMALL.batchSize, SMALL.batchSize, SMALL.batchSize]);
    // The source the views show is the moons dataset, not the target.
    const source = model.view({ view: "marginals", n: 3000, extent: 4.5, gridSize: 4 }).colouredPoints!.points;
    expect(qualityScore(source, "moons", { n: 3000 }).normalised).toBeLessThan(0.1);
    expect(qualityScore(source, "8gaussians", { n: 3000 }).normalised).toBeGreaterThan(1);
    model.dispose();
  });
});

describe("σ → 0", () => {
  /** Mean distance between the SDE's and the ODE's end points from the same start, after a short training. */
  function gap(sigma: number): number {
    const settings = { ...SMALL, sigma, steps: 40, dataset: "8gaussians" as const };
    const model = createSchrodingerBridge(settings, 5);
    const data = createDataStream("8gaussians", 5);
    for (let i = 0; i < 150; i++) model.trainStep(data, false);
    const start = fillNormal(createRandom(6), new Float32Array(2 * 500));
    const sde = model.integrate(start, "sde", createRandom(7)).at(-1)!;
    const ode = model.integrate(start, "ode", createRandom(7)).at(-1)!;
    model.dispose();
    let total = 0;
    for (let p = 0; p < 500; p++) total += Math.hypot(sde[2 * p]! - ode[2 * p]!, sde[2 * p + 1]! - ode[2 * p + 1]!);
    return total / 500;
  }

  it("makes the SDE's samples those of the probability-flow ODE (the noise σ dW and the term (σ²/2) s_θ vanish)", () => {
    const small = gap(0.05);
    const large = gap(1);
    expect(small).toBeLessThan(0.15);
    expect(large).toBeGreaterThan(0.8);
  });

  it("makes the plan's pairs the short ones of optimal transport (source and target alike)", () => {
    const meanLength = (sigma: number) => {
      const model = createSchrodingerBridge({ ...SMALL, source: "8gaussians", dataset: "8gaussians", sigma }, 8);
      const lines = model.view({ view: "plan", n: 10, extent: 4.5, gridSize: 4 }).paths!.lines;
      model.dispose();
      return lines.reduce((sum, l) => sum + Math.hypot(l[2]! - l[0]!, l[3]! - l[1]!), 0) / lines.length;
    };
    const near = meanLength(0.05);
    const far = meanLength(2);
    expect(near).toBeLessThan(0.6);
    expect(far).toBeGreaterThan(3 * near);
  });
});

describe("the views", () => {
  it("keep the tensor count constant across every view and parameter, and draw finite arrays", () => {
    const before = tf.memory().numTensors;
    const model = createSchrodingerBridge(SMALL, 6);
    const data = createDataStream("moons", 6);
    model.trainStep(data, true);
    const warm = tf.memory().numTensors;
    for (const sampler of ["sde", "ode"] as const) {
      model.settings.sampler = sampler;
      for (const view of schrodingerBridgeSpec.views) {
        for (const param of [0, 0.37, 1, 3, SMALL.steps]) {
          const frame = model.view({ view: view.id, n: 30, extent: 4.5, gridSize: 6, param });
          expect(tf.memory().numTensors, view.id).toBe(warm);
          if (frame.samples) expect(frame.samples.length).toBe(60);
          const arrays = [
            frame.samples,
            frame.arrows?.vectors,
            frame.colouredPoints?.points,
            frame.colouredPoints?.hues,
            ...(frame.paths?.lines ?? []),
          ];
          for (const a of arrays) if (a) expect(a.every(Number.isFinite), view.id).toBe(true);
        }
        model.trainStep(data, false);
      }
    }
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it("start the paths at the source the marginals view shows, and end them at the samples", () => {
    const model = createSchrodingerBridge(SMALL, 7);
    const request = { n: 40, extent: 4.5, gridSize: 6 };
    const source = model.view({ ...request, view: "marginals" }).colouredPoints!.points;
    for (const view of ["sde", "ode"]) {
      const start = model.view({ ...request, view, param: SMALL.steps });
      expect(start.samples).toEqual(source);
      expect(start.paths!.lines.every((line) => line.length === 2)).toBe(true);
      const end = model.view({ ...request, view, param: 0 });
      expect(end.paths!.lines[0]!.length).toBe(2 * (SMALL.steps + 1));
    }
    const end = model.view({ ...request, view: "sde", param: 0 }).samples;
    expect(model.view({ ...request, view: "samples" }).samples).toEqual(end);
    expect(model.view({ ...request, view: "field", param: 1 }).samples).toEqual(end);
    expect(model.view({ ...request, view: "field", param: 0 }).samples).toEqual(source);
    model.dispose();
  });

  it("draw the SDE's drift v_θ + (σ²/2) s_θ as the field's arrows, or v_θ for the ODE", () => {
    const model = createSchrodingerBridge({ ...SMALL, sampler: "ode" }, 8);
    const frame = model.view({ view: "field", n: 10, extent: 4.5, gridSize: 6, param: 0.4 });
    const o = frame.arrows!.origins;
    const { v } = heads(model, [o[0]!, o[1]!], 0.4, SMALL.sigma);
    expect(frame.arrows!.vectors[0]).toBeCloseTo(v[0]!, 5);
    model.settings.sampler = "sde";
    const drift = model.view({ view: "field", n: 10, extent: 4.5, gridSize: 6, param: 0.4 }).arrows!.vectors;
    const { v: v2, scaledScore } = heads(model, [o[0]!, o[1]!], 0.4, SMALL.sigma);
    const weight = (SMALL.sigma * SMALL.sigma) / (2 * SMALL.sigma * Math.sqrt(0.4 * 0.6));
    expect(drift[1]).toBeCloseTo(v2[1]! + weight * scaledScore[1]!, 5);
    model.dispose();
  });
});
