/**
 * The comparison's scheduler, without DOM: every chosen family trains with its settings in the one training
 * worker, for the same training time (the worker's own measure of its train calls, so waits, scoring and drawing
 * do not count), either one after another or as a race that gives each family a short turn in rotation. Each turn
 * is one short train call, so the worker answers the page at once. At the start and every tenth of its budget
 * (between a quarter of a second and a second) of a family's training it is scored (the worker's quality score) and its samples fetched for its panel; at the end of its time its
 * likelihood (where it has one) and the time to draw 1,000 samples are measured, and its session is disposed.
 * A family that diverges or fails stops with its message; the others go on.
 */
import type { DatasetChoice } from "../lab/own-data.ts";
import { divergenceMessage, SAMPLES_DIVERGED, type Divergence } from "../models/divergence.ts";
import type { FamilyId } from "../models/ids.ts";
import { FAMILY_SPECS } from "../models/specs.ts";
import type { LikelihoodEstimate, SettingValues } from "../models/types.ts";
import { quotedReason } from "../demo/error-text.ts";
import type { WorkerClient } from "../demo/worker-client.ts";
import { networkEvaluations, type Evaluations } from "./evaluations.ts";
import type { CompareMode } from "./setup.ts";
import { COMPARE_TEXT } from "../i18n/compare-text.ts";
import { RECOGNISABLE_SCORE } from "../lab/recognisable.ts";
import { fill, type Text } from "../i18n/text.ts";

/** The quality score a family needs to reach for "seconds to ≤ 0.2". */
export const TARGET_SCORE = RECOGNISABLE_SCORE;

/** The pace of a comparison; tests shorten it. */
export const RACE_PACE = {
  /** Longest train call (ms): the page's other calls never wait longer than this for the worker. */
  tickMs: 35,
  /**
   * Training time between two scores of a family (ms): a tenth of the budget, within these bounds, so a short
   * budget still draws a curve and a long one is not slowed by scoring.
   */
  minScoreEveryMs: 250,
  maxScoreEveryMs: 1000,
  /** Samples scored each time, as the demos' live score. */
  qualityPoints: 2000,
  /** Samples drawn for a family's panel. */
  panelPoints: 600,
  /** Held-out points of the likelihood. */
  likelihoodPoints: 2000,
  /** Samples whose drawing is timed. */
  timedSamples: 1000,
} as const;

export type RunState = "waiting" | "training" | "done" | "diverged" | "failed" | "stopped";

/** One family's run as the page shows it; the scheduler updates it in place and reports each change. */
export interface FamilyRun {
  id: FamilyId;
  state: RunState;
  settings: SettingValues;
  steps: number;
  /** Training time so far (ms), as the worker measured its train calls. */
  trainedMs: number;
  /** The latest quality score (normalised: 0 = as good as fresh data, 1 = one Gaussian). */
  score: number | null;
  /** Every score so far, against the training seconds at which it was taken. */
  curve: { seconds: number; score: number }[];
  /** Training seconds at the first score ≤ TARGET_SCORE, or null while none is. */
  secondsToTarget: number | null;
  likelihood: LikelihoodEstimate | null;
  /** Worker time (ms) to draw `timedSamples` samples at the end. */
  sampleMs: number | null;
  evaluations: Evaluations;
  /** Why it stopped early (divergence, error), in the page's language. */
  message: Text | null;
  /** The latest samples for the panel, interleaved xy. */
  samples: Float32Array | null;
}

export interface ComparisonOptions {
  worker: WorkerClient;
  dataset: DatasetChoice;
  /** The reader's own points (interleaved xy), with `dataset: "own"`. */
  points?: Float32Array;
  seed: number;
  budgetSeconds: number;
  mode: CompareMode;
  /** Each family's settings, already checked by its table (see `familySettings`). */
  families: { id: FamilyId; settings: SettingValues }[];
  /** Called once with every run, before the first worker call. */
  onStart?: (runs: readonly FamilyRun[]) => void;
  /** Called after every change of a run. */
  onUpdate?: (run: FamilyRun) => void;
  /** Resolves when training may go on (the page waits here while its tab is hidden). */
  gate?: () => Promise<void>;
  /** Stops the comparison at the next turn when true: unfinished runs are disposed and marked stopped. */
  stopped?: () => boolean;
  /** Prefix of the worker's session ids. */
  sessionPrefix?: string;
  pace?: Partial<typeof RACE_PACE>;
}

/** A fresh run of a family, before it starts. */
export function newRun(id: FamilyId, settings: SettingValues): FamilyRun {
  return {
    id,
    state: "waiting",
    settings,
    steps: 0,
    trainedMs: 0,
    score: null,
    curve: [],
    secondsToTarget: null,
    likelihood: null,
    sampleMs: null,
    evaluations: networkEvaluations(id, settings),
    message: null,
    samples: null,
  };
}

/** Steps per second of training time, or null before any. */
export function stepsPerSecond(run: FamilyRun): number | null {
  return run.trainedMs > 0 ? run.steps / (run.trainedMs / 1000) : null;
}

