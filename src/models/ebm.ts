/**
 * An energy-based model (LeCun et al. 2006, "A Tutorial on Energy-Based Learning"): an MLP E_θ(x) gives each point
 * an energy, p_θ(x) ∝ exp(−E_θ(x)). Trained as in Du & Mordatch 2019 ("Implicit Generation and Generalization in
 * Energy-Based Models", §3.1 and eq. 4): the maximum-likelihood gradient is approximated by contrastive divergence,
 *   L = E_data[E_θ(x⁺)] − E_model[E_θ(x⁻)] + α·(E_θ(x⁺)² + E_θ(x⁻)²)   (the α term is their energy regulariser),
 * with negatives x⁻ from K steps of Langevin dynamics x ← x − (λ/2)∇ₓE_θ(x) + √λ·η·z started from a replay buffer
 * of persistent chains (5% of them restarted from uniform noise). Generated samples are honest: fresh chains from
 * uniform noise, run with an exponential moving average of the weights.
 */
import { tf } from "#tf";
import { tidyRead } from "../lab/tidy-read.ts";
import { concatTensors } from "../lab/concat.ts";
import type { DataSource } from "../lab/data-source.ts";
import { gridPoints } from "../lab/grid.ts";
import { langevinStep } from "../lab/langevin.ts";
import { createFlatAdam, type FlatAdam } from "../lab/flat-adam.ts";
import { createMlp, mlpWeights, type Mlp, type MlpSpec } from "../lab/mlp.ts";
import { createRandom, fillNormal, type Random } from "../lab/random.ts";
import { drawChainStarts, storeChains, uniformPoints } from "../lab/replay-buffer.ts";
import { pointTrails } from "../lab/trails.ts";
import { ebmSpec } from "./specs/ebm.ts";
import { learningRateAt } from "./specs/lr-decay.ts";
import type { Family, Losses, Model, ValuesOf, ViewFrame, ViewRequest } from "./types.ts";
import { fill } from "../i18n/text.ts";

type Variable = import("@tensorflow/tfjs-core").Variable;

type Tensor2D = import("@tensorflow/tfjs-core").Tensor2D;
type Scalar = import("@tensorflow/tfjs-core").Scalar;

const BATCH = ebmSpec.batchSize;
const BUFFER_SIZE = 8192;
/** Share of chains restarted from noise at each step (Du & Mordatch 2019 keep 95% from the buffer). */
const FRESH = 0.05;
/** Chains start uniform on [−HALF, HALF]², the plotted square. */
const HALF = 4.5;
const EMA_DECAY = 0.98;
/** Slope of the leaky ReLU for negative inputs (as in src/lab/mlp.ts). */
const LEAKY_SLOPE = 0.2;
/** Buffer slots 0…WATCHED−1 are in every batch: the chains view draws their recent moves. */
const WATCHED = 12;
const HISTORY = 30;
const TRAJECTORIES = 16;

/** The settings of its table (`specs/ebm.ts`), typed by it. */
export type EbmSettings = ValuesOf<typeof ebmSpec.settings>;

/** The contrastive divergence loss with Du & Mordatch's regulariser, from the energies [n, 1] of data and negatives. */
export function contrastiveDivergenceLoss(positive: Tensor2D, negative: Tensor2D, alpha: number): Scalar {
  return tf.tidy(() =>
    tf.add(
      tf.sub(tf.mean(positive), tf.mean(negative)),
      tf.mul(alpha, tf.add(tf.mean(tf.square(positive)), tf.mean(tf.square(negative)))),
    ),
  );
}

/** The transposed weights [hidden…, output] that `energyGradient` multiplies by: made once per chain. */
export function transposedWeights(net: Mlp): Tensor2D[] {
  return [...net.hiddenLayers, net.outputLayer].map((layer) => tf.transpose(layer.weight as Tensor2D));
}

/**
 * ∇ₓE(x) of a leaky-ReLU MLP with one output, by the chain rule written out: g = w_outᵀ, then back through each
 * layer g ← (g ⊙ slope) Wᵀ with slope 1 where the unit is active and 0.2 elsewhere. The same numbers as `tf.grad`,
 * about ten times faster on WASM, which computes the transposed products of tfjs's own gradient slowly.
 */
export function energyGradient(net: Mlp, transposed: Tensor2D[], x: Tensor2D): Tensor2D {
  const outputs: Tensor2D[] = [];
  let h = x;
  for (const layer of net.hiddenLayers) {
    h = tf.fused.matMul({
      a: h,
      b: layer.weight as Tensor2D,
      bias: layer.bias,
      activation: "leakyrelu",
      leakyreluAlpha: LEAKY_SLOPE,
    }) as Tensor2D;
    outputs.push(h);
  }
  let g = transposed[outputs.length]!;
  for (let i = outputs.length - 1; i >= 0; i--) {
    const slope = tf.add(tf.mul(tf.step(outputs[i]!), 1 - LEAKY_SLOPE), LEAKY_SLOPE);
    g = tf.mul<Tensor2D>(i === outputs.length - 1 ? g : tf.matMul(g, transposed[i + 1]!), slope);
  }
  return tf.matMul(g, transposed[0]!);
}

