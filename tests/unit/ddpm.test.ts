/**
 * DDPM closed forms (Ho et al. 2020), each written out here independently of src/lab/noise-schedule.ts.
 */
import { describe, expect, it } from "vitest";
import { addNoise, createSchedule, reverseStepCoefficients } from "../../src/lab/noise-schedule.ts";
import { createRandom, fillNormal } from "../../src/lab/random.ts";

describe("noise schedules", () => {
  it("linear: β from 1e-4 to 0.02 over 1000 steps, rescaled by 1000/T for shorter chains", () => {
    const long = createSchedule("linear", 1000);
    expect(long.betas[0]).toBeCloseTo(1e-4, 12);
    expect(long.betas[999]).toBeCloseTo(0.02, 12);
    expect(long.betas[500]! - long.betas[499]!).toBeCloseTo((0.02 - 1e-4) / 999, 12);
    const short = createSchedule("linear", 100);
    expect(short.betas[0]).toBeCloseTo(1e-3, 12);
    expect(short.betas[99]).toBeCloseTo(0.2, 12);
    // the chain ends close to pure noise
    expect(short.alphaBars[99]).toBeLessThan(1e-4);
  });

  it("cosine: ᾱ_t = f(t)/f(0) with f(t) = cos²((t/T + s)/(1 + s)·π/2), s = 0.008 (Nichol & Dhariwal 2021)", () => {
    const T = 50;
    const schedule = createSchedule("cosine", T);
    const f = (t: number) => Math.cos(((t / T + 0.008) / 1.008) * (Math.PI / 2)) ** 2;
    for (const t of [1, 10, 25, 40]) expect(schedule.alphaBars[t - 1]).toBeCloseTo(f(t) / f(0), 10);
    expect(Math.max(...schedule.betas)).toBeLessThanOrEqual(0.999);
  });

  it("every β_t < 1 and every ᾱ_t > 0 for each schedule and every T the setting allows", () => {
    // The rescaled linear end 0.02 · 1000/T reaches 1 at T = 20 and exceeds it below: clipped at 0.999.
    for (const kind of ["linear", "cosine"] as const) {
      for (let T = 1; T <= 500; T++) {
        const schedule = createSchedule(kind, T);
        expect(Math.max(...schedule.betas), `${kind} T=${T}`).toBeLessThanOrEqual(0.999);
        expect(Math.min(...schedule.alphaBars), `${kind} T=${T}`).toBeGreaterThan(0);
        for (let t = 1; t <= T; t++) {
          const { inverseSqrtAlpha, epsilonCoef, sigma } = reverseStepCoefficients(schedule, t);
          expect([inverseSqrtAlpha, epsilonCoef, sigma].every(Number.isFinite), `${kind} T=${T} t=${t}`).toBe(true);
        }
      }
    }
    expect(createSchedule("linear", 20).betas[19]).toBe(0.999);
  });

  it("refuses an unknown schedule and a step count that is not a whole number ≥ 1", () => {
    expect(() => createSchedule("quadratic" as never, 10)).toThrow(/valid schedules: linear, cosine/);
    expect(() => createSchedule("linear", 0)).toThrow(/whole number/);
  });

  it("ᾱ_t is the running product of 1 − β_s", () => {
    const schedule = createSchedule("linear", 30);
    let product = 1;
    for (let t = 1; t <= 30; t++) {
      product *= 1 - schedule.betas[t - 1]!;
      expect(schedule.alphaBars[t - 1]).toBeCloseTo(product, 14);
    }
  });
});

