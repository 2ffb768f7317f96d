/**
 * The long runs' targets (issue 15) and the pure arithmetic that turns their samples into figures marked pass or
 * miss: a family training alone for minutes (tensors flat, JS heap growth under 5 MB, steps/s at the end within
 * 10 % of the start), and every demo at once (no main-thread task over 50 ms, input answered within 200 ms, each
 * demo making progress).
 */
import { rateBetween } from "./browser-bench.ts";

export const SOAK_TARGETS = {
  /** JS heap growth (page and worker together) over the run, in bytes. */
  heapGrowthBytes: 5 * 1024 * 1024,
  /** Steps per second over the last window, against the first: within this fraction. */
  speedDrift: 0.1,
  longTaskMs: 50,
  inputMs: 200,
} as const;

/** One memory sample of a family soak, taken while training, after a forced garbage collection. */
export interface MemorySample {
  /** Seconds since the first click on Train. */
  t: number;
  numTensors: number;
  tensorBytes: number;
  /** JS heap in use (CDP Runtime.getHeapUsage), in bytes: the page's main thread, and the training worker's. */
  pageHeap: number;
  /** null where the worker could not be reached. */
  workerHeap: number | null;
}

/** A reading of the demo's step counter: page clock in ms, and whether it was training then. */
export interface StepReading {
  t: number;
  step: number;
  running: boolean;
}

export interface FamilySoakSummary {
  /** Tensor counts of the samples after the warm-up: first, last, fewest and most; pass when all are equal. */
  tensors: { start: number; end: number; min: number; max: number; pass: boolean };
  /** Heap growth in bytes from the first sample after the warm-up to the last; pass when page + worker < 5 MB. */
  heap: { page: number; worker: number | null; total: number; pass: boolean };
  /** Steps/s over the first and the last window of the run, and last / first; pass when within 10 %. */
  speed: { windowSeconds: number; first: number; last: number; ratio: number; pass: boolean };
  /**
   * The machine's own drift, where measured: the same family's bare loop (no page, no drawing) just before and just
   * after the soak, in steps/s, and the demo's drift read against it (ratio ÷ after/before); `pass` when that is
   * within 10 %. It tells a demo that slows down from a machine that does.
   */
  machine?: { before: number; after: number; ratio: number; demoAgainstMachine: number; pass: boolean };
  pass: boolean;
}

/** Steps/s of the bare loop just before and just after a soak. */
export interface MachineDrift {
  before: number;
  after: number;
}

/**
 * Summarises a family soak: `samples` (the first one taken after the warm-up) and the step readings from
 * `startMs` (the click on Train, page clock) to the end; speed is compared over the first and the last
 * `windowSeconds` after `warmupSeconds`. Throws when there is too little to compare.
 */
export function summariseFamilySoak(input: {
  samples: readonly MemorySample[];
  readings: readonly StepReading[];
  startMs: number;
  warmupSeconds: number;
  windowSeconds: number;
  machine?: MachineDrift;
}): FamilySoakSummary {
  const { samples, readings, startMs, warmupSeconds, windowSeconds } = input;
  if (samples.length < 2) throw new Error(`a soak needs at least 2 memory samples, got ${samples.length}`);
  const first = samples[0]!;
  const last = samples.at(-1)!;
  const counts = samples.map((s) => s.numTensors);
  const min = Math.min(...counts);
  const max = Math.max(...counts);
  const page = last.pageHeap - first.pageHeap;
  const worker = last.workerHeap === null || first.workerHeap === null ? null : last.workerHeap - first.workerHeap;
  const total = page + (worker ?? 0);
  const end = readings.at(-1)?.t ?? startMs;
  const measured = (end - startMs) / 1000 - warmupSeconds;
  if (measured < 2 * windowSeconds) {
    throw new Error(`${measured.toFixed(0)} s measured: too short for two ${windowSeconds} s windows`);
  }
  const from = startMs + warmupSeconds * 1000;
  const firstRate = rateBetween(readings, from, from + windowSeconds * 1000);
  const lastRate = rateBetween(readings, end - windowSeconds * 1000, end);
  const ratio = lastRate / firstRate;
  const tensors = { start: first.numTensors, end: last.numTensors, min, max, pass: min === max };
  const heap = { page, worker, total, pass: total < SOAK_TARGETS.heapGrowthBytes };
  const speed = {
    windowSeconds,
    first: firstRate,
    last: lastRate,
    ratio,
    pass: Number.isFinite(ratio) && Math.abs(ratio - 1) <= SOAK_TARGETS.speedDrift,
  };
  const summary: FamilySoakSummary = { tensors, heap, speed, pass: tensors.pass && heap.pass && speed.pass };
  if (input.machine) {
    const { before, after } = input.machine;
    const machineRatio = after / before;
    const demoAgainstMachine = ratio / machineRatio;
    summary.machine = {
      before,
      after,
      ratio: machineRatio,
      demoAgainstMachine,
      pass: Number.isFinite(demoAgainstMachine) && Math.abs(demoAgainstMachine - 1) <= SOAK_TARGETS.speedDrift,
    };
  }
  return summary;
}

/** One Event Timing entry (PerformanceObserver type "event"), as the page collects it. */
export interface EventTimingEntry {
  name: string;
  startTime: number;
  duration: number;
  /** Non-zero for the events of one interaction (a click's pointerdown, pointerup and click; a key press). */
  interactionId: number;
}

export interface ResponsivenessSummary {
  longTasks: { count: number; longestMs: number; pass: boolean };
  /**
   * Input latency: the longest event reported, and the 95th percentile over the interactions driven (an
   * interaction the browser did not report was under the 16 ms threshold and counts as 16 ms).
   */
  input: { interactions: number; reported: number; worstMs: number; p95Ms: number; pass: boolean };
  /** Steps each demo made during the measured time; pass when every demo made some. */
  progress: { steps: Record<string, number>; pass: boolean };
  pass: boolean;
}

/** The value at quantile q (0–1) of `values`, nearest rank. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/** Summarises the all-at-once run's long tasks, Event Timing entries and steps per demo against the targets. */
export function summariseResponsiveness(input: {
  longTasks: readonly { duration: number }[];
  events: readonly EventTimingEntry[];
  /** How many interactions (clicks, key presses) the benchmark drove. */
  interactions: number;
  steps: Record<string, number>;
  thresholdMs?: number;
}): ResponsivenessSummary {
  const threshold = input.thresholdMs ?? 16;
  const longestMs = Math.max(0, ...input.longTasks.map((t) => t.duration));
  const byInteraction = new Map<number, number>();
  for (const e of input.events) {
    if (e.interactionId > 0)
      byInteraction.set(e.interactionId, Math.max(byInteraction.get(e.interactionId) ?? 0, e.duration));
  }
  const latencies = [...byInteraction.values()];
  while (latencies.length < input.interactions) latencies.push(threshold);
  const worstMs = Math.max(0, ...input.events.map((e) => e.duration));
  const longTasks = { count: input.longTasks.length, longestMs, pass: longestMs <= SOAK_TARGETS.longTaskMs };
  const inputs = {
    interactions: input.interactions,
    reported: input.events.length,
    worstMs,
    p95Ms: quantile(latencies, 0.95),
    pass: input.interactions > 0 && worstMs <= SOAK_TARGETS.inputMs,
  };
  const steps = { ...input.steps };
  const progress = { steps, pass: Object.keys(steps).length > 0 && Object.values(steps).every((s) => s > 0) };
  return { longTasks, input: inputs, progress, pass: longTasks.pass && inputs.pass && progress.pass };
}