/** Runs the comparison to the end (or until stopped); returns every family's run. */
export async function runComparison(options: ComparisonOptions): Promise<FamilyRun[]> {
  const pace = { ...RACE_PACE, ...options.pace };
  const { worker } = options;
  const budgetMs = options.budgetSeconds * 1000;
  const scoreEveryMs = Math.min(pace.maxScoreEveryMs, Math.max(pace.minScoreEveryMs, budgetMs / 10));
  const prefix = options.sessionPrefix ?? "compare";
  const gate = options.gate ?? (() => Promise.resolve());
  const stopped = options.stopped ?? (() => false);
  const runs = options.families.map(({ id, settings }) => newRun(id, settings));
  options.onStart?.(runs);
  const lastScoredAt = new Map<FamilyRun, number>();
  const session = (run: FamilyRun) => `${prefix}-${run.id}`;
  const update = (run: FamilyRun) => options.onUpdate?.(run);
  const live = (run: FamilyRun) => run.state === "training";

  const fail = (run: FamilyRun, error: unknown) => {
    run.state = "failed";
    run.message = fill(COMPARE_TEXT.runFailed, { reason: quotedReason(error) });
  };
  const diverge = (run: FamilyRun, divergence: Divergence) => {
    run.state = "diverged";
    // The demo's advice ends "then press Reset"; this page has no reset, a new comparison starts afresh.
    run.message = divergenceMessage(FAMILY_SPECS[run.id], divergence, run.settings, (setting) =>
      setting ? fill(COMPARE_TEXT.divergedAdvice, { setting }) : COMPARE_TEXT.learningRateAdvice,
    );
  };

  async function start(run: FamilyRun): Promise<void> {
    try {
      await worker.call("create", {
        session: session(run),
        family: run.id,
        dataset: options.dataset,
        ...(options.points ? { points: options.points } : {}),
        seed: options.seed,
        settings: run.settings,
      });
      run.state = "training";
      // The untrained model's score starts its curve at 0 s.
      await score(run);
    } catch (error) {
      fail(run, error);
    }
    update(run);
  }

  async function score(run: FamilyRun): Promise<void> {
    lastScoredAt.set(run, run.trainedMs);
    const quality = await worker.call("quality", { session: session(run), n: pace.qualityPoints });
    if (quality.nonFinite > 0) {
      diverge(run, { step: quality.step, series: SAMPLES_DIVERGED, nonFinite: quality.nonFinite, drawn: quality.n });
    }
    run.score = quality.normalised;
    const seconds = run.trainedMs / 1000;
    run.curve.push({ seconds, score: quality.normalised });
    if (run.secondsToTarget === null && quality.normalised <= TARGET_SCORE) run.secondsToTarget = seconds;
    run.samples = await worker.call("sample", { session: session(run), n: pace.panelPoints });
  }

  /** One short train call, then a score when a second of training has passed or the time is up. */
  async function turn(run: FamilyRun): Promise<void> {
    try {
      const left = budgetMs - run.trainedMs;
      const { result, ms } = await worker.timed("train", {
        session: session(run),
        steps: 100_000,
        readEvery: 50,
        timeBudgetMs: Math.max(1, Math.min(pace.tickMs, left)),
      });
      run.steps = result.step;
      run.trainedMs += ms;
      if (result.diverged) diverge(run, result.diverged);
      else if (run.trainedMs >= budgetMs || run.trainedMs - (lastScoredAt.get(run) ?? 0) >= scoreEveryMs) {
        await score(run);
      }
    } catch (error) {
      fail(run, error);
    }
    update(run);
    if (!live(run) || run.trainedMs >= budgetMs) await finish(run);
  }

  /** The end of a family's time: its likelihood and sampling time (when it did not stop early), then dispose. */
  async function finish(run: FamilyRun): Promise<void> {
    try {
      if (run.state === "training") {
        if ((lastScoredAt.get(run) ?? -1) < run.trainedMs) await score(run);
      }
      if (run.state === "training") {
        run.likelihood = await worker.call("likelihood", { session: session(run), n: pace.likelihoodPoints });
        const { ms } = await worker.timed("sample", { session: session(run), n: pace.timedSamples });
        run.sampleMs = ms;
        run.state = "done";
      }
    } catch (error) {
      fail(run, error);
    }
    try {
      await worker.call("dispose", { session: session(run) });
    } catch {
      // A session the worker never made (create failed) has nothing to free.
    }
    update(run);
  }

  async function stopAll(): Promise<void> {
    for (const run of runs) {
      if (run.state !== "training" && run.state !== "waiting") continue;
      const wasLive = run.state === "training";
      run.state = "stopped";
      if (wasLive) await worker.call("dispose", { session: session(run) }).catch(() => undefined);
      update(run);
    }
  }

  if (options.mode === "turns") {
    for (const run of runs) {
      if (stopped()) break;
      await start(run);
      while (live(run)) {
        await gate();
        if (stopped()) break;
        await turn(run);
      }
    }
  } else {
    for (const run of runs) await start(run);
    for (const run of runs) if (run.state === "failed") await finish(run);
    while (runs.some(live) && !stopped()) {
      for (const run of runs.filter(live)) {
        await gate();
        if (stopped()) break;
        await turn(run);
      }
    }
  }
  if (stopped()) await stopAll();
  return runs;
}
