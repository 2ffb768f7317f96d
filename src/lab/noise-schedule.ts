/**
 * The DDPM noise schedule and the closed forms built on it (Ho et al. 2020, "Denoising Diffusion
 * Probabilistic Models"). Steps are numbered t = 1…T as in the paper; arrays are indexed by t − 1.
 * Pure numbers (Float64Array), no tensors: shared by the model, the views and the tests.
 */
export const SCHEDULE_KINDS = ["linear", "cosine"] as const;
export type ScheduleKind = (typeof SCHEDULE_KINDS)[number];

export interface NoiseSchedule {
  kind: ScheduleKind;
  steps: number;
  /** β_t */
  betas: Float64Array;
  /** α_t = 1 − β_t */
  alphas: Float64Array;
  /** ᾱ_t = ∏_{s≤t} α_s */
  alphaBars: Float64Array;
  /** Posterior variance β̃_t = (1 − ᾱ_{t−1}) / (1 − ᾱ_t) · β_t (eq. 7), with ᾱ_0 = 1. */
  posteriorVariance: Float64Array;
  /** Coefficient of x_0 in the posterior mean μ̃_t (eq. 7): √ᾱ_{t−1} β_t / (1 − ᾱ_t). */
  posteriorCoefX0: Float64Array;
  /** Coefficient of x_t in the posterior mean μ̃_t (eq. 7): √α_t (1 − ᾱ_{t−1}) / (1 − ᾱ_t). */
  posteriorCoefXt: Float64Array;
}

/** The largest β_t either schedule uses (Nichol & Dhariwal 2021, §3.2): β_t = 1 would make α_t = 0 and x_t pure noise. */
export const MAX_BETA = 0.999;

/**
 * Linear β from 10⁻⁴ to 0.02 over 1000 steps (Ho et al. 2020, §4), rescaled by 1000/T for a shorter chain
 * so that ᾱ_T stays near 0 (as in Nichol & Dhariwal 2021); or the cosine schedule of Nichol & Dhariwal 2021
 * (eq. 17): ᾱ(t) = f(t)/f(0), f(t) = cos²((t/T + s)/(1 + s) · π/2), s = 0.008. Both clip β at `MAX_BETA`:
 * the rescaled linear end 0.02 · 1000/T reaches 1 at T = 20 (α_T = 0, so the reverse step divides by 0) and
 * exceeds it below (ᾱ_t < 0). Clipped, every α_t ≥ 0.001 and ᾱ_t stays positive.
 */
export function createSchedule(kind: ScheduleKind, steps: number): NoiseSchedule {
  if (!Number.isInteger(steps) || steps < 1)
    throw new RangeError(`A schedule needs a whole number of steps ≥ 1, got ${steps}.`);
  const betas = new Float64Array(steps);
  if (kind === "linear") {
    const scale = 1000 / steps;
    const start = 1e-4 * scale;
    const end = 0.02 * scale;
    for (let i = 0; i < steps; i++) {
      const beta = steps === 1 ? start : start + ((end - start) * i) / (steps - 1);
      betas[i] = Math.min(beta, MAX_BETA);
    }
  } else if (kind === "cosine") {
    const s = 0.008;
    const f = (t: number) => Math.cos(((t / steps + s) / (1 + s)) * (Math.PI / 2)) ** 2;
    for (let i = 0; i < steps; i++) betas[i] = Math.min(1 - f(i + 1) / f(i), MAX_BETA);
  } else {
    throw new Error(`Unknown noise schedule "${String(kind)}"; valid schedules: ${SCHEDULE_KINDS.join(", ")}.`);
  }
  const alphas = betas.map((b) => 1 - b);
  const alphaBars = new Float64Array(steps);
  let product = 1;
  for (let i = 0; i < steps; i++) alphaBars[i] = product *= alphas[i]!;
  const posteriorVariance = new Float64Array(steps);
  const posteriorCoefX0 = new Float64Array(steps);
  const posteriorCoefXt = new Float64Array(steps);
  for (let i = 0; i < steps; i++) {
    const previous = i === 0 ? 1 : alphaBars[i - 1]!;
    posteriorVariance[i] = ((1 - previous) / (1 - alphaBars[i]!)) * betas[i]!;
    posteriorCoefX0[i] = (Math.sqrt(previous) * betas[i]!) / (1 - alphaBars[i]!);
    posteriorCoefXt[i] = (Math.sqrt(alphas[i]!) * (1 - previous)) / (1 - alphaBars[i]!);
  }
  return { kind, steps, betas, alphas, alphaBars, posteriorVariance, posteriorCoefX0, posteriorCoefXt };
}

/**
 * Samples q(x_t | x_0) = N(√ᾱ_t x_0, (1 − ᾱ_t) I) (eq. 4) with the given standard normal noise:
 * x_t = √ᾱ_t x_0 + √(1 − ᾱ_t) ε. `t` holds one step (1…T) per point; t = 0 returns x_0.
 */
export function addNoise(
  schedule: NoiseSchedule,
  x0: Float32Array,
  noise: Float32Array,
  t: ArrayLike<number>,
): Float32Array {
  const out = new Float32Array(x0.length);
  for (let p = 0; p < x0.length / 2; p++) {
    const step = t[p]!;
    const alphaBar = step === 0 ? 1 : schedule.alphaBars[step - 1]!;
    const signal = Math.sqrt(alphaBar);
    const spread = Math.sqrt(1 - alphaBar);
    out[2 * p] = signal * x0[2 * p]! + spread * noise[2 * p]!;
    out[2 * p + 1] = signal * x0[2 * p + 1]! + spread * noise[2 * p + 1]!;
  }
  return out;
}

/**
 * Coefficients of one ancestral sampling step (Algorithm 2):
 * x_{t−1} = (x_t − β_t/√(1 − ᾱ_t) · ε_θ(x_t, t)) / √α_t + σ_t z, with σ_t² = β̃_t and z = 0 at t = 1.
 */
export function reverseStepCoefficients(schedule: NoiseSchedule, t: number) {
  const i = t - 1;
  return {
    inverseSqrtAlpha: 1 / Math.sqrt(schedule.alphas[i]!),
    epsilonCoef: schedule.betas[i]! / Math.sqrt(1 - schedule.alphaBars[i]!),
    sigma: t > 1 ? Math.sqrt(schedule.posteriorVariance[i]!) : 0,
  };
}
