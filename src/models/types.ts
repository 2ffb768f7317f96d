/**
 * The common interface of the families. A family is a table of settings, a list of views and a
 * `create` function; a model trains on batches of 2D points and draws samples. Nothing here touches the DOM.
 */
import type { DataSource } from "../lab/data-source.ts";
import type { DatasetName } from "../lab/dataset-names.ts";
import type { Dataset } from "../lab/own-data.ts";
import type { FamilyId } from "./ids.ts";
import type { Text } from "../i18n/text.ts";

import type { SettingSpec, SettingValues, ValuesOf } from "../settings/table.ts";

export type { SettingSpec, SettingValues, ValuesOf } from "../settings/table.ts";

type Variable = import("@tensorflow/tfjs-core").Variable;

/** A view of a model the demo can show; `param` adds a slider (e.g. the diffusion step t). */
export interface ViewSpec {
  id: string;
  label: Text;
  param?: {
    name: string;
    label: Text;
    min: number;
    max: number;
    step: number;
    default: number;
    /** A setting whose value replaces `max` (e.g. the number of diffusion steps T). */
    maxSetting?: string;
  };
  /** Whether the view has a "play" button that sweeps `param` (the reverse process). */
  playable?: boolean;
}

/** What a view asks the plot to draw: plain typed arrays in data coordinates. */
export interface ViewFrame {
  /** Generated points (shown as the model's samples). */
  samples?: Float32Array;
  /** The legend's name for `samples` ("生成样本" when absent). */
  samplesLabel?: Text;
  /** Whether to show the real data behind (true by default). */
  showData?: boolean;
  /**
   * Points coloured one by one, e.g. data encoded into a latent space, coloured by where each point came
   * from: `hues[i]` in [0, 1) picks point i's colour on a cyclic colour wheel.
   */
  colouredPoints?: { points: Float32Array; hues: Float32Array; label: Text };
  /** A scalar field on a gridSize×gridSize grid over the plot (row 0 = top, i.e. highest y). */
  field?: { values: Float32Array; gridSize: number; kind: "sequential" | "diverging"; label: Text };
  arrows?: { origins: Float32Array; vectors: Float32Array; label: Text };
  /** Polylines; each ends in a dot unless `dots` is false (e.g. the lines of a warped grid). */
  paths?: { lines: Float32Array[]; label: Text; dots?: boolean };
  /** Small bar charts under the plot, e.g. a marginal p(x₁) and a conditional p(x₂ | x₁). */
  bars?: BarChartData[];
  /** A short line under the plot, e.g. "t = 40 / 100". */
  caption?: Text;
}

/** One bar chart: `values[k]` is the height of bin k of `values.length` equal bins over [lo, hi]. */
export interface BarChartData {
  /** Title of the chart, e.g. "边缘分布 p(x₁)". */
  label: Text;
  /** What the bins run along, e.g. "x₁". */
  axis: string;
  lo: number;
  hi: number;
  values: Float32Array;
  /** A position on the axis to mark, e.g. the x₁ the reader picked. */
  marker?: number;
}

/** Losses of one training step as plain numbers, by series key (e.g. { discriminator, generator }). */
export type Losses = Record<string, number>;

export interface ViewRequest {
  view: string;
  /** The view's parameter value, if it has one. */
  param?: number;
  /** How many points to draw. */
  n: number;
  /** Half-width of the square plot, for fields on a grid. */
  extent: number;
  gridSize: number;
}

/**
 * What a model says about the likelihood of data points, in nats per point: `exact` when −log p(x) is computed
 * exactly (a flow's change of variables, an autoregressive product of conditionals), `elbo` when it is the negative
 * evidence lower bound of a latent-variable model, which is an upper bound on −log p(x).
 */
export interface LikelihoodEstimate {
  kind: "exact" | "elbo";
  /** The mean of −log p(x) (exact) or of −ELBO(x) (a bound, ≥ −log p(x)) over the points, in nats per point. */
  meanNll: number;
}

export interface Model {
  /**
   * One optimisation step, on fresh batches drawn from `data`. Reads the losses back (a GPU→CPU copy)
   * only when `read` is true; otherwise returns null, so the GPU can run ahead. `step` is this step's number in the
   * model's life, from 1, loaded weights' steps included (a schedule on the step count reads it).
   */
  trainStep(data: DataSource, read: boolean, step: number): Losses | null;
  /** n samples from the model, as interleaved xy. */
  sample(n: number): Float32Array;
  /** The data a view draws. */
  view(request: ViewRequest): ViewFrame;
  /**
   * The mean negative log-likelihood of interleaved xy points (or its ELBO bound), for families that have one;
   * absent for the others (a GAN, a diffusion or an energy model gives no tractable likelihood here).
   */
  logLikelihood?(points: Float32Array): LikelihoodEstimate;
  /**
   * Every learnt variable by a stable name (the same for every instance with these settings), for saving and
   * loading weights: the networks, any averaged copy used for sampling, and free parameters.
   */
  weights(): Record<string, Variable>;
  /** Called once new values were assigned to `weights()`: drops what was computed from the old ones (cached chains). */
  weightsChanged(): void;
  /** Frees every tensor and variable of the model. */
  dispose(): void;
}

/** What `create` gets: the family's settings, typed and checked by `readSettings`, the seed and the dataset. */
export interface CreateOptions<V = SettingValues> {
  settings: V;
  seed: number;
  dataset: Dataset;
}

/** A family as the page sees it: everything but the model code. */
export interface FamilySpec<S extends readonly SettingSpec[] = readonly SettingSpec[]> {
  id: FamilyId;
  title: Text;
  /** Settings particular to the family (dataset, seed and speed are common to all): its one settings table. */
  settings: S;
  views: readonly ViewSpec[];
  /** Series of the loss chart, by key. */
  lossSeries: readonly { key: string; label: Text }[];
  /** Batch size used for training. */
  batchSize: number;
  /** Steps after which the demo stops by itself; also the CLI's default `--steps`. */
  defaultSteps: number;
  /**
   * What is known to make this family diverge at these settings, beyond a learning rate that is too high: the
   * setting to lower and why, or null. The divergence message names it instead of blaming the learning rate.
   */
  divergenceCause?(settings: SettingValues): DivergenceCause | null;
  /**
   * The datasets this family is measured not to learn within its default budget at its default settings (some seed
   * of 1–3 above 0.2 in the benchmark's family × dataset table), each with why, in the article's language. The demo
   * says so when one is picked; the benchmark's report checks this list against what it measured.
   */
  hardDatasets?: Partial<Record<DatasetName, Text>>;
}

/** A setting known to make a run diverge, and why (in the article's language). */
export interface DivergenceCause {
  setting: string;
  why: Text;
}

/** A family with its model: `create` builds a fresh model from its typed settings, a seed and the dataset. */
export interface Family<S extends readonly SettingSpec[] = readonly SettingSpec[]> extends FamilySpec<S> {
  create(options: CreateOptions<ValuesOf<S>>): Model;
}

/**
 * Declares a family's spec so that its settings table keeps its literal types (names, choice values): `ValuesOf`
 * of `spec.settings` is then the exact type its `create` receives.
 */
export function defineFamilySpec<const S extends readonly SettingSpec[]>(spec: FamilySpec<S>): FamilySpec<S> {
  return spec;
}