describe("q(x_t | x_0) = N(√ᾱ_t x_0, (1 − ᾱ_t) I)", () => {
  it("has the closed-form mean and variance", () => {
    const schedule = createSchedule("linear", 100);
    const n = 40_000;
    const x0 = new Float32Array(2 * n);
    for (let i = 0; i < n; i++) {
      x0[2 * i] = 2;
      x0[2 * i + 1] = -1;
    }
    const noise = fillNormal(createRandom(3), new Float32Array(2 * n));
    for (const t of [1, 30, 100]) {
      const xt = addNoise(schedule, x0, noise, new Int32Array(n).fill(t));
      const ab = schedule.alphaBars[t - 1]!;
      let sum = 0;
      let squares = 0;
      for (let i = 0; i < n; i++) {
        sum += xt[2 * i]!;
        squares += xt[2 * i]! ** 2;
      }
      const mean = sum / n;
      const variance = squares / n - mean ** 2;
      const se = Math.sqrt((1 - ab) / n);
      expect(Math.abs(mean - 2 * Math.sqrt(ab))).toBeLessThan(5 * se + 1e-6);
      expect(variance).toBeCloseTo(1 - ab, 1);
      expect(Math.abs(variance - (1 - ab))).toBeLessThan(0.05 * (1 - ab) + 1e-6);
    }
  });

  it("returns x_0 at t = 0", () => {
    const schedule = createSchedule("cosine", 10);
    const x0 = new Float32Array([1, 2, 3, 4]);
    expect(addNoise(schedule, x0, new Float32Array([9, 9, 9, 9]), [0, 0])).toEqual(x0);
  });
});

describe("the posterior q(x_{t−1} | x_t, x_0)", () => {
  it("matches the product of the two Gaussians it comes from (Bayes' rule, written out)", () => {
    const schedule = createSchedule("linear", 100);
    for (const t of [2, 10, 50, 100]) {
      const alpha = 1 - schedule.betas[t - 1]!;
      const beta = schedule.betas[t - 1]!;
      const abPrev = schedule.alphaBars[t - 2]!;
      // q(x_{t−1}|x_0) = N(√ᾱ_{t−1} x_0, 1 − ᾱ_{t−1}),  q(x_t|x_{t−1}) = N(√α_t x_{t−1}, β_t)
      const precision = 1 / (1 - abPrev) + alpha / beta;
      const variance = 1 / precision;
      const coefX0 = (variance * Math.sqrt(abPrev)) / (1 - abPrev);
      const coefXt = (variance * Math.sqrt(alpha)) / beta;
      expect(schedule.posteriorVariance[t - 1]).toBeCloseTo(variance, 12);
      expect(schedule.posteriorCoefX0[t - 1]).toBeCloseTo(coefX0, 12);
      expect(schedule.posteriorCoefXt[t - 1]).toBeCloseTo(coefXt, 12);
    }
  });

  it("gives the reverse-step coefficients of Algorithm 2, with no noise at t = 1", () => {
    const schedule = createSchedule("linear", 100);
    const t = 37;
    const c = reverseStepCoefficients(schedule, t);
    expect(c.inverseSqrtAlpha).toBeCloseTo(1 / Math.sqrt(1 - schedule.betas[t - 1]!), 12);
    expect(c.epsilonCoef).toBeCloseTo(schedule.betas[t - 1]! / Math.sqrt(1 - schedule.alphaBars[t - 1]!), 12);
    expect(c.sigma ** 2).toBeCloseTo(schedule.posteriorVariance[t - 1]!, 12);
    expect(reverseStepCoefficients(schedule, 1).sigma).toBe(0);
  });

  it("with the true noise, one reverse step's mean equals the posterior mean μ̃(x_t, x_0)", () => {
    const schedule = createSchedule("cosine", 100);
    const t = 60;
    const x0 = 1.3;
    const eps = -0.7;
    const ab = schedule.alphaBars[t - 1]!;
    const xt = Math.sqrt(ab) * x0 + Math.sqrt(1 - ab) * eps;
    const c = reverseStepCoefficients(schedule, t);
    const mean = c.inverseSqrtAlpha * (xt - c.epsilonCoef * eps);
    const posterior = schedule.posteriorCoefX0[t - 1]! * x0 + schedule.posteriorCoefXt[t - 1]! * xt;
    expect(mean).toBeCloseTo(posterior, 10);
  });
});
