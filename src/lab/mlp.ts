/**
 * A multilayer perceptron with named layers, weights initialised from a seeded generator
 * (Glorot/Xavier uniform, Glorot & Bengio 2010), so that a seed gives the same network on every backend.
 */
import { tf } from "#tf";
import type { Random } from "./random.ts";

type Tensor2D = import("@tensorflow/tfjs-core").Tensor2D;
type Variable = import("@tensorflow/tfjs-core").Variable;

export const ACTIVATIONS = ["relu", "leakyRelu", "tanh", "silu"] as const;
export type Activation = (typeof ACTIVATIONS)[number];

/** One fully connected layer: y = x W + b. */
export interface DenseLayer {
  weight: Variable;
  bias: Variable;
}

export interface MlpSpec {
  /** Used in variable names, e.g. "generator". */
  name: string;
  inputs: number;
  hidden: readonly number[];
  outputs: number;
  activation: Activation;
}

export interface Mlp {
  readonly spec: MlpSpec;
  readonly hiddenLayers: readonly DenseLayer[];
  readonly outputLayer: DenseLayer;
  /** The network's output for a batch [n, inputs] → [n, outputs]; call inside tf.tidy. */
  apply(x: Tensor2D): Tensor2D;
  /** Every trainable variable, for an optimiser or weight clipping. */
  readonly variables: Variable[];
  dispose(): void;
}

function activate(x: Tensor2D, activation: Activation): Tensor2D {
  switch (activation) {
    case "relu":
      return tf.relu(x);
    case "leakyRelu":
      return tf.leakyRelu(x, 0.2);
    case "tanh":
      return tf.tanh(x);
    case "silu":
      return tf.mul(x, tf.sigmoid(x));
  }
}

function denseLayer(name: string, fanIn: number, fanOut: number, rng: Random): DenseLayer {
  const limit = Math.sqrt(6 / (fanIn + fanOut));
  const values = new Float32Array(fanIn * fanOut);
  for (let i = 0; i < values.length; i++) values[i] = (2 * rng.uniform() - 1) * limit;
  // Variables made inside tidy: the initial tensors are freed, the variables are kept.
  return tf.tidy(() => ({
    weight: tf.variable(tf.tensor2d(values, [fanIn, fanOut]), true, `${name}/weight`),
    bias: tf.variable(tf.zeros([fanOut]), true, `${name}/bias`),
  }));
}

let instance = 0;

/** Builds an MLP whose weights depend only on `rng`'s seed. */
export function createMlp(spec: MlpSpec, rng: Random): Mlp {
  // Variable names must be unique in the tfjs engine: several demos may build the same network.
  const prefix = `${spec.name}#${++instance}`;
  const sizes = [spec.inputs, ...spec.hidden];
  const hiddenLayers = spec.hidden.map((width, i) => denseLayer(`${prefix}/hidden${i}`, sizes[i]!, width, rng));
  const outputLayer = denseLayer(`${prefix}/output`, sizes.at(-1)!, spec.outputs, rng);
  const layers = [...hiddenLayers, outputLayer];
  return {
    spec,
    hiddenLayers,
    outputLayer,
    variables: layers.flatMap((l) => [l.weight, l.bias]),
    apply(x) {
      let h = x;
      for (const layer of hiddenLayers) {
        // One fused kernel for matmul + bias (+ ReLU, the one activation whose fused gradient tfjs has).
        const fusedRelu = spec.activation === "relu";
        h = tf.fused.matMul({
          a: h,
          b: layer.weight,
          bias: layer.bias,
          activation: fusedRelu ? "relu" : "linear",
        }) as Tensor2D;
        if (!fusedRelu) h = activate(h, spec.activation);
      }
      return tf.fused.matMul({ a: h, b: outputLayer.weight, bias: outputLayer.bias }) as Tensor2D;
    },
    dispose() {
      for (const layer of layers) {
        layer.weight.dispose();
        layer.bias.dispose();
      }
    },
  };
}

/**
 * Sinusoidal embedding of a diffusion step (Vaswani et al. 2017, as used by Ho et al. 2020):
 * [sin(t·ω_k), cos(t·ω_k)] with ω_k = 1/10000^(k/(d/2)), k = 0…d/2−1. Returns [n, dims].
 */
export function timeEmbedding(t: Float32Array | Int32Array, dims: number): Float32Array {
  const half = dims / 2;
  const out = new Float32Array(t.length * dims);
  for (let i = 0; i < t.length; i++) {
    for (let k = 0; k < half; k++) {
      const angle = t[i]! / Math.pow(10000, k / half);
      out[i * dims + k] = Math.sin(angle);
      out[i * dims + half + k] = Math.cos(angle);
    }
  }
  return out;
}
