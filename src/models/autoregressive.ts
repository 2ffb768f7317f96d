/**
 * A discretised autoregressive model of 2D points, the factorisation of PixelCNN (van den Oord et al. 2016,
 * "Pixel Recurrent Neural Networks", eq. 1: p(x) = Π_i p(x_i | x_1, …, x_{i−1}), each factor a softmax over
 * discrete values) applied to two coordinates: p(x) = p(x₁) · p(x₂ | x₁). Each coordinate is cut into B equal
 * bins over [−4.5, 4.5]; P(b₁) is a learned vector of logits and P(b₂ | b₁) a softmax over the B logits of an
 * MLP that reads the centre of x₁'s bin. Within a cell the density is uniform, so the model is a continuous
 * density, p(x) = P(b₁) P(b₂ | b₁) / w², trained by exact maximum likelihood (cross-entropy):
 *   L = −E_x [log P(b₁(x)) + log P(b₂(x) | b₁(x))] + 2 log w   (nats per point).
 * Points outside the square count in its edge bins. Sampling is sequential: b₁ ~ P(b₁), then b₂ ~ P(b₂ | b₁),
 * each coordinate uniform within its bin.
 */
import { tf } from "#tf";
import { tidyRead } from "../lab/tidy-read.ts";
import {
  binCentre,
  binIndex,
  binWidth,
  density,
  meanNll,
  sampleBinned,
  softmaxRows,
  type BinTables,
  type Bins,
} from "../lab/binned-density.ts";
import type { DataSource } from "../lab/data-source.ts";
import { sampleDataset } from "../lab/datasets.ts";
import type { Dataset } from "../lab/own-data.ts";
import { gridPoints } from "../lab/grid.ts";
import { createFlatAdam, type FlatAdam } from "../lab/flat-adam.ts";
import { createMlp, mlpWeights, type Mlp } from "../lab/mlp.ts";
import { createRandom, type Random } from "../lab/random.ts";
import { autoregressiveSpec } from "./specs/autoregressive.ts";
import type {
  CreateOptions,
  Family,
  LikelihoodEstimate,
  Losses,
  Model,
  ValuesOf,
  ViewFrame,
  ViewRequest,
} from "./types.ts";
import { fill, same } from "../i18n/text.ts";

type Tensor2D = import("@tensorflow/tfjs-core").Tensor2D;
type Variable = import("@tensorflow/tfjs-core").Variable;

const BATCH = autoregressiveSpec.batchSize;
const RANGE = { lo: -4.5, hi: 4.5 } as const;
const HIDDEN = [64, 64];
/**
 * The marginal's logits are this multiple of their variable: Adam moves every variable by about the learning
 * rate per step, and logits must travel several units (log-odds of crowded against empty bins), far more than
 * the network's weights, so this lets P(b₁) keep pace with P(b₂ | b₁).
 */
const MARGINAL_SCALE = 10;
/** Held-out points for the live NLL, drawn once per model from a fork of the seed. */
const HELD_OUT = 1000;

/** How the conditional network reads x₁: its bin one-hot (an embedding per bin) or the bin centre as one number. */
export const X1_INPUTS = ["onehot", "centre"] as const;
export type X1Input = (typeof X1_INPUTS)[number];

/** The settings of its table (`specs/autoregressive.ts`), typed by it. */
export type AutoregressiveSettings = ValuesOf<typeof autoregressiveSpec.settings>;

/** The autoregressive model, with its probability tables open to tests. */
export class AutoregressiveModel implements Model {
  readonly bins: Bins;
  /** Logits of P(b₁), divided by MARGINAL_SCALE. */
  private readonly marginalLogits: Variable;
  /** x₁'s bin (one-hot or centre) → logits of P(b₂ | b₁). */
  private readonly conditional: Mlp;
  private readonly optimizer: FlatAdam;
  /** Samples draw from their own stream, so drawing them (views, scores) never changes the training run. */
  private readonly sampleNoise: Random;
  private readonly viewNoise: Random;
  private readonly heldOut: Float32Array;
  private readonly x1Input: X1Input;
  private cached: BinTables | null = null;

  constructor(settings: AutoregressiveSettings, seed: number, dataset: Dataset) {
    this.bins = { count: settings.bins, ...RANGE };
    this.x1Input = settings.x1Input;
    const root = createRandom(seed);
    this.sampleNoise = root.fork("sample");
    this.viewNoise = root.fork("view");
    this.heldOut = sampleDataset(dataset, HELD_OUT, root.fork("held-out"));
    this.marginalLogits = tf.tidy(() => tf.variable(tf.zeros([settings.bins]), true));
    this.conditional = createMlp(
      {
        name: "conditional",
        inputs: settings.x1Input === "onehot" ? settings.bins : 1,
        hidden: HIDDEN,
        outputs: settings.bins,
        activation: "relu",
      },
      root.fork("conditional"),
    );
    this.optimizer = createFlatAdam([this.marginalLogits, ...this.conditional.variables], {
      learningRate: settings.learningRate,
    });
  }

