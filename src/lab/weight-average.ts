/**
 * An exponential moving average of a network's weights (Yazıcı et al. 2019, "The Unusual Effectiveness of
 * Averaging in GAN Training", eq. 2): θ̄ ← β θ̄ + (1 − β) θ after every update of θ. The averaged network is a
 * second MLP of the same shape; it is only read (for samples), never trained.
 * Early on the average would be mostly the random initial weights, so the decay warms up as TensorFlow's
 * ExponentialMovingAverage does with its step count: β_t = min(β, (1 + t) / (10 + t)).
 */
import { tf } from "#tf";
import type { Mlp } from "./mlp.ts";

export interface WeightAverage {
  /** The averaged network (same shape as the trained one). */
  readonly network: Mlp;
  /** One averaging step, after an update of the trained network's weights. */
  update(): void;
  dispose(): void;
}

type Variable = import("@tensorflow/tfjs-core").Variable;

/**
 * The averaging step of eq. 2 over paired variables: `targets[i]` ← β_t `targets[i]` + (1 − β_t) `sources[i]`,
 * at averaging step t = 1, 2, … as the returned function is called.
 */
export function averageInto(sources: readonly Variable[], targets: readonly Variable[], beta: number): () => void {
  if (sources.length !== targets.length || sources.some((v, i) => v.size !== targets[i]!.size)) {
    throw new Error("averageInto needs two lists of variables of the same shapes.");
  }
  let t = 0;
  return () => {
    const decay = warmedDecay(beta, ++t);
    tf.tidy(() => {
      sources.forEach((source, i) => {
        const target = targets[i]!;
        target.assign(tf.add(tf.mul(target, decay), tf.mul(source, 1 - decay)));
      });
    });
  };
}

/** The decay at averaging step t (1, 2, …) for a target decay β. */
export function warmedDecay(beta: number, t: number): number {
  return Math.min(beta, (1 + t) / (10 + t));
}

/**
 * Averages `trained`'s weights into `average`, which must have the same shape and start from the same weights
 * (build both from the same seeded stream).
 */
export function createWeightAverage(trained: Mlp, average: Mlp, beta: number): WeightAverage {
  // averageInto refuses networks of different shapes.
  return {
    network: average,
    update: averageInto(trained.variables, average.variables, beta),
    dispose: () => average.dispose(),
  };
}
