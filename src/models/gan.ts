/**
 * GAN (Goodfellow et al. 2014) and WGAN with weight clipping (Arjovsky et al. 2017) on 2D points.
 * The generator G maps Gaussian noise z to a point; the discriminator D scores points.
 * Non-saturating losses (Goodfellow 2014, §3): L_D = −E log σ(D(x)) − E log(1 − σ(D(G(z)))),
 * L_G = −E log σ(D(G(z))). WGAN (Arjovsky 2017, Algorithm 1): L_D = E D(G(z)) − E D(x), L_G = −E D(G(z)),
 * with D's weights clipped to [−c, c] after each critic step.
 */
import { tf } from "#tf";
import type { DataSource } from "../lab/data-source.ts";
import { gridPoints } from "../lab/grid.ts";
import { createFlatAdam, type FlatAdam } from "../lab/flat-adam.ts";
import { createMlp, type Mlp } from "../lab/mlp.ts";
import { createRandom, fillNormal, type Random } from "../lab/random.ts";
import { ganSpec } from "./specs/gan.ts";
import type { CreateOptions, Family, Losses, Model, ViewFrame, ViewRequest } from "./types.ts";

type Tensor2D = import("@tensorflow/tfjs-core").Tensor2D;
type Scalar = import("@tensorflow/tfjs-core").Scalar;
type Variable = import("@tensorflow/tfjs-core").Variable;

export const GAN_LOSSES = ["nonsaturating", "wgan"] as const;
export type GanLoss = (typeof GAN_LOSSES)[number];

export interface GanSettings {
  loss: GanLoss;
  discriminatorSteps: number;
  learningRate: number;
  discriminatorLearningRate: number;
  clip: number;
}

const LATENT = 4;
/** How many generated points carry a gradient arrow in the landscape view. */
const ARROWS = 64;
const BATCH = ganSpec.batchSize;

/** The discriminator's (critic's) loss from its logits (scores) on real and generated points. */
export function discriminatorLoss(loss: GanLoss, realScores: Tensor2D, fakeScores: Tensor2D): Scalar {
  return tf.tidy(() =>
    loss === "wgan"
      ? tf.sub(tf.mean(fakeScores), tf.mean(realScores))
      : // −log σ(s) = softplus(−s) and −log(1 − σ(s)) = softplus(s): stable for large |s|.
        tf.add(tf.mean(tf.softplus(tf.neg(realScores))), tf.mean(tf.softplus(fakeScores))),
  );
}

/** The generator's loss from the discriminator's scores on generated points. */
export function generatorLoss(loss: GanLoss, fakeScores: Tensor2D): Scalar {
  return tf.tidy(() => (loss === "wgan" ? tf.neg(tf.mean(fakeScores)) : tf.mean(tf.softplus(tf.neg(fakeScores)))));
}

class GanModel implements Model {
  private readonly generator: Mlp;
  private readonly discriminator: Mlp;
  private readonly generatorOptimizer: FlatAdam;
  private readonly discriminatorOptimizer: FlatAdam;
  private readonly noise: Random;
  /** Samples draw from their own stream, so drawing them (views, scores) never changes the training run. */
  private readonly sampleNoise: Random;
  private readonly settings: GanSettings;

  constructor(settings: GanSettings, seed: number) {
    this.settings = settings;
    const root = createRandom(seed);
    this.noise = root.fork("noise");
    this.sampleNoise = root.fork("sample");
    this.generator = createMlp(
      { name: "generator", inputs: LATENT, hidden: [64, 64, 64], outputs: 2, activation: "relu" },
      root.fork("generator"),
    );
    this.discriminator = createMlp(
      { name: "discriminator", inputs: 2, hidden: [64, 64, 64], outputs: 1, activation: "leakyRelu" },
      root.fork("discriminator"),
    );
    // Adam with β1 = 0.5 (Radford et al. 2016) for the standard GAN; RMSProp for WGAN, as in its Algorithm 1.
    // The discriminator gets its own, by default larger, rate: the two time-scale rule of Heusel et al. (2017).
    const optimizer = (variables: Variable[], learningRate: number): FlatAdam => {
      if (settings.loss !== "wgan") return createFlatAdam(variables, { learningRate, beta1: 0.5 });
      const rmsprop = tf.train.rmsprop(learningRate);
      return { minimize: (loss) => rmsprop.minimize(loss, true, variables)!, dispose: () => rmsprop.dispose() };
    };
    this.generatorOptimizer = optimizer(this.generator.variables, settings.learningRate);
    this.discriminatorOptimizer = optimizer(this.discriminator.variables, settings.discriminatorLearningRate);
  }