  trainStep(data: DataSource, read: boolean): Losses | null {
    const { count } = this.bins;
    const x = data.next(BATCH);
    // Plain-number inputs: x₁'s bins, the frequency of each b₁ in the batch, and b₂ one-hot.
    const first = new Int32Array(BATCH);
    const frequencies = new Float32Array(count);
    const targets = new Float32Array(BATCH * count);
    for (let i = 0; i < BATCH; i++) {
      first[i] = binIndex(this.bins, x[2 * i]!);
      frequencies[first[i]!]! += 1 / BATCH;
      targets[i * count + binIndex(this.bins, x[2 * i + 1]!)] = 1;
    }
    const logArea = 2 * Math.log(binWidth(this.bins));
    const cost = tf.tidy(() => {
      const c = this.conditionInput(first);
      const f = tf.tensor1d(frequencies);
      const t = tf.tensor2d(targets, [BATCH, count]);
      return this.optimizer.minimize(() => {
        const marginal = tf.sum(tf.mul(tf.logSoftmax(tf.mul(this.marginalLogits, MARGINAL_SCALE)), f));
        const conditional = tf.div(tf.sum(tf.mul(tf.logSoftmax(this.conditional.apply(c)), t)), BATCH);
        return tf.sub(logArea, tf.add(marginal, conditional));
      });
    });
    this.cached = null;
    const result = read ? { nll: cost.dataSync()[0]!, heldOut: meanNll(this.tables(), this.heldOut) } : null;
    cost.dispose();
    return result;
  }

  /** The conditional network's input for a batch of x₁ bins. Call inside tf.tidy. */
  private conditionInput(first: Int32Array): Tensor2D {
    const { count } = this.bins;
    if (this.x1Input === "centre") {
      return tf.tensor2d(
        Float32Array.from(first, (k) => binCentre(this.bins, k)),
        [first.length, 1],
      );
    }
    const oneHot = new Float32Array(first.length * count);
    first.forEach((k, i) => (oneHot[i * count + k] = 1));
    return tf.tensor2d(oneHot, [first.length, count]);
  }

  /** P(b₁) and P(b₂ | b₁) for every b₁, from one pass of the network over the B bins. */
  tables(): BinTables {
    if (this.cached) return this.cached;
    const { count } = this.bins;
    const [marginal, conditional] = tidyRead(() => [
      tf.mul(this.marginalLogits, MARGINAL_SCALE).dataSync(),
      this.conditional.apply(this.conditionInput(Int32Array.from({ length: count }, (_, k) => k))).dataSync(),
    ]);
    this.cached = {
      bins: this.bins,
      marginal: softmaxRows(marginal!, count),
      conditional: softmaxRows(conditional!, count),
    };
    return this.cached;
  }

  /** The exact mean −log p(x) of the points: −log P(b₁) − log P(b₂ | b₁) + 2 log w. */
  logLikelihood(points: Float32Array): LikelihoodEstimate {
    return { kind: "exact", meanNll: meanNll(this.tables(), points) };
  }

  sample(n: number): Float32Array {
    return sampleBinned(this.tables(), n, this.sampleNoise);
  }

  view(request: ViewRequest): ViewFrame {
    const tables = this.tables();
    const grid = gridPoints(request.extent, request.gridSize);
    const values = new Float32Array(grid.length / 2).map((_, i) => density(tables, grid[2 * i]!, grid[2 * i + 1]!));
    const field = {
      values,
      gridSize: request.gridSize,
      kind: "sequential" as const,
      label: { zh: "模型密度 p(x)", en: "Model density p(x)" },
    };
    if (request.view !== "conditional") {
      // The same random stream each time, so the samples move only as the model learns.
      const samples = sampleBinned(tables, request.n, createRandom(this.viewNoise.seed).fork("samples"));
      return { samples, field };
    }
    const { count, lo, hi } = this.bins;
    const x1 = Math.min(hi, Math.max(lo, request.param ?? 0));
    const b1 = binIndex(this.bins, x1);
    const row = new Float32Array(tables.conditional.subarray(b1 * count, (b1 + 1) * count));
    const left = lo + b1 * binWidth(this.bins);
    const bin = `[${left.toFixed(2)}, ${(left + binWidth(this.bins)).toFixed(2)})`;
    return {
      field,
      paths: { lines: [new Float32Array([x1, lo, x1, hi])], label: same(`x₁ = ${x1.toFixed(1)}`), dots: false },
      bars: [
        {
          label: { zh: "边缘分布 p(x₁)", en: "Marginal p(x₁)" },
          axis: "x₁",
          lo,
          hi,
          values: new Float32Array(tables.marginal),
          marker: x1,
        },
        {
          label: fill({ zh: "条件分布 p(x₂ | x₁ = {x1})", en: "Conditional p(x₂ | x₁ = {x1})" }, { x1: x1.toFixed(1) }),
          axis: "x₂",
          lo,
          hi,
          values: row,
        },
      ],
      caption: fill(
        {
          zh: "x₁ 落在第 {v} / {count} 个区间 {bin}，P(该区间) = {v2}",
          en: "x₁ falls in bin {v} / {count} {bin}, P(that bin) = {v2}",
        },
        { v: b1 + 1, count, bin, v2: tables.marginal[b1]!.toFixed(3) },
      ),
    };
  }

  weights(): Record<string, Variable> {
    return { marginalLogits: this.marginalLogits, ...mlpWeights(this.conditional, "conditional") };
  }

  weightsChanged(): void {
    this.cached = null;
  }

  dispose(): void {
    this.marginalLogits.dispose();
    this.conditional.dispose();
    this.optimizer.dispose();
    this.cached = null;
  }
}

export function createAutoregressiveModel({
  settings,
  seed,
  dataset,
}: CreateOptions<AutoregressiveSettings>): AutoregressiveModel {
  return new AutoregressiveModel(settings, seed, dataset);
}

export const autoregressive: Family<typeof autoregressiveSpec.settings> = {
  ...autoregressiveSpec,
  create: createAutoregressiveModel,
};
