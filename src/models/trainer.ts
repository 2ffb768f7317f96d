/**
 * A model in training: the family's model, its seeded data stream, the step count, the loss history
 * and divergence detection. No DOM: used by the Web Worker behind the demos, by the CLI and by the tests.
 */
import { createDataStream, sampleDataset } from "../lab/datasets.ts";
import { datasetId, type Dataset } from "../lab/own-data.ts";
import type { DataSource } from "../lab/data-source.ts";
import { countMisses } from "../lab/metrics.ts";
import { createRandom } from "../lab/random.ts";
import { readSettings } from "../settings/read.ts";
import { SAMPLES_DIVERGED, type Divergence } from "./divergence.ts";
import type { Family, LikelihoodEstimate, Losses, Model, SettingValues, ViewFrame, ViewRequest } from "./types.ts";
import { assignWeights, writeWeights, type WeightsFile } from "../lab/weights-file.ts";

export interface TrainerOptions {
  family: Family;
  /** A toy dataset by name, or the reader's own points (trained on their training part only). */
  dataset: Dataset;
  seed: number;
  settings: SettingValues;
}

export interface TrainProgress {
  step: number;
  /** Losses at `step`, when they were read back in this call. */
  losses: Losses | null;
  /** Set when a loss became NaN or ±Inf, or the model drew non-finite samples: training must stop. */
  diverged: Divergence | null;
}

/** The loss curve, kept as plain arrays (appended every time losses are read back). */
export interface LossHistory {
  steps: number[];
  values: Record<string, number[]>;
}

export class Trainer {
  readonly family: Family;
  readonly options: TrainerOptions;
  private model: Model;
  private data: DataSource;
  step = 0;
  history: LossHistory;
  diverged: TrainProgress["diverged"] = null;

  constructor(options: TrainerOptions) {
    this.family = options.family;
    this.options = options;
    this.model = this.createModel();
    this.data = createDataStream(options.dataset, options.seed);
    this.history = this.emptyHistory();
  }

  /** A fresh model; its settings go through the table's one reader, which checks every value or throws. */
  private createModel(): Model {
    const { family, seed, dataset, settings } = this.options;
    return family.create({ settings: readSettings(family.settings, settings), seed, dataset });
  }

  private emptyHistory(): LossHistory {
    return { steps: [], values: Object.fromEntries(this.family.lossSeries.map((s) => [s.key, []])) };
  }

  /**
   * Runs `count` steps, or fewer if `timeBudgetMs` runs out first (the demo keeps each call short, so pausing
   * answers at once on a slow backend). Losses are read back (a GPU→CPU copy) every `readEvery` steps and on the
   * last one; a non-finite loss stops training at that step.
   */
  train(count: number, readEvery = 10, timeBudgetMs = Infinity): TrainProgress {
    let losses: Losses | null = null;
    const deadline = performance.now() + timeBudgetMs;
    for (let i = 0; i < count && !this.diverged; i++) {
      this.step++;
      const last = i === count - 1 || performance.now() >= deadline;
      const read = this.step % readEvery === 0 || last;
      const result = this.model.trainStep(this.data, read, this.step);
      if (result) {
        losses = result;
        this.history.steps.push(this.step);
        for (const [key, value] of Object.entries(result)) (this.history.values[key] ??= []).push(value);
        const bad = Object.entries(result).find(([, value]) => !Number.isFinite(value));
        if (bad) this.diverged = { step: this.step, series: bad[0] };
      }
      if (last) break;
    }
    return { step: this.step, losses, diverged: this.diverged };
  }

  /**
   * n samples of the model. Non-finite samples mean the run has diverged even if every loss is finite (a sampler
   * that overflows): training stops there, as for a NaN loss, and the samples are returned for the caller to report.
   */
  sample(n: number): Float32Array {
    const samples = this.model.sample(n);
    this.checkSamples(samples);
    return samples;
  }

  /** The model's weights now, with what it was made with and its step. */
  saveWeights(): WeightsFile {
    const { family, dataset, seed, settings } = this.options;
    return writeWeights(this.model.weights(), {
      family: family.id,
      dataset: datasetId(dataset),
      seed,
      step: this.step,
      settings,
    });
  }

  /**
   * Continues from `file`'s weights (of this family, networks of these sizes; `assignWeights` refuses anything else
   * and leaves the model as it was). The step count and history go on from here; a divergence is forgotten.
   */
  loadWeights(file: WeightsFile): void {
    assignWeights(this.model.weights(), file);
    this.model.weightsChanged();
    this.diverged = null;
  }

  view(request: ViewRequest): ViewFrame {
    const frame = this.model.view(request);
    if (frame.samples) this.checkSamples(frame.samples);
    return frame;
  }

  private checkSamples(samples: Float32Array): void {
    if (this.diverged) return;
    const { nonFinite } = countMisses(samples);
    if (nonFinite > 0) {
      this.diverged = { step: this.step, series: SAMPLES_DIVERGED, nonFinite, drawn: Math.floor(samples.length / 2) };
    }
  }

  /**
   * The model's mean negative log-likelihood (or ELBO bound) of n held-out data points, or null for a family without
   * one. The points come from their own fork of the seed, never from the training stream, so every family trained
   * with one seed is measured on the same points; on the reader's own data, they are its held-out points (at most n).
   */
  logLikelihood(n: number): LikelihoodEstimate | null {
    if (!this.model.logLikelihood) return null;
    const { dataset } = this.options;
    const points =
      typeof dataset === "string"
        ? sampleDataset(dataset, n, createRandom(this.options.seed).fork("likelihood"))
        : dataset.heldOut.subarray(0, 2 * n);
    return this.model.logLikelihood(points);
  }

  /** New weights from the same seed, step 0, empty history (the demo's Reset). */
  reset(): void {
    this.model.dispose();
    this.model = this.createModel();
    this.data = createDataStream(this.options.dataset, this.options.seed);
    this.step = 0;
    this.diverged = null;
    this.history = this.emptyHistory();
  }

  dispose(): void {
    this.model.dispose();
  }
}
