/**
 * The Brownian bridge of [SF]²M (Tong et al. 2023, "Simulation-free Schrödinger bridges via score and flow
 * matching", §3): Brownian motion σW pinned at x₀ at t = 0 and at x₁ at t = 1. Its marginal at time t is
 *   p_t(x | x₀, x₁) = N(x; μ_t, σ_t² I),  μ_t = (1 − t) x₀ + t x₁,  σ_t² = σ² t (1 − t),
 * and the regression targets of the objective are
 *   the flow of its probability-flow ODE  u°_t(x | x₀, x₁) = σ_t′/σ_t · (x − μ_t) + μ_t′
 *                                                        = (1 − 2t) / (2t(1 − t)) · (x − μ_t) + (x₁ − x₀),
 *   and its score                         ∇ₓ log p_t(x | x₀, x₁) = −(x − μ_t) / (σ² t (1 − t)).
 * u° does not depend on σ: it is the velocity that keeps x at the same standardised place (x − μ_t)/σ_t.
 * Adding (σ²/2) times the score gives the bridge's SDE drift (x₁ − x)/(1 − t) (tests/unit/brownian-bridge.test.ts).
 * Plain numbers, no tensors: points are interleaved xy, with one time per point.
 */

/** μ_t = (1 − t) x₀ + t x₁, the bridge's mean. */
export function bridgeMean(x0: Float32Array, x1: Float32Array, t: ArrayLike<number>): Float32Array {
  const out = new Float32Array(x0.length);
  for (let i = 0; i < x0.length; i++) {
    const s = t[i >> 1]!;
    out[i] = (1 - s) * x0[i]! + s * x1[i]!;
  }
  return out;
}

/** σ_t = σ √(t (1 − t)), the standard deviation of each coordinate at time t. */
export function bridgeStd(sigma: number, t: number): number {
  return sigma * Math.sqrt(t * (1 - t));
}

/** x_t = μ_t + σ_t ε: a draw from the bridge at time t, given standard normals ε (one pair per point). */
export function sampleBridge(
  x0: Float32Array,
  x1: Float32Array,
  t: ArrayLike<number>,
  sigma: number,
  epsilon: Float32Array,
): Float32Array {
  const out = bridgeMean(x0, x1, t);
  for (let i = 0; i < out.length; i++) out[i]! += bridgeStd(sigma, t[i >> 1]!) * epsilon[i]!;
  return out;
}

/**
 * u°_t(x | x₀, x₁) = (1 − 2t) / (2t(1 − t)) · (x − μ_t) + (x₁ − x₀): the conditional velocity of the bridge's
 * probability-flow ODE, the flow-matching target of [SF]²M. Needs 0 < t < 1 (at the ends σ_t = 0).
 */
export function bridgeFlowTarget(
  x: Float32Array,
  x0: Float32Array,
  x1: Float32Array,
  t: ArrayLike<number>,
): Float32Array {
  const mean = bridgeMean(x0, x1, t);
  const out = new Float32Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const s = t[i >> 1]!;
    out[i] = ((1 - 2 * s) / (2 * s * (1 - s))) * (x[i]! - mean[i]!) + (x1[i]! - x0[i]!);
  }
  return out;
}

/** ∇ₓ log p_t(x | x₀, x₁) = −(x − μ_t) / (σ² t (1 − t)): the score target of [SF]²M. Needs 0 < t < 1. */
export function bridgeScore(
  x: Float32Array,
  x0: Float32Array,
  x1: Float32Array,
  t: ArrayLike<number>,
  sigma: number,
): Float32Array {
  const mean = bridgeMean(x0, x1, t);
  const out = new Float32Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const s = t[i >> 1]!;
    out[i] = -(x[i]! - mean[i]!) / (sigma * sigma * s * (1 - s));
  }
  return out;
}
