/**
 * The Brownian bridge of [SF]²M (Tong et al. 2023), checked against closed forms and processes written out here,
 * independently of src/lab/brownian-bridge.ts: the pinned process x₀ + t(x₁ − x₀) + σ(W_t − t W₁) built from a
 * random walk, the density N(x; μ_t, σ² t(1 − t) I) and its log, and the map x_t = μ_t + σ_t ε that the
 * probability-flow ODE follows.
 */
import { describe, expect, it } from "vitest";
import { bridgeFlowTarget, bridgeMean, bridgeScore, bridgeStd, sampleBridge } from "../../src/lab/brownian-bridge.ts";
import { createRandom, fillNormal } from "../../src/lab/random.ts";

const SIGMA = 0.7;
const X0 = [1.5, -0.5];
const X1 = [-2.0, 2.5];

/** Repeats one point n times, interleaved. */
const repeat = (p: readonly number[], n: number) => Float32Array.from({ length: 2 * n }, (_, i) => p[i % 2]!);

/** Mean and variance of one coordinate of interleaved points. */
function moments(points: Float32Array, d: number): { mean: number; variance: number } {
  const n = points.length / 2;
  let sum = 0;
  let squares = 0;
  for (let p = 0; p < n; p++) sum += points[2 * p + d]!;
  const mean = sum / n;
  for (let p = 0; p < n; p++) squares += (points[2 * p + d]! - mean) ** 2;
  return { mean, variance: squares / (n - 1) };
}

describe("the bridge's marginal N((1 − t) x₀ + t x₁, σ² t(1 − t) I)", () => {
  it("is the law of Brownian motion σW pinned at x₀ and x₁, simulated as a random walk (Monte Carlo)", () => {
    // X_t = x₀ + t (x₁ − x₀) + σ (W_t − t W₁) is the Brownian bridge; W is a walk of 100 steps, t = 0.3 = step 30.
    const rng = createRandom(11);
    const n = 20_000;
    const walkSteps = 100;
    const at = 30;
    const t = at / walkSteps;
    const simulated = new Float32Array(2 * n);
    for (let p = 0; p < n; p++) {
      for (let d = 0; d < 2; d++) {
        let w = 0;
        let wt = 0;
        for (let k = 1; k <= walkSteps; k++) {
          w += rng.normal() * Math.sqrt(1 / walkSteps);
          if (k === at) wt = w;
        }
        simulated[2 * p + d] = X0[d]! + t * (X1[d]! - X0[d]!) + SIGMA * (wt - t * w);
      }
    }
    const mean = bridgeMean(repeat(X0, 1), repeat(X1, 1), [t]);
    const std = bridgeStd(SIGMA, t);
    for (let d = 0; d < 2; d++) {
      const { mean: m, variance: v } = moments(simulated, d);
      // 5 standard errors: of the mean σ_t/√n, of the variance σ_t²·√(2/(n − 1)).
      expect(Math.abs(m - mean[d]!)).toBeLessThan((5 * std) / Math.sqrt(n));
      expect(Math.abs(v - std * std)).toBeLessThan(5 * std * std * Math.sqrt(2 / (n - 1)));
      expect(mean[d]).toBeCloseTo((1 - t) * X0[d]! + t * X1[d]!, 6);
    }
    expect(std).toBeCloseTo(SIGMA * Math.sqrt(0.3 * 0.7), 10);
  });

  it("is what sampleBridge draws: its Monte Carlo mean and variance match, at several t", () => {
    const n = 20_000;
    for (const t of [0.05, 0.5, 0.8]) {
      const eps = fillNormal(createRandom(Math.round(t * 100)), new Float32Array(2 * n));
      const xt = sampleBridge(repeat(X0, n), repeat(X1, n), new Float32Array(n).fill(t), SIGMA, eps);
      const variance = SIGMA * SIGMA * t * (1 - t);
      for (let d = 0; d < 2; d++) {
        const { mean, variance: v } = moments(xt, d);
        expect(Math.abs(mean - ((1 - t) * X0[d]! + t * X1[d]!))).toBeLessThan(5 * Math.sqrt(variance / n));
        expect(Math.abs(v - variance)).toBeLessThan(5 * variance * Math.sqrt(2 / (n - 1)));
      }
    }
  });

  it("starts at x₀ and ends at x₁, with no spread at either end", () => {
    const eps = new Float32Array([0.9, -1.3]);
    expect(Array.from(sampleBridge(repeat(X0, 1), repeat(X1, 1), [0], SIGMA, eps))).toEqual(X0);
    expect(Array.from(sampleBridge(repeat(X0, 1), repeat(X1, 1), [1], SIGMA, eps))).toEqual(X1);
  });
});

