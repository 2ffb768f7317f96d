/**
 * GAN (Goodfellow et al. 2014), WGAN with weight clipping (Arjovsky et al. 2017) and WGAN with a gradient penalty
 * (Gulrajani et al. 2017) on 2D points. The generator G maps Gaussian noise z to a point; the discriminator
 * (critic) D scores points.
 * Non-saturating losses (Goodfellow 2014, §3): L_D = −E log σ(D(x)) − E log(1 − σ(D(G(z)))),
 * L_G = −E log σ(D(G(z))). WGAN (Arjovsky 2017, Algorithm 1): L_D = E D(G(z)) − E D(x), L_G = −E D(G(z)),
 * with D's weights clipped to [−c, c] after each critic step. WGAN-GP (Gulrajani 2017, Algorithm 1): the same
 * L_G, and L_D = E D(G(z)) − E D(x) + λ E(‖∇ₓD(x̂)‖₂ − 1)² at x̂ = εx + (1 − ε)G(z), ε ~ U[0, 1] per sample,
 * with no clipping. Each loss's optimiser and settings are those of its paper (the presets in specs/gan.ts).
 */
import { tf } from "#tf";
import { tidyRead } from "../lab/tidy-read.ts";
import type { DataSource } from "../lab/data-source.ts";
import { gridPoints } from "../lab/grid.ts";
import { createFlatAdam, type FlatAdam } from "../lab/flat-adam.ts";
import { learningRateAt } from "./specs/lr-decay.ts";
import { addBias, createMlp, mlpWeights, type Mlp } from "../lab/mlp.ts";
import { createRandom, fillNormal, type Random } from "../lab/random.ts";
import { createWeightAverage, type WeightAverage } from "../lab/weight-average.ts";
import { ganSpec } from "./specs/gan.ts";
import type { Family, Losses, Model, ValuesOf, ViewFrame, ViewRequest } from "./types.ts";

type Tensor2D = import("@tensorflow/tfjs-core").Tensor2D;
type Scalar = import("@tensorflow/tfjs-core").Scalar;
type Variable = import("@tensorflow/tfjs-core").Variable;
type Tensor = import("@tensorflow/tfjs-core").Tensor;
type GradSaveFunc = import("@tensorflow/tfjs-core").GradSaveFunc;

export const GAN_LOSSES = ["nonsaturating", "wgan", "wgan-gp"] as const;
export type GanLoss = (typeof GAN_LOSSES)[number];

/** The settings of its table (`specs/gan.ts`), typed by it. */
export type GanSettings = ValuesOf<typeof ganSpec.settings>;

const LATENT = 4;
/** How many generated points carry a gradient arrow in the landscape view. */
const ARROWS = 64;
const BATCH = ganSpec.batchSize;
/** The critic's leaky-ReLU slope for negative inputs: src/lab/mlp.ts's, which the tests compare against. */
const LEAKY_SLOPE = 0.2;

/**
 * a·b whose gradient is written with explicit transposes (dA = dY bᵀ, dB = aᵀ dY), for the same reason as
 * mlp.ts's layers: tfjs's own matMul gradient asks the WASM backend for transposed products, about ten times slower.
 */
const product = tf.customGrad(((a: Tensor2D, b: Tensor2D, save: GradSaveFunc) => {
  save([a, b]);
  return {
    value: tf.matMul(a, b),
    gradFunc: (dy: Tensor2D, saved: Tensor[]) => {
      const [sa, sb] = saved as [Tensor2D, Tensor2D];
      return [tf.matMul(dy, tf.transpose(sb)), tf.matMul(tf.transpose(sa), dy)];
    },
  };
}) as never) as unknown as (a: Tensor2D, b: Tensor2D) => Tensor2D;

const isWasserstein = (loss: GanLoss) => loss !== "nonsaturating";

