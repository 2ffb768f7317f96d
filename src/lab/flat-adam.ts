/**
 * Adam (Kingma & Ba 2015, Algorithm 1) over many small variables at once, with the same update and defaults as
 * `tf.train.adam`: m ← β₁m + (1 − β₁)g, v ← β₂v + (1 − β₂)g², θ ← θ − α · (m / (1 − β₁ᵗ)) / (√(v / (1 − β₂ᵗ)) + ε).
 * tfjs's optimiser runs about fifteen small kernels per variable; a flow with eight coupling networks has 48
 * variables, so on WASM, where every kernel has a fixed cost, the optimiser took about 40% of a training step.
 * Here the gradients are concatenated into one vector and the moments live in one vector each, so the update is
 * a dozen kernels on the whole vector, plus one slice and one add per variable.
 */
import { tf } from "#tf";
import { concatTensors } from "./concat.ts";

type Scalar = import("@tensorflow/tfjs-core").Scalar;
type Variable = import("@tensorflow/tfjs-core").Variable;

export interface FlatAdamOptions {
  learningRate: number;
  beta1?: number;
  beta2?: number;
  /** Defaults to the backend's epsilon, as in `tf.train.adam`. */
  epsilon?: number;
}

export interface FlatAdam {
  /** One step on `variables`: minimises `loss` and returns its value before the step (dispose it). */
  minimize(loss: () => Scalar): Scalar;
  /** Sets the rate for the steps that follow (a schedule). */
  setLearningRate(learningRate: number): void;
  dispose(): void;
}

export function createFlatAdam(variables: readonly Variable[], options: FlatAdamOptions): FlatAdam {
  const { beta1 = 0.9, beta2 = 0.999 } = options;
  let learningRate = options.learningRate;
  const epsilon = options.epsilon ?? tf.backend().epsilon();
  const sizes = variables.map((v) => v.size);
  const total = sizes.reduce((a, b) => a + b, 0);
  const [first, second] = tf.tidy(() => [tf.variable(tf.zeros([total]), false), tf.variable(tf.zeros([total]), false)]);
  let step = 0;
  return {
    minimize(loss) {
      return tf.tidy(() => {
        const { value, grads } = tf.variableGrads(loss, [...variables]);
        const gradient = concatTensors(variables.map((v) => tf.reshape(grads[v.name]!, [-1])));
        step++;
        const m = tf.add(tf.mul(first, beta1), tf.mul(gradient, 1 - beta1));
        const s = tf.add(tf.mul(second, beta2), tf.mul(tf.square(gradient), 1 - beta2));
        first.assign(m);
        second.assign(s);
        const corrected = tf.div(m, 1 - beta1 ** step);
        const scale = tf.add(tf.sqrt(tf.div(s, 1 - beta2 ** step)), epsilon);
        const update = tf.mul(tf.div(corrected, scale), -learningRate);
        const parts = tf.split(update, sizes);
        variables.forEach((v, i) => v.assign(tf.add(v, tf.reshape(parts[i]!, v.shape))));
        return value;
      });
    },
    setLearningRate(rate) {
      learningRate = rate;
    },
    dispose() {
      first.dispose();
      second.dispose();
    },
  };
}
