/**
 * One demo's model in the training worker, without DOM: creating it, training ticks, the loss history, the
 * training budget, divergence, and the pace of views and quality scores (each costs the worker time training could
 * use). The controller turns what it returns into pixels; tests drive it with a fake worker and clock.
 */
import type { DatasetChoice, DatasetName } from "../lab/dataset-names.ts";
import type { Divergence } from "../models/divergence.ts";
import type { FamilyId } from "../models/ids.ts";
import type { LossHistory } from "../models/trainer.ts";
import type { FamilySpec, SettingValues, ViewFrame, ViewRequest } from "../models/types.ts";
import type { WorkerClient } from "./worker-client.ts";
import type { BackendLoss, QualityResult } from "./worker-protocol.ts";

/** How often views and scores come: at least this far apart, and at most that far apart however costly. */
export const PACE = {
  drawEveryMs: 250,
  qualityEveryMs: 3000,
  maxDrawEveryMs: 2000,
  maxQualityEveryMs: 8000,
  /**
   * A view (or a score) that costs the worker `ms` is asked for at most every `ms × workerShare` (the score half as
   * often), so views take at most about 1/workerShare of the time training could use and scores half that: 6 %
   * together. (At 15, 10 %: the EBM's 90-ms views and 170-ms scores held its demo under 0.9 of the bare loop's
   * speed.) The ceiling above still has the costliest views (DDPM's, the EBM's) come every 2 s.
   */
  workerShare: 25,
} as const;

/** Losses are read back every this many steps. */
const READ_EVERY = 10;
/** A tick trains for at most about this long, whatever the speed setting: pausing takes effect at once. */
const TICK_BUDGET_MS = 100;

/**
 * What a training tick came to: go on, stop at the end of the training budget, or stop on a divergence; `dropped`:
 * not sent, training having stopped while it waited for a view or score (see `DemoSession.train`).
 */
export type TickOutcome =
  | { kind: "continue" }
  | { kind: "dropped" }
  | { kind: "budget"; step: number }
  /** `first`: the first tick to see it (two are in flight, and both come back with it); only that one says so. */
  | { kind: "diverged"; divergence: Divergence; first: boolean };

export class DemoSession {
  readonly family: FamilySpec;
  private readonly worker: WorkerClient;
  private readonly id: string;
  private readonly now: () => number;
  step = 0;
  readonly history: LossHistory = { steps: [], values: {} };
  /** The losses of the last step that read them back. */
  lastLosses: Record<string, number> | null = null;
  private budget: number;
  private divergenceReported = false;
  private lastView = -Infinity;
  private lastQuality = -Infinity;
  private drawEvery: number = PACE.drawEveryMs;
  private qualityEvery: number = PACE.qualityEveryMs;
  /** This demo's views and scores in the worker now: a paced one waits for its kind, a tick for both. */
  private readonly inWorker = { view: new Set<Promise<unknown>>(), quality: new Set<Promise<unknown>>() };

  constructor(worker: WorkerClient, family: FamilySpec, id: string, now: () => number = () => performance.now()) {
    this.worker = worker;
    this.family = family;
    this.id = id;
    this.now = now;
    this.budget = family.defaultSteps;
  }

  /**
   * A fresh model with these settings (dataset and seed among them): step 0, empty history. With the dataset
   * `own`, `points` are the reader's points, sent to the worker with this call.
   */
  async create(values: SettingValues, points?: Float32Array): Promise<void> {
    await this.worker.call("create", {
      session: this.id,
      family: this.family.id as FamilyId,
      dataset: values.dataset as DatasetChoice,
      ...(points ? { points } : {}),
      seed: Number(values.seed),
      settings: values,
    });
    this.step = 0;
    this.budget = this.family.defaultSteps;
    this.history.steps = [];
    this.history.values = {};
    this.lastLosses = null;
    this.divergenceReported = false;
  }

  /**
   * Trains up to `steps` steps (fewer if the tick's time budget runs out); at the end of a budget the next starts.
   * A tick asked for while this demo's view or score is in the worker waits here until it is back, and is dropped if
   * `wanted()` is then false: sent at once, it would wait in the worker's queue, where a pause no longer reaches it,
   * and the step counter would move on a second or more after Pause (a paced DDPM score takes that long).
   */
  async train(steps: number, wanted: () => boolean = () => true): Promise<TickOutcome> {
    const pending = () => [...this.inWorker.view, ...this.inWorker.quality];
    if (pending().length > 0) {
      while (pending().length > 0) await Promise.allSettled(pending());
      if (!wanted()) return { kind: "dropped" };
    }
    const progress = await this.worker.call("train", {
      session: this.id,
      steps,
      readEvery: steps === 1 ? 1 : READ_EVERY,
      timeBudgetMs: TICK_BUDGET_MS,
    });
    this.step = progress.step;
    this.append(progress.newHistory);
    if (progress.diverged) {
      const first = !this.divergenceReported;
      this.divergenceReported = true;
      return { kind: "diverged", divergence: progress.diverged, first };
    }
    if (this.step >= this.budget) {
      this.budget = this.step + this.family.defaultSteps;
      return { kind: "budget", step: this.step };
    }
    return { kind: "continue" };
  }