/** log N(x; μ_t, σ_t² I) in 2D, written out. */
function logDensity(x: readonly number[], t: number): number {
  const variance = SIGMA * SIGMA * t * (1 - t);
  let squares = 0;
  for (let d = 0; d < 2; d++) squares += (x[d]! - ((1 - t) * X0[d]! + t * X1[d]!)) ** 2;
  return -squares / (2 * variance) - Math.log(2 * Math.PI * variance);
}

describe("the conditional targets", () => {
  const points = [
    [0.3, 0.4],
    [-1.1, 2.2],
    [2.5, -0.9],
  ];

  it("score: −(x − μ_t)/(σ² t(1 − t)) is the gradient of log N, by central finite differences", () => {
    const h = 1e-4;
    for (const t of [0.1, 0.5, 0.9]) {
      for (const x of points) {
        const score = bridgeScore(Float32Array.from(x), repeat(X0, 1), repeat(X1, 1), [t], SIGMA);
        for (let d = 0; d < 2; d++) {
          const ahead = [...x];
          const behind = [...x];
          ahead[d]! += h;
          behind[d]! -= h;
          const numeric = (logDensity(ahead, t) - logDensity(behind, t)) / (2 * h);
          expect(score[d]).toBeCloseTo(numeric, 2);
        }
      }
    }
  });

  it("flow: the velocity of x_t = μ_t + σ_t ε at fixed ε, by central differences of the mean and the std", () => {
    // The probability-flow ODE of a Gaussian path keeps ε = (x − μ_t)/σ_t fixed: dx/dt = μ_t′ + σ_t′ ε.
    const mean = (t: number, d: number) => (1 - t) * X0[d]! + t * X1[d]!;
    const std = (t: number) => SIGMA * Math.sqrt(t * (1 - t));
    const h = 1e-5;
    for (const t of [0.1, 0.37, 0.5, 0.93]) {
      for (const x of points) {
        const flow = bridgeFlowTarget(Float32Array.from(x), repeat(X0, 1), repeat(X1, 1), [t]);
        for (let d = 0; d < 2; d++) {
          const eps = (x[d]! - mean(t, d)) / std(t);
          const numeric = (mean(t + h, d) + std(t + h) * eps - (mean(t - h, d) + std(t - h) * eps)) / (2 * h);
          expect(flow[d]).toBeCloseTo(numeric, 2);
        }
      }
    }
  });

  it("flow + (σ²/2) score is the Brownian bridge's SDE drift (x₁ − x)/(1 − t)", () => {
    for (const t of [0.2, 0.5, 0.75]) {
      for (const x of points) {
        const args = [Float32Array.from(x), repeat(X0, 1), repeat(X1, 1), [t]] as const;
        const flow = bridgeFlowTarget(...args);
        const score = bridgeScore(...args, SIGMA);
        for (let d = 0; d < 2; d++) {
          expect(flow[d]! + ((SIGMA * SIGMA) / 2) * score[d]!).toBeCloseTo((X1[d]! - x[d]!) / (1 - t), 4);
        }
      }
    }
  });

  it("at the midpoint of the bridge the flow is x₁ − x₀ wherever x is (σ_t′ = 0 there)", () => {
    const flow = bridgeFlowTarget(new Float32Array([7, -3]), repeat(X0, 1), repeat(X1, 1), [0.5]);
    expect(flow[0]).toBeCloseTo(X1[0]! - X0[0]!, 5);
    expect(flow[1]).toBeCloseTo(X1[1]! - X0[1]!, 5);
  });
});
