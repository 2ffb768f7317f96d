/**
 * The pieces of flow matching (Lipman et al. 2022, "Flow Matching for Generative Modeling") that have a
 * closed form: the conditional optimal-transport path and its velocity (§4.1, eq. 20–23), and one step of the
 * ODE dx/dt = v(x, t) that carries noise at t = 0 to data at t = 1 (Euler, explicit midpoint, Heun).
 */
import { tf } from "#tf";

type Tensor2D = import("@tensorflow/tfjs-core").Tensor2D;

/**
 * x_t = (1 − (1 − σ_min) t) x₀ + t x₁ (eq. 20–22 with x₀ the noise): a straight line from x₀ at t = 0 to x₁ at
 * t = 1 when σ_min = 0. Points are interleaved xy; `t` holds one time per point.
 */
export function straightPath(x0: Float32Array, x1: Float32Array, t: ArrayLike<number>, sigmaMin = 0): Float32Array {
  const out = new Float32Array(x0.length);
  for (let p = 0; p < x0.length / 2; p++) {
    const keep = 1 - (1 - sigmaMin) * t[p]!;
    out[2 * p] = keep * x0[2 * p]! + t[p]! * x1[2 * p]!;
    out[2 * p + 1] = keep * x0[2 * p + 1]! + t[p]! * x1[2 * p + 1]!;
  }
  return out;
}

/** The regression target of conditional flow matching, d x_t / dt = x₁ − (1 − σ_min) x₀ (eq. 23): constant in t. */
export function straightPathVelocity(x0: Float32Array, x1: Float32Array, sigmaMin = 0): Float32Array {
  const out = new Float32Array(x0.length);
  for (let i = 0; i < x0.length; i++) out[i] = x1[i]! - (1 - sigmaMin) * x0[i]!;
  return out;
}

export const ODE_SOLVERS = ["heun", "midpoint", "euler"] as const;
export type OdeSolver = (typeof ODE_SOLVERS)[number];

/** How many evaluations of the velocity one step of a solver costs. */
export const SOLVER_EVALUATIONS: Record<OdeSolver, number> = { euler: 1, midpoint: 2, heun: 2 };

/** A velocity field v(x, t) on a batch [n, 2]. */
export type VelocityField = (x: Tensor2D, t: number) => Tensor2D;

/**
 * One step of size h from x at time t; call inside tf.tidy.
 * Euler: x + h v(x, t). Midpoint: x + h v(x + h/2 · v(x, t), t + h/2).
 * Heun (explicit trapezoid): x̃ = x + h v(x, t), then x + h/2 · (v(x, t) + v(x̃, t + h)).
 * The two second-order methods are exact when v depends on t only, linearly; Euler is not.
 */
export function odeStep(solver: OdeSolver, v: VelocityField, x: Tensor2D, t: number, h: number): Tensor2D {
  const k1 = v(x, t);
  switch (solver) {
    case "euler":
      return tf.add(x, tf.mul(k1, h));
    case "midpoint":
      return tf.add(x, tf.mul(v(tf.add(x, tf.mul(k1, h / 2)), t + h / 2), h));
    case "heun": {
      const k2 = v(tf.add(x, tf.mul(k1, h)), t + h);
      return tf.add(x, tf.mul(tf.add(k1, k2), h / 2));
    }
  }
}
