/**
 * The three pieces of a Gaussian VAE's objective (Kingma & Welling 2013, "Auto-Encoding Variational Bayes"),
 * as tensor functions on batches: the reparameterised latent, the closed-form KL to the standard normal prior
 * (their Appendix B) and the Gaussian negative log-likelihood of the decoder. Call inside tf.tidy.
 */
import { tf } from "#tf";

type Tensor1D = import("@tensorflow/tfjs-core").Tensor1D;
type Tensor2D = import("@tensorflow/tfjs-core").Tensor2D;
type Tensor = import("@tensorflow/tfjs-core").Tensor;

const LOG_TWO_PI = Math.log(2 * Math.PI);

/** z = μ + σ ⊙ ε with σ = exp(½ log σ²): a draw of N(μ, diag σ²) that is differentiable in μ and log σ² (§2.4). */
export function reparameterise(mean: Tensor2D, logVariance: Tensor2D, epsilon: Tensor2D): Tensor2D {
  return tf.add(mean, tf.mul(tf.exp(tf.mul(logVariance, 0.5)), epsilon));
}

/**
 * KL(N(μ, diag σ²) ‖ N(0, I)) per row, in nats: −½ Σ_j (1 + log σ_j² − μ_j² − σ_j²) (Appendix B).
 * Shape [n, d] in, [n] out.
 */
export function klToStandardNormal(mean: Tensor2D, logVariance: Tensor2D): Tensor1D {
  return tf.mul(tf.sum(tf.sub(tf.add(tf.square(mean), tf.exp(logVariance)), tf.add(logVariance, 1)), 1), 0.5);
}

/**
 * −log N(x; μ, diag σ²) per row, in nats: Σ_j ½ (log 2π + log σ_j² + (x_j − μ_j)² / σ_j²).
 * `logVariance` is [n, d] or [d] (one variance per dimension, shared by every row).
 */
export function gaussianNegLogLikelihood(x: Tensor2D, mean: Tensor2D, logVariance: Tensor): Tensor1D {
  const squared = tf.mul(tf.squaredDifference(x, mean), tf.exp(tf.neg(logVariance)));
  return tf.mul(tf.sum(tf.add(tf.add(squared, logVariance), LOG_TWO_PI), 1), 0.5);
}
