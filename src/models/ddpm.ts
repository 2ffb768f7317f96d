/**
 * DDPM (Ho et al. 2020) on 2D points: an MLP ε_θ(x_t, t) with a sinusoidal time embedding learns to
 * predict the noise added by the forward process, with the simplified objective (eq. 14)
 * L = E_{t, x_0, ε} ‖ε − ε_θ(√ᾱ_t x_0 + √(1 − ᾱ_t) ε, t)‖², and samples by ancestral sampling (Algorithm 2) with
 * an exponential moving average of the network's weights, as the paper does (Appendix B).
 */
import { tf } from "#tf";
import { tidyRead } from "../lab/tidy-read.ts";
import { concatTensors } from "../lab/concat.ts";
import type { DataSource } from "../lab/data-source.ts";
import { createFlatAdam, type FlatAdam } from "../lab/flat-adam.ts";
import { createMlp, mlpWeights, timeEmbedding, type Mlp } from "../lab/mlp.ts";
import { createWeightAverage, type WeightAverage } from "../lab/weight-average.ts";
import { addNoise, createSchedule, reverseStepCoefficients, type NoiseSchedule } from "../lab/noise-schedule.ts";
import { createRandom, fillNormal, type Random } from "../lab/random.ts";
import { sampleDataset } from "../lab/datasets.ts";
import type { Dataset } from "../lab/own-data.ts";
import { pointTrails, splitStates } from "../lab/trails.ts";
import { ddpmSpec } from "./specs/ddpm.ts";
import type { Family, Losses, Model, ValuesOf, ViewFrame, ViewRequest } from "./types.ts";
import { fill } from "../i18n/text.ts";

type Variable = import("@tensorflow/tfjs-core").Variable;

type Tensor2D = import("@tensorflow/tfjs-core").Tensor2D;

const BATCH = ddpmSpec.batchSize;
const EMBEDDING = 16;
/** How many sample paths the reverse view draws as trajectories. */
const TRAJECTORIES = 24;

/** The settings of its table (`specs/ddpm.ts`), typed by it. */
export type DdpmSettings = ValuesOf<typeof ddpmSpec.settings>;

/** Positions of n points through the reverse process: chain[k] holds x_{T−k}, so chain[T] = x_0. */
type Chain = Float32Array[];

class DdpmModel implements Model {
  private readonly network: Mlp;
  /** The network that samples and views use: a weight average of the trained one (`average` > 0), or it. */
  private readonly shown: Mlp;
  private readonly average: WeightAverage | null;
  private readonly optimizer: FlatAdam;
  private readonly schedule: NoiseSchedule;
  private readonly noise: Random;
  /** Samples draw from their own stream, so drawing them (views, scores) never changes the training run. */
  private readonly sampleNoise: Random;
  private readonly viewNoise: Random;
  private readonly dataset: Dataset;
  private chain: { n: number; states: Chain } | null = null;

  constructor(settings: DdpmSettings, seed: number, dataset: Dataset) {
    this.dataset = dataset;
    const root = createRandom(seed);
    this.noise = root.fork("noise");
    this.sampleNoise = root.fork("sample");
    this.viewNoise = root.fork("view");
    this.schedule = createSchedule(settings.schedule, settings.steps);
    // Built from the same seeded stream, so the average starts from the trained network's initial weights.
    const makeNetwork = (name: string) =>
      createMlp(
        { name, inputs: 2 + EMBEDDING, hidden: [64, 64, 64], outputs: 2, activation: "relu" },
        root.fork("network"),
      );
    this.network = makeNetwork("epsilon");
    this.average =
      settings.average > 0 ? createWeightAverage(this.network, makeNetwork("epsilonAverage"), settings.average) : null;
    this.shown = this.average?.network ?? this.network;
    this.optimizer = createFlatAdam(this.network.variables, { learningRate: settings.learningRate });
  }

  /** ε_θ(x_t, t) for a batch with one step per point. */
  private predictNoise(x: Tensor2D, embedding: Tensor2D): Tensor2D {
    return this.network.apply(concatTensors([x, embedding], 1));
  }

  trainStep(data: DataSource, read: boolean): Losses | null {
    const x0 = data.next(BATCH);
    const t = new Int32Array(BATCH);
    for (let i = 0; i < BATCH; i++) t[i] = 1 + Math.floor(this.noise.uniform() * this.schedule.steps);
    const epsilon = new Float32Array(BATCH * 2);
    fillNormal(this.noise, epsilon);
    // The forward process is cheap in plain numbers; only the network runs as tensors.
    const xt = addNoise(this.schedule, x0, epsilon, t);
    const cost = tf.tidy(() => {
      const input = tf.tensor2d(xt, [BATCH, 2]);
      const embedding = tf.tensor2d(timeEmbedding(t, EMBEDDING), [BATCH, EMBEDDING]);
      const target = tf.tensor2d(epsilon, [BATCH, 2]);
      return this.optimizer.minimize(() => tf.mean(tf.squaredDifference(this.predictNoise(input, embedding), target)));
    });
    this.average?.update();
    this.chain = null;
    const result = read ? { loss: cost.dataSync()[0]! } : null;
    cost.dispose();
    return result;
  }