/**
 * `steps` Langevin steps x ← x − (λ/2)·gradient(x) + √λ·η·z from `start`, the noise z drawn from `rng` in order.
 * Returns every state when `keep`, else only the last.
 */
export function runLangevin(
  start: Float32Array,
  steps: number,
  gradient: (x: Tensor2D) => Tensor2D,
  stepSize: number,
  noiseScale: number,
  rng: Random,
  keep = false,
): Float32Array[] {
  const n = start.length / 2;
  return tidyRead(() => {
    let x = tf.tensor2d(start, [n, 2]);
    const states: Tensor2D[] = [x];
    for (let k = 0; k < steps; k++) {
      const z = fillNormal(rng, new Float32Array(2 * n));
      const next = tf.tidy(() => langevinStep(x, tf.neg(gradient(x)), stepSize, tf.tensor2d(z, [n, 2]), noiseScale));
      if (keep) states.push(next);
      else x.dispose();
      x = next;
    }
    const flat = concatTensors(keep ? states : [x], 0).dataSync() as Float32Array;
    return Array.from({ length: keep ? states.length : 1 }, (_, k) => flat.slice(2 * n * k, 2 * n * (k + 1)));
  });
}

class EbmModel implements Model {
  private readonly energy: Mlp;
  /** The moving average of `energy`'s weights: the model that generates and is drawn. */
  private readonly average: Mlp;
  private readonly optimizer: FlatAdam;
  private readonly settings: EbmSettings;
  private readonly noise: Random;
  private readonly sampleNoise: Random;
  private readonly viewSeed: number;
  private readonly buffer: Float32Array;
  /** Recent positions of the watched chains, one polyline each (restarted when the chain restarts from noise). */
  private readonly histories: number[][];
  private chain: { n: number; states: Float32Array[] } | null = null;

  constructor(settings: EbmSettings, seed: number) {
    this.settings = settings;
    const root = createRandom(seed);
    this.noise = root.fork("noise");
    this.sampleNoise = root.fork("sample");
    this.viewSeed = root.fork("view").seed;
    this.buffer = uniformPoints(BUFFER_SIZE, HALF, root.fork("buffer"));
    this.histories = Array.from({ length: WATCHED }, (_, w) => [this.buffer[2 * w]!, this.buffer[2 * w + 1]!]);
    // Leaky ReLU, not a smooth activation: with SiLU (2–3 layers) the energy stayed a smooth ring on 8gaussians for
    // thousands of steps; piecewise-linear energies carve the eight wells within a few hundred, and Langevin copes.
    const spec: MlpSpec = { name: "energy", inputs: 2, hidden: [64, 64, 64], outputs: 1, activation: "leakyRelu" };
    this.energy = createMlp(spec, root.fork("network"));
    this.average = createMlp({ ...spec, name: "energy-average" }, root.fork("network"));
    this.optimizer = createFlatAdam(this.energy.variables, { learningRate: settings.learningRate });
  }

  /** K Langevin steps with the energy `net` from `start`. */
  private langevin(net: Mlp, start: Float32Array, steps: number, rng: Random, keep: boolean): Float32Array[] {
    const { stepSize, noiseScale } = this.settings;
    return tidyRead(() => {
      const transposed = transposedWeights(net);
      return runLangevin(start, steps, (x) => energyGradient(net, transposed, x), stepSize, noiseScale, rng, keep);
    });
  }

  trainStep(data: DataSource, read: boolean, step: number): Losses | null {
    this.optimizer.setLearningRate(learningRateAt(this.settings.learningRate, step, this.settings));
    const slots = new Int32Array(BATCH);
    for (let i = 0; i < BATCH; i++) slots[i] = i < WATCHED ? i : WATCHED + this.noise.int(BUFFER_SIZE - WATCHED);
    const { starts, fresh } = drawChainStarts(this.buffer, slots, FRESH, HALF, this.noise);
    const negatives = this.langevin(this.energy, starts, this.settings.langevinSteps, this.noise, false)[0]!;
    storeChains(this.buffer, slots, negatives);
    for (let w = 0; w < WATCHED; w++) {
      const history = this.histories[w]!;
      if (fresh[w]) history.splice(0, history.length, starts[2 * w]!, starts[2 * w + 1]!);
      history.push(negatives[2 * w]!, negatives[2 * w + 1]!);
      if (history.length > 2 * (HISTORY + 1)) history.splice(0, 2);
    }
    const positives = data.next(BATCH);
    let means: Scalar[] = [];
    const cost = tf.tidy(() => {
      // Positives then negatives, one batch of 2·BATCH rows, joined as plain numbers (no concat kernel per step).
      const both = new Float32Array(4 * BATCH);
      both.set(positives);
      both.set(negatives, 2 * BATCH);
      const x = tf.tensor2d(both, [2 * BATCH, 2]);
      const loss = this.optimizer.minimize(() => {
        const [positive, negative] = tf.split<Tensor2D>(this.energy.apply(x), 2, 0) as [Tensor2D, Tensor2D];
        // Kept out of the tape's clean-up so the chart can show both energies; freed below.
        means = [tf.keep(tf.mean(positive)), tf.keep(tf.mean(negative))];
        return contrastiveDivergenceLoss(positive, negative, this.settings.regularizer);
      });
      this.energy.variables.forEach((v, i) => {
        const a = this.average.variables[i]!;
        a.assign(tf.add(tf.mul(a, EMA_DECAY), tf.mul(v, 1 - EMA_DECAY)));
      });
      return loss;
    });
    this.chain = null;
    const result = read
      ? { loss: cost.dataSync()[0]!, positive: means[0]!.dataSync()[0]!, negative: means[1]!.dataSync()[0]! }
      : null;
    tf.dispose([cost, ...means]);
    return result;
  }