  private latent(n: number, rng: Random = this.noise): Tensor2D {
    const z = new Float32Array(n * LATENT);
    fillNormal(rng, z);
    return tf.tensor2d(z, [n, LATENT]);
  }

  trainStep(data: DataSource, read: boolean): Losses | null {
    const { loss, discriminatorSteps, clip } = this.settings;
    let dCost: Scalar | null = null;
    for (let k = 0; k < discriminatorSteps; k++) {
      dCost?.dispose();
      const real = data.next(BATCH);
      dCost = tf.tidy(() => {
        const x = tf.tensor2d(real, [BATCH, 2]);
        const fake = this.generator.apply(this.latent(BATCH));
        const cost = this.discriminatorOptimizer.minimize(() =>
          discriminatorLoss(loss, this.discriminator.apply(x), this.discriminator.apply(fake)),
        );
        if (loss === "wgan") {
          for (const v of this.discriminator.variables) v.assign(tf.clipByValue(v, -clip, clip));
        }
        return cost;
      });
    }
    const gCost = tf.tidy(() => {
      const z = this.latent(BATCH);
      return this.generatorOptimizer.minimize(() =>
        generatorLoss(loss, this.discriminator.apply(this.generator.apply(z))),
      );
    });
    const result = read ? { discriminator: dCost!.dataSync()[0]!, generator: gCost.dataSync()[0]! } : null;
    dCost?.dispose();
    gCost.dispose();
    return result;
  }

  sample(n: number): Float32Array {
    return tf.tidy(() => this.generator.apply(this.latent(n, this.sampleNoise)).dataSync() as Float32Array).slice();
  }

  view(request: ViewRequest): ViewFrame {
    const samples = this.sample(request.n);
    if (request.view === "samples") return { samples };
    const grid = gridPoints(request.extent, request.gridSize);
    const origins = samples.slice(0, 2 * Math.min(ARROWS, request.n));
    const { loss } = this.settings;
    const [field, push] = tf.tidy(() => {
      const scores = this.discriminator.apply(tf.tensor2d(grid, [grid.length / 2, 2]));
      // The direction the generator's loss moves each generated point: −∂L_G/∂x at x = G(z), drawn on
      // the first few samples only (a thousand arrows hide the points they start from).
      const x = tf.tensor2d(origins, [origins.length / 2, 2]);
      const gradient = tf.grad((points) => generatorLoss(loss, this.discriminator.apply(points as Tensor2D)))(x);
      return [scores.dataSync() as Float32Array, tf.neg(gradient).dataSync() as Float32Array];
    });
    return {
      samples,
      field: {
        values: field.slice(),
        gridSize: request.gridSize,
        kind: "diverging",
        label: loss === "wgan" ? "评论家打分 D(x)" : "判别器 logit D(x)（>0 判为真）",
      },
      arrows: { origins, vectors: push.slice(), label: "生成器梯度 −∇ₓL_G" },
    };
  }

  dispose(): void {
    this.generator.dispose();
    this.discriminator.dispose();
    this.generatorOptimizer.dispose();
    this.discriminatorOptimizer.dispose();
  }
}

export const gan: Family = {
  ...ganSpec,
  create(options: CreateOptions): Model {
    const s = options.settings;
    return new GanModel(
      {
        loss: s.loss === "wgan" ? "wgan" : "nonsaturating",
        discriminatorSteps: Number(s.discriminatorSteps),
        learningRate: Number(s.learningRate),
        discriminatorLearningRate: Number(s.discriminatorLearningRate),
        clip: Number(s.clip),
      },
      options.seed,
    );
  },
};
