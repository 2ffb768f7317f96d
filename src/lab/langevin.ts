/**
 * Langevin dynamics and noise ladders, shared by the score-matching (NCSN) and energy-based families.
 * The Langevin step (Song & Ermon 2019, Algorithm 1; Du & Mordatch 2019, eq. 3) moves points along a
 * drift (a score ∇ₓ log p, or −∇ₓE for an energy) and adds Gaussian noise:
 *   x ← x + (α/2)·drift + √α·η·z,
 * with η = 1 for exact Langevin dynamics (η < 1 is the "temperature" shortcut of Du & Mordatch).
 */
import { tf } from "#tf";

type Tensor2D = import("@tensorflow/tfjs-core").Tensor2D;

/** One Langevin step on a batch [n, 2]: x + (α/2)·drift + √α·η·z. Call inside tf.tidy. */
export function langevinStep(x: Tensor2D, drift: Tensor2D, stepSize: number, z: Tensor2D, noiseScale = 1): Tensor2D {
  return tf.add(tf.add(x, tf.mul(drift, stepSize / 2)), tf.mul(z, Math.sqrt(stepSize) * noiseScale));
}

/**
 * A geometric ladder of `count` noise levels from σ_max down to σ_min (Song & Ermon 2019, §4.2):
 * σ_i = σ_max·(σ_min/σ_max)^((i−1)/(L−1)), i = 1…L, so σ_1 = σ_max > … > σ_L = σ_min with a constant ratio.
 */
export function geometricNoiseLevels(count: number, sigmaMax: number, sigmaMin: number): Float64Array {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`Need at least one noise level, got ${count}.`);
  if (!(sigmaMax >= sigmaMin && sigmaMin > 0)) {
    throw new RangeError(`Need σ_max ≥ σ_min > 0, got ${sigmaMax} and ${sigmaMin}.`);
  }
  const levels = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    levels[i] = count === 1 ? sigmaMax : sigmaMax * Math.pow(sigmaMin / sigmaMax, i / (count - 1));
  }
  return levels;
}

/** The annealed Langevin step sizes of Algorithm 1 (Song & Ermon 2019): α_i = ε·σ_i²/σ_L². */
export function annealedStepSizes(levels: Float64Array, epsilon: number): Float64Array {
  const last = levels[levels.length - 1]!;
  return levels.map((sigma) => (epsilon * sigma * sigma) / (last * last));
}

/** Perturbed data x̃ = x + σ·z for interleaved xy arrays, with one σ per point (Song & Ermon 2019, §4.2). */
export function perturbData(clean: Float32Array, z: Float32Array, sigmas: Float32Array): Float32Array {
  return clean.map((value, i) => value + sigmas[i >> 1]! * z[i]!);
}

/**
 * The denoising score matching target (Vincent 2011; Song & Ermon 2019, eq. 5): the score of the noising kernel
 * N(x̃; x, σ²I) at x̃, ∇_x̃ log q_σ(x̃ | x) = −(x̃ − x)/σ², for interleaved xy arrays with one σ per point.
 */
export function denoisingScoreTarget(noisy: Float32Array, clean: Float32Array, sigmas: Float32Array): Float32Array {
  return noisy.map((value, i) => {
    const sigma = sigmas[i >> 1]!;
    return -(value - clean[i]!) / (sigma * sigma);
  });
}