  /** Runs Algorithm 2 on n points and keeps every intermediate state (one readback at the end). */
  private reverseChain(n: number, rng: Random): Chain {
    const T = this.schedule.steps;
    const start = new Float32Array(n * 2);
    fillNormal(rng, start);
    const flat = tidyRead(() => {
      let x = tf.tensor2d(start, [n, 2]);
      const states: Tensor2D[] = [x];
      // The time embedding's share of the first layer, for every step at once (row t − 1 for step t).
      const steps = Int32Array.from({ length: T }, (_, i) => i + 1);
      const byStep = this.shown.conditioning(tf.tensor2d(timeEmbedding(steps, EMBEDDING), [T, EMBEDDING]), 2);
      for (let t = T; t >= 1; t--) {
        const { inverseSqrtAlpha, epsilonCoef, sigma } = reverseStepCoefficients(this.schedule, t);
        const epsilon = this.shown.applyConditioned(x, tf.slice(byStep, [t - 1, 0], [1, -1]));
        const mean = tf.mul(tf.sub(x, tf.mul(epsilon, epsilonCoef)), inverseSqrtAlpha);
        if (sigma > 0) {
          const z = new Float32Array(n * 2);
          fillNormal(rng, z);
          x = tf.add(mean, tf.mul(tf.tensor2d(z, [n, 2]), sigma));
        } else {
          x = mean as Tensor2D;
        }
        states.push(x);
      }
      return concatTensors(states, 0).dataSync() as Float32Array;
    });
    return splitStates(flat, T + 1, n);
  }

  sample(n: number): Float32Array {
    return this.reverseChain(n, this.sampleNoise).at(-1)!;
  }

  view(request: ViewRequest): ViewFrame {
    const T = this.schedule.steps;
    const t = Math.round(Math.min(T, Math.max(0, request.param ?? (request.view === "forward" ? T / 2 : 0))));
    if (request.view === "forward") {
      // q(x_t | x_0) applied to fresh data: the same seed each time so the slider moves the same points.
      const rng = createRandom(this.viewNoise.seed).fork("forward");
      const x0 = sampleDataset(this.dataset, request.n, rng);
      const epsilon = new Float32Array(x0.length);
      fillNormal(rng, epsilon);
      const xt = addNoise(this.schedule, x0, epsilon, new Int32Array(request.n).fill(t));
      const signal = t === 0 ? 1 : Math.sqrt(this.schedule.alphaBars[t - 1]!);
      return {
        samples: xt,
        showData: true,
        caption: fill(
          { zh: "前向加噪 t = {t} / {T}，√ᾱ_t = {signal}", en: "Forward noising t = {t} / {T}, √ᾱ_t = {signal}" },
          { t, T, signal: signal.toFixed(3) },
        ),
      };
    }
    if (!this.chain || this.chain.n !== request.n) {
      this.chain = {
        n: request.n,
        states: this.reverseChain(request.n, createRandom(this.viewNoise.seed).fork("reverse")),
      };
    }
    const states = this.chain.states;
    if (request.view === "samples") return { samples: states[T]!, showData: true };
    // Reverse view: the samples at step t of sampling, and a few of their paths from x_T down to x_t.
    const k = T - t;
    const lines = pointTrails(states, Math.min(TRAJECTORIES, request.n), 0, k);
    return {
      samples: states[k]!,
      showData: true,
      paths: { lines, label: { zh: "反向过程轨迹", en: "Reverse-process paths" } },
      caption: fill({ zh: "反向去噪 t = {t} / {T}", en: "Reverse denoising t = {t} / {T}" }, { t, T }),
    };
  }

  weights(): Record<string, Variable> {
    return {
      ...mlpWeights(this.network, "network"),
      // The average is what samples come from: a model loaded without it would draw from another network.
      ...(this.average ? mlpWeights(this.average.network, "networkAverage") : {}),
    };
  }

  weightsChanged(): void {
    this.chain = null;
  }

  dispose(): void {
    this.network.dispose();
    this.average?.dispose();
    this.optimizer.dispose();
    this.chain = null;
  }
}

export const ddpm: Family<typeof ddpmSpec.settings> = {
  ...ddpmSpec,
  create({ settings, seed, dataset }) {
    return new DdpmModel(settings, seed, dataset);
  },
};