/** The discriminator's (critic's) loss from its logits (scores) on real and generated points; no penalty term. */
export function discriminatorLoss(loss: GanLoss, realScores: Tensor2D, fakeScores: Tensor2D): Scalar {
  return tf.tidy(() =>
    isWasserstein(loss)
      ? tf.sub(tf.mean(fakeScores), tf.mean(realScores))
      : // −log σ(s) = softplus(−s) and −log(1 − σ(s)) = softplus(s): stable for large |s|.
        tf.add(tf.mean(tf.softplus(tf.neg(realScores))), tf.mean(tf.softplus(fakeScores))),
  );
}

/** The generator's loss from the discriminator's scores on generated points. */
export function generatorLoss(loss: GanLoss, fakeScores: Tensor2D): Scalar {
  return tf.tidy(() => (isWasserstein(loss) ? tf.neg(tf.mean(fakeScores)) : tf.mean(tf.softplus(tf.neg(fakeScores)))));
}

/**
 * The critic's scores f(x) [n, 1] and its input gradient ∇ₓf(x) [n, inputs], both as differentiable functions of
 * the critic's weights, for the gradient penalty, which needs ∇_w of a function of ∇ₓf. tfjs cannot give that
 * second derivative by nesting tf.grad: the gradient of its leakyRelu is built with `greater`, which has no
 * gradient of its own ("gradient function not found for Greater"). So the backward pass is written out with plain
 * ops that all have gradients (products, transposes, mul, add, step): with a_l = h_{l−1}W_l + b_l, the slope
 * s_l = leaky′(a_l) = 0.2 + 0.8·step(a_l), h_l = s_l ⊙ a_l and f = h_L w + b,
 *   ∇ₓf = (…((wᵀ ⊙ s_L) W_Lᵀ ⊙ s_{L−1}) W_{L−1}ᵀ … ⊙ s_1) W_1ᵀ.
 * s_l is piecewise constant in the weights and tf.step's gradient is zero, which is exact wherever no a_l is
 * exactly 0. Call inside tf.tidy.
 */
export function criticWithInputGradient(critic: Mlp, x: Tensor2D): { scores: Tensor2D; inputGradient: Tensor2D } {
  const { activation } = critic.spec;
  if (activation !== "leakyRelu" && activation !== "relu") {
    throw new Error(`criticWithInputGradient handles relu and leakyRelu critics, not ${activation}.`);
  }
  const slope = activation === "leakyRelu" ? LEAKY_SLOPE : 0;
  const slopes: Tensor2D[] = [];
  let h = x;
  for (const layer of critic.hiddenLayers) {
    const a = addBias(product(h, layer.weight as Tensor2D), layer.bias);
    const s = tf.add(tf.mul(tf.step(a), 1 - slope), slope) as Tensor2D;
    slopes.push(s);
    h = tf.mul(a, s) as Tensor2D;
  }
  const { weight, bias } = critic.outputLayer;
  if (weight.shape[1] !== 1) throw new Error("criticWithInputGradient needs a critic with one output.");
  const scores = addBias(product(h, weight as Tensor2D), bias);
  // ∂f/∂h_L = wᵀ for every point: one [1, width] row, which the product with s_L spreads over the batch.
  let delta = tf.transpose(weight) as Tensor2D;
  for (let l = critic.hiddenLayers.length - 1; l >= 0; l--) {
    delta = product(tf.mul(delta, slopes[l]!) as Tensor2D, tf.transpose(critic.hiddenLayers[l]!.weight) as Tensor2D);
  }
  if (delta.shape[0] !== x.shape[0]) delta = tf.tile(delta, [x.shape[0], 1]); // a critic with no hidden layer
  return { scores, inputGradient: delta };
}

/**
 * WGAN-GP's penalty without λ (Gulrajani 2017, Algorithm 1, line 7): E(‖∇ₓf(x̂)‖₂ − 1)² over the interpolates
 * x̂ = εx + (1 − ε)x̃ of real points x and generated points x̃, pair by pair, with `epsilon` [n, 1] the ε of each.
 * A 1e−12 under the square root keeps its gradient finite where ∇ₓf = 0 (it moves the norm by under 1e−6).
 */
