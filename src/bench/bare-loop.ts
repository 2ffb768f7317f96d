/**
 * The benchmark's bare loop, run on a page of its own: the site's training worker driven through the same typed
 * client as the demos (`trainingWorker()`), with no demo element, no views and no drawing. What the demo adds on
 * top of this loop is the demo's overhead (`npm run bench` reports demo / bare).
 */
import type { BackendName } from "../lab/backend-names.ts";
import type { FamilyId } from "../models/ids.ts";
import { getFamilySpec } from "../models/specs.ts";
import { defaults } from "../settings/resolve.ts";
import { trainingWorker } from "../demo/worker-client.ts";

export interface BareRunRequest {
  family: FamilyId;
  backend: BackendName;
  /** Measurement windows after a one-second warm-up. */
  windows: number;
  windowMs: number;
  /** Steps per `train` call. */
  chunk: number;
  /** Keep the model for `runBareWindow` calls (ended by `endBareLoop`) instead of disposing of it. */
  keep?: boolean;
}

export interface BareRunResult {
  backend: BackendName;
  renderer: string | null;
  /** One training step on a fresh model, in the worker (includes WebGL shader compilation). */
  firstStepMs: number;
  /** Steps per second in each window. */
  rates: number[];
  /** Worker time to draw 2,000 samples, twice after one untimed draw. */
  sampleMs: number[];
}

const SESSION = "bare";

/** Trains `family` with its default settings (as a demo with no attribute has them) on 8gaussians, seed 1. */
export async function runBareLoop(request: BareRunRequest): Promise<BareRunResult> {
  const worker = trainingWorker();
  const choice = await worker.call("setBackend", { preferred: request.backend });
  const settings = defaults(getFamilySpec(request.family).settings);
  await worker.call("create", { session: SESSION, family: request.family, dataset: "8gaussians", seed: 1, settings });
  const firstStepMs = (await train(1)).ms;
  const warm = performance.now();
  while (performance.now() - warm < 1000) await train(request.chunk);
  const rates: number[] = [];
  for (let w = 0; w < request.windows; w++) rates.push(await runBareWindow(request.windowMs, request.chunk));
  await worker.call("sample", { session: SESSION, n: 2000 });
  const sampleMs: number[] = [];
  for (let i = 0; i < 2; i++) sampleMs.push((await worker.timed("sample", { session: SESSION, n: 2000 })).ms);
  if (!request.keep) await endBareLoop();
  return { backend: choice.name, renderer: choice.renderer ?? null, firstStepMs, rates, sampleMs };
}

function train(steps: number) {
  return trainingWorker().timed("train", { session: SESSION, steps, readEvery: 10 });
}

/** Trains the kept model for one window of `windowMs`, `chunk` steps a call; resolves with its steps per second. */
export async function runBareWindow(windowMs: number, chunk: number): Promise<number> {
  let steps = 0;
  const start = performance.now();
  while (performance.now() - start < windowMs) {
    await train(chunk);
    steps += chunk;
  }
  return (steps * 1000) / (performance.now() - start);
}

/** Disposes of the kept model. */
export async function endBareLoop(): Promise<void> {
  await trainingWorker().call("dispose", { session: SESSION });
}