  private append(delta: LossHistory): void {
    if (delta.steps.length === 0) return;
    this.history.steps.push(...delta.steps);
    for (const [key, values] of Object.entries(delta.values)) (this.history.values[key] ??= []).push(...values);
    this.lastLosses = Object.fromEntries(Object.entries(delta.values).map(([k, v]) => [k, v.at(-1)!]));
  }

  /** Whether a paced view is due now (none in flight, and the last one long enough ago for what it cost). */
  viewDue(): boolean {
    return this.inWorker.view.size === 0 && this.now() - this.lastView > this.drawEvery;
  }

  /** Whether a paced quality score is due now. */
  qualityDue(): boolean {
    return this.inWorker.quality.size === 0 && this.now() - this.lastQuality > this.qualityEvery;
  }

  /** The view `request` asks for; what it cost sets when the next paced one is due. */
  view(request: ViewRequest): Promise<ViewFrame> {
    return this.paced("view", async () => {
      this.lastView = this.now();
      const { result, ms } = await this.worker.timed("view", { session: this.id, request });
      this.drawEvery = Math.min(PACE.maxDrawEveryMs, Math.max(PACE.drawEveryMs, ms * PACE.workerShare));
      return result;
    });
  }

  /** The quality score of n fresh samples; what it cost sets when the next paced one is due. */
  quality(n: number): Promise<QualityResult> {
    return this.paced("quality", async () => {
      this.lastQuality = this.now();
      const { result, ms } = await this.worker.timed("quality", { session: this.id, n });
      this.qualityEvery = Math.min(PACE.maxQualityEveryMs, Math.max(PACE.qualityEveryMs, ms * PACE.workerShare * 2));
      return result;
    });
  }

  /** Runs `call`, counted among this demo's calls of `kind` in the worker until it has settled. */
  private async paced<T>(kind: "view" | "quality", call: () => Promise<T>): Promise<T> {
    const running = call();
    this.inWorker[kind].add(running);
    try {
      return await running;
    } finally {
      this.inWorker[kind].delete(running);
    }
  }

  /** A score for the benchmark's probe, with the worker time it took; it does not move the pace. */
  async probeQuality(n: number): Promise<{ normalised: number; step: number; ms: number }> {
    const { result, ms } = await this.worker.timed("quality", { session: this.id, n });
    return { normalised: result.normalised, step: result.step, ms };
  }

  /** n samples of the model now, interleaved xy (what the reader exports). */
  sample(n: number): Promise<Float32Array> {
    return this.worker.call("sample", { session: this.id, n });
  }

  /** The model's weights, as a file. */
  weights() {
    return this.worker.call("weights", { session: this.id });
  }

  /** Continues training from the weights in `text` (a file the reader chose); rejects with what is wrong. */
  async loadWeights(text: string): Promise<void> {
    await this.worker.call("loadWeights", { session: this.id, text });
    this.divergenceReported = false;
  }

  /**
   * Replaces the model by the one in `text` (a shipped snapshot), made with the file's own dataset, seed and
   * settings, at the file's step, with an empty loss history; resolves with what it was made with, or rejects with
   * what is wrong (the model left as it was).
   */
  async loadTrained(text: string): Promise<{ dataset: DatasetName; seed: number; settings: SettingValues }> {
    const { step, dataset, seed, settings } = await this.worker.call("loadTrained", { session: this.id, text });
    this.step = step;
    this.budget = step + this.family.defaultSteps;
    this.history.steps = [];
    this.history.values = {};
    this.lastLosses = null;
    this.divergenceReported = false;
    return { dataset, seed, settings };
  }

  /**
   * The worker lost its WebGL context and made this model again on another backend, from its last checkpoint or
   * from scratch: the step and the loss history go back to where it goes on from. Returns this session's part of
   * `lost`, or null when `lost` does not name it (a model made after the loss).
   */
  rewound(lost: BackendLoss): BackendLoss["sessions"][number] | null {
    const mine = lost.sessions.find((s) => s.session === this.id);
    if (!mine) return null;
    this.step = mine.step;
    const kept = this.history.steps.findIndex((step) => step > mine.step);
    if (kept >= 0) {
      this.history.steps.length = kept;
      for (const values of Object.values(this.history.values)) values.length = Math.min(values.length, kept);
    }
    const last = this.history.steps.length - 1;
    this.lastLosses =
      last < 0 ? null : Object.fromEntries(Object.entries(this.history.values).map(([k, v]) => [k, v[last]!]));
    this.divergenceReported = false;
    return mine;
  }

  /** What the model in the worker was created with. */
  modelSettings() {
    return this.worker.call("session", { session: this.id });
  }

  dispose(): void {
    void this.worker.call("dispose", { session: this.id });
  }
}
