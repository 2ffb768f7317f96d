/**
 * The long runs' targets (issue 15) and the pure arithmetic that turns their samples into figures marked pass or
 * miss: a family training alone for minutes (tensors flat, JS heap growth under 5 MB, steps/s at the end within
 * 10 % of the start), and every demo at once (no main-thread task over 50 ms, input answered within 200 ms, each
 * demo making progress).
 */
import { rateBetween, spread } from "./browser-bench.ts";

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
  /**
   * The drift read window by window, where measured: the demo's steps/s in each window divided by the bare loop's
   * timed right after it while the demo sat paused (both speeds of a pair from the same minute of the machine);
   * `first` and `last` are the medians over the first and last `perEnd` windows, `drift` the last over the first,
   * `pass` when within 10 %.
   */
  paired?: { first: PairedRate; last: PairedRate; windows: number; perEnd: number; drift: number; pass: boolean };
  pass: boolean;
}

/** A demo's window (page clock, ms) and the bare loop's steps/s timed right after it, the demo paused. */
export interface PairedWindow {
  from: number;
  to: number;
  bare: number;
}

/** One end of a paired soak: the demo's steps/s, the bare loop's after it, and demo ÷ bare (each a median). */
export interface PairedRate {
  demo: number;
  bare: number;
  ratio: number;
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
  /** The demo's windows, each with the bare loop timed right after it; at least two to compare. */
  paired?: readonly PairedWindow[];
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
  if (input.paired) summary.paired = pairedDrift(readings, input.paired);
  return summary;
}

/**
 * The demo's drift against the bare loop, window by window: at each end of the run (its first and its last third
 * of windows, at least one), the median of demo ÷ bare over those windows; the drift is the end's over the
 * start's. A bare-loop window is 6 s, and one now and then runs a third slower or faster than its neighbours on
 * this machine: a single pair would let such a window decide the figure.
 */
export function pairedDrift(
  readings: readonly StepReading[],
  windows: readonly PairedWindow[],
): NonNullable<FamilySoakSummary["paired"]> {
  return pairedDriftOf(windows.map((w) => ({ demo: rateBetween(readings, w.from, w.to), bare: w.bare })));
}

/** `pairedDrift` from each window's demo and bare-loop steps/s. */
export function pairedDriftOf(
  rates: readonly { demo: number; bare: number }[],
): NonNullable<FamilySoakSummary["paired"]> {
  if (rates.length < 2) throw new Error(`a paired soak needs at least 2 windows, got ${rates.length}`);
  const perEnd = Math.max(1, Math.floor(rates.length / 3));
  const middle = (values: number[]) => spread(values).median;
  const end = (some: readonly { demo: number; bare: number }[]): PairedRate => ({
    demo: middle(some.map((r) => r.demo)),
    bare: middle(some.map((r) => r.bare)),
    ratio: middle(some.map((r) => r.demo / r.bare)),
  });
  const first = end(rates.slice(0, perEnd));
  const last = end(rates.slice(-perEnd));
  const drift = last.ratio / first.ratio;
  return {
    first,
    last,
    windows: rates.length,
    perEnd,
    drift,
    pass: Number.isFinite(drift) && Math.abs(drift - 1) <= SOAK_TARGETS.speedDrift,
  };
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