export function gradientPenalty(critic: Mlp, real: Tensor2D, fake: Tensor2D, epsilon: Tensor2D): Scalar {
  return tf.tidy(() => {
    const mixed = tf.add(tf.mul(epsilon, real), tf.mul(tf.sub(1, epsilon), fake)) as Tensor2D;
    const { inputGradient } = criticWithInputGradient(critic, mixed);
    const norm = tf.sqrt(tf.add(tf.sum(tf.square(inputGradient), 1), 1e-12));
    return tf.mean(tf.square(tf.sub(norm, 1)));
  });
}

/** WGAN-GP's critic loss (Gulrajani 2017, Algorithm 1): E f(x̃) − E f(x) + λ·E(‖∇ₓf(x̂)‖₂ − 1)². */
export function wganGpCriticLoss(
  critic: Mlp,
  real: Tensor2D,
  fake: Tensor2D,
  epsilon: Tensor2D,
  lambda: number,
): Scalar {
  return tf.tidy(() =>
    tf.add(
      discriminatorLoss("wgan-gp", critic.apply(real), critic.apply(fake)),
      tf.mul(gradientPenalty(critic, real, fake, epsilon), lambda),
    ),
  );
}

/**
 * The zero-centred gradient penalty R1 without γ (Mescheder et al. 2018, eq. 9): ½ E_x ‖∇ₓD(x)‖² over real
 * points x. Added to the discriminator's loss with a weight γ, it keeps D flat on the data, where the generator's
 * points should come to rest, instead of letting them overshoot (the paper's Theorem 4.1: local convergence).
 */
export function r1Penalty(discriminator: Mlp, real: Tensor2D): Scalar {
  return tf.tidy(() => {
    const { inputGradient } = criticWithInputGradient(discriminator, real);
    return tf.mul(tf.mean(tf.sum(tf.square(inputGradient), 1)), 0.5);
  });
}

/**
 * The non-saturating discriminator loss with R1 (Mescheder et al. 2018, eq. 9):
 * −E log σ(D(x)) − E log(1 − σ(D(G(z)))) + (γ/2)·E‖∇ₓD(x)‖². The logits on the real points come from the same
 * pass that gives their input gradient, so the penalty costs one written-out backward pass, not a second forward.
 */
export function r1DiscriminatorLoss(discriminator: Mlp, real: Tensor2D, fake: Tensor2D, gamma: number): Scalar {
  return tf.tidy(() => {
    const { scores, inputGradient } = criticWithInputGradient(discriminator, real);
    const penalty = tf.mul(tf.mean(tf.sum(tf.square(inputGradient), 1)), 0.5 * gamma);
    return tf.add(discriminatorLoss("nonsaturating", scores, discriminator.apply(fake)), penalty);
  });
}