  sample(n: number): Float32Array {
    const start = uniformPoints(n, HALF, this.sampleNoise);
    return this.langevin(this.average, start, this.settings.sampleSteps, this.sampleNoise, false)[0]!;
  }

  /** exp(−E(x)) on the grid, scaled to a maximum of 1: the model's density up to its normalising constant. */
  private density(net: Mlp, request: ViewRequest): Float32Array {
    const grid = gridPoints(request.extent, request.gridSize);
    return tidyRead(() => {
      const energies = net.apply(tf.tensor2d(grid, [grid.length / 2, 2]));
      return tf.exp(tf.sub(tf.min(energies), energies)).dataSync() as Float32Array;
    });
  }

  view(request: ViewRequest): ViewFrame {
    const { gridSize } = request;
    if (request.view === "chains") {
      const stride = Math.max(1, Math.floor(BUFFER_SIZE / request.n));
      const points = new Float32Array(2 * Math.min(request.n, BUFFER_SIZE));
      for (let i = 0; i < points.length / 2; i++)
        points.set(this.buffer.subarray(2 * i * stride, 2 * i * stride + 2), 2 * i);
      return {
        samples: points,
        samplesLabel: { zh: "回放缓冲区里的持久链", en: "Persistent chains in the replay buffer" },
        field: {
          values: this.density(this.energy, request),
          gridSize,
          kind: "sequential",
          label: { zh: "当前 exp(−E(x))", en: "Current exp(−E(x))" },
        },
        paths: {
          lines: this.histories.map((h) => Float32Array.from(h)),
          label: { zh: "持久链最近的训练步", en: "The persistent chains' latest training step" },
        },
        caption: fill(
          {
            zh: "每段折线 = 一个训练步里的 {langevinSteps} 步朗之万",
            en: "Each polyline = the {langevinSteps} Langevin steps of one training step",
          },
          { langevinSteps: this.settings.langevinSteps },
        ),
      };
    }
    if (!this.chain || this.chain.n !== request.n) {
      const rng = createRandom(this.viewSeed);
      const start = uniformPoints(request.n, HALF, rng);
      this.chain = { n: request.n, states: this.langevin(this.average, start, this.settings.sampleSteps, rng, true) };
    }
    const states = this.chain.states;
    if (request.view !== "sampling") {
      return {
        samples: states.at(-1)!,
        field: {
          values: this.density(this.average, request),
          gridSize,
          kind: "sequential",
          label: { zh: "模型密度 exp(−E(x))（未归一化）", en: "Model density exp(−E(x)) (unnormalised)" },
        },
      };
    }
    // "Play" sweeps what is left from 100% to 0, i.e. runs the chains forwards; each draws its last ten steps.
    const total = states.length - 1;
    const k = Math.round(total * (1 - Math.min(100, Math.max(0, request.param ?? 0)) / 100));
    const first = Math.max(0, k - 10);
    const lines = pointTrails(states, Math.min(TRAJECTORIES, request.n), first, k);
    return {
      samples: states[k]!,
      paths: { lines, label: { zh: "朗之万链最近 10 步", en: "The Langevin chains' last 10 steps" } },
      caption: fill({ zh: "第 {k} / {total} 步", en: "Step {k} / {total}" }, { k, total }),
    };
  }

  weights(): Record<string, Variable> {
    return { ...mlpWeights(this.energy, "energy"), ...mlpWeights(this.average, "average") };
  }

  weightsChanged(): void {
    this.chain = null;
  }

  dispose(): void {
    this.energy.dispose();
    this.average.dispose();
    this.optimizer.dispose();
    this.chain = null;
  }
}

export const ebm: Family<typeof ebmSpec.settings> = {
  ...ebmSpec,
  create({ settings, seed }) {
    return new EbmModel(settings, seed);
  },
};