/** The median of `values` (NaN for none). */
function median(values: Float32Array): number {
  const sorted = Float32Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

class GanModel implements Model {
  private readonly generator: Mlp;
  private readonly discriminator: Mlp;
  private readonly generatorOptimizer: FlatAdam;
  private readonly discriminatorOptimizer: FlatAdam;
  private readonly noise: Random;
  /** WGAN-GP's ε, from a stream of its own, so the other losses draw exactly the noise they drew before. */
  private readonly interpolation: Random;
  /** Samples draw from their own stream, so drawing them (views, scores) never changes the training run. */
  private readonly sampleNoise: Random;
  private readonly settings: GanSettings;
  /** The generator's weight average that samples are drawn from, or null when `average` is 0. */
  private readonly average: WeightAverage | null;
  /** Discriminator updates so far, which place the lazy R1 penalty on every `r1Interval`-th of them. */
  private discriminatorUpdates = 0;

  constructor(settings: GanSettings, seed: number) {
    this.settings = settings;
    const root = createRandom(seed);
    this.noise = root.fork("noise");
    this.interpolation = root.fork("interpolation");
    this.sampleNoise = root.fork("sample");
    const generatorSpec = { name: "generator", inputs: LATENT, hidden: [64, 64, 64], outputs: 2 } as const;
    this.generator = createMlp({ ...generatorSpec, activation: "relu" }, root.fork("generator"));
    this.average =
      settings.average > 0
        ? createWeightAverage(
            this.generator,
            createMlp({ ...generatorSpec, name: "generatorAverage", activation: "relu" }, root.fork("generator")),
            settings.average,
          )
        : null;
    // No normalisation layer in the critic, as WGAN-GP requires (its penalty is per sample).
    this.discriminator = createMlp(
      { name: "discriminator", inputs: 2, hidden: [64, 64, 64], outputs: 1, activation: "leakyRelu" },
      root.fork("discriminator"),
    );
    this.generatorOptimizer = this.optimizer(this.generator.variables, settings.learningRate);
    this.discriminatorOptimizer = this.optimizer(this.discriminator.variables, settings.discriminatorLearningRate);
  }

  /**
   * Each loss's optimiser: Adam for the standard GAN and for WGAN-GP, with the betas of the settings (each loss's
   * presets in specs/gan.ts: β1 = 0, β2 = 0.9 for WGAN-GP, Gulrajani 2017, Algorithm 1's defaults); RMSProp for WGAN
   * (Arjovsky 2017, Algorithm 1; tfjs's defaults, decay 0.9, no momentum, as in TensorFlow's RMSPropOptimizer the
   * WGAN-GP authors ran it with).
   */
  private optimizer(variables: Variable[], learningRate: number): FlatAdam {
    switch (this.settings.loss) {
      case "nonsaturating":
      case "wgan-gp":
        return createFlatAdam(variables, {
          learningRate,
          beta1: this.settings.adamBeta1,
          beta2: this.settings.adamBeta2,
        });
      case "wgan": {
        const rmsprop = tf.train.rmsprop(learningRate);
        return {
          minimize: (loss) => rmsprop.minimize(loss, true, variables)!,
          // tfjs's RMSProp reads its rate on every update.
          setLearningRate: (rate) => ((rmsprop as unknown as { learningRate: number }).learningRate = rate),
          dispose: () => rmsprop.dispose(),
        };
      }
    }
  }

  private latent(n: number, rng: Random = this.noise): Tensor2D {
    const z = new Float32Array(n * LATENT);
    fillNormal(rng, z);
    return tf.tensor2d(z, [n, LATENT]);
  }

  private epsilon(n: number): Tensor2D {
    const e = new Float32Array(n);
    for (let i = 0; i < n; i++) e[i] = this.interpolation.uniform();
    return tf.tensor2d(e, [n, 1]);
  }

  trainStep(data: DataSource, read: boolean, step: number): Losses | null {
    const { loss, discriminatorSteps, clip, penalty, r1, r1Interval } = this.settings;
    if (this.settings.decayFactor !== 1) {
      this.generatorOptimizer.setLearningRate(learningRateAt(this.settings.learningRate, step, this.settings));
      this.discriminatorOptimizer.setLearningRate(
        learningRateAt(this.settings.discriminatorLearningRate, step, this.settings),
      );
    }
    let dCost: Scalar | null = null;
    for (let k = 0; k < discriminatorSteps; k++) {
      dCost?.dispose();
      const real = data.next(BATCH);
      dCost = tf.tidy(() => {
        const x = tf.tensor2d(real, [BATCH, 2]);
        const fake = this.generator.apply(this.latent(BATCH));
        const epsilon = loss === "wgan-gp" ? this.epsilon(BATCH) : null;
        const cost = this.discriminatorOptimizer.minimize(() => {
          if (epsilon) return wganGpCriticLoss(this.discriminator, x, fake, epsilon, penalty);
          // Lazy R1 (Karras et al. 2020, §3.1): on one update in k, weighted k·γ, so it costs about 1/k as much.
          const lazy = loss === "nonsaturating" && r1 > 0 && this.discriminatorUpdates++ % r1Interval === 0;
          if (lazy) return r1DiscriminatorLoss(this.discriminator, x, fake, r1 * r1Interval);
          return discriminatorLoss(loss, this.discriminator.apply(x), this.discriminator.apply(fake));
        });
        if (loss === "wgan") {
          for (const v of this.discriminator.variables) v.assign(tf.clipByValue(v, -clip, clip));
        }
        return cost;
      });
    }
    const gCost = tf.tidy(() => {
      const z = this.latent(BATCH);
      return this.generatorOptimizer.minimize(() =>
        generatorLoss(loss, this.discriminator.applyHeld(this.generator.apply(z))),
      );
    });
    this.average?.update();
    const result = read ? { discriminator: dCost!.dataSync()[0]!, generator: gCost.dataSync()[0]! } : null;
    dCost?.dispose();
    gCost.dispose();
    return result;
  }

  sample(n: number): Float32Array {
    const generator = this.average?.network ?? this.generator;
    return tidyRead(() => generator.apply(this.latent(n, this.sampleNoise)).dataSync() as Float32Array).slice();
  }

  view(request: ViewRequest): ViewFrame {
    const samples = this.sample(request.n);
    if (request.view === "samples") return { samples };
    const grid = gridPoints(request.extent, request.gridSize);
    const origins = samples.slice(0, 2 * Math.min(ARROWS, request.n));
    const { loss } = this.settings;
    const [field, pull] = tidyRead(() => {
      const scores = this.discriminator.apply(tf.tensor2d(grid, [grid.length / 2, 2]));
      // The pull of the generator's loss on each generated point, −∂L_G/∂x at x = G(z): the points themselves
      // move only through G's weights. Drawn on the first few samples only (a thousand arrows hide the points).
      const x = tf.tensor2d(origins, [origins.length / 2, 2]);
      const gradient = tf.grad((points) => generatorLoss(loss, this.discriminator.applyHeld(points as Tensor2D)))(x);
      return [scores.dataSync() as Float32Array, tf.neg(gradient).dataSync() as Float32Array];
    });
    const values = field.slice();
    if (isWasserstein(loss)) {
      // A critic is defined up to a constant (only differences E f(x) − E f(G(z)) enter its loss), so its zero
      // says nothing: centre the map on the grid's median, making the diverging colours a relative score.
      const centre = median(values);
      for (let i = 0; i < values.length; i++) values[i]! -= centre;
    }
    return {
      samples,
      field: {
        values,
        gridSize: request.gridSize,
        kind: "diverging",
        label: isWasserstein(loss)
          ? {
              zh: "评论家打分 f(x)，减去网格中位数（相对值：越高越像真数据）",
              en: "Critic's score f(x) minus the grid's median (relative: higher looks more real)",
            }
          : { zh: "判别器 logit D(x)（>0 判为真）", en: "Discriminator logit D(x) (> 0 judged real)" },
      },
      arrows: {
        origins,
        vectors: pull.slice(),
        label: { zh: "生成器损失对样本的拉力 −∇ₓL_G", en: "Pull of the generator's loss on the samples −∇ₓL_G" },
      },
    };
  }

  weights(): Record<string, Variable> {
    return {
      ...mlpWeights(this.generator, "generator"),
      // The average is what samples come from: a model loaded without it would draw from another generator.
      ...(this.average ? mlpWeights(this.average.network, "generatorAverage") : {}),
      ...mlpWeights(this.discriminator, "discriminator"),
    };
  }

  weightsChanged(): void {}

  dispose(): void {
    this.generator.dispose();
    this.average?.dispose();
    this.discriminator.dispose();
    this.generatorOptimizer.dispose();
    this.discriminatorOptimizer.dispose();
  }
}

export const gan: Family<typeof ganSpec.settings> = {
  ...ganSpec,
  create({ settings, seed }) {
    return new GanModel(settings, seed);
  },
};
