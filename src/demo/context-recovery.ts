/**
 * The worker's side of a lost WebGL context. While WebGL runs, each session's weights are copied to plain arrays
 * (a checkpoint) every `CHECKPOINT_EVERY_MS` of training: a lost context reads back only zeros, so that copy is all
 * that survives. On a loss, training moves to the next backend (WASM, then CPU), each model is made again there and
 * given its last checkpoint (its step and loss history go back to it), or starts again from step 0 when it has
 * none; the lost backend is replaced by a fresh one, so the reader may switch back to WebGL later.
 */
import { chooseBackend, type BackendChoice } from "../lab/backend.ts";
import type { WeightsFile } from "../lab/weights-file.ts";
import { replaceLostWebglBackend, webglContextLost } from "../lab/webgl-context.ts";
import { Trainer } from "../models/trainer.ts";
import { CORE_TEXT } from "../i18n/core-text.ts";
import type { BackendLoss } from "./worker-protocol.ts";

/** A session as the worker holds it: its trainer and how much of its history the page has. */
export interface WorkerSession {
  trainer: Trainer;
  sentHistory: number;
}

/**
 * Training time between two checkpoints on WebGL (ms). A checkpoint reads every weight back (the GAN's 26,117
 * numbers: a few ms on SwiftShader), so a second's worth of steps is what a loss can cost.
 */
export const CHECKPOINT_EVERY_MS = 1000;

const checkpoints = new Map<string, { file: WeightsFile; history: number; at: number }>();

/** After a training call: copies the session's weights if WebGL runs and its last copy is older than the interval. */
export function checkpoint(id: string, session: WorkerSession, backend: string, now = performance.now()): void {
  if (backend !== "webgl") return;
  const last = checkpoints.get(id);
  if (last && now - last.at < CHECKPOINT_EVERY_MS) return;
  const file = session.trainer.saveWeights();
  // Read on a context that was lost meanwhile: zeros, not weights.
  if (webglContextLost()) return;
  checkpoints.set(id, { file, history: session.trainer.history.steps.length, at: now });
}

/**
 * Copies the session's weights now, whatever the backend (it must be readable): a race keeps one before its WebGL
 * lap, since the model's weights move to WebGL there and a loss mid-lap would leave nothing to go back to.
 */
export function checkpointNow(id: string, session: WorkerSession, now = performance.now()): void {
  checkpoints.set(id, { file: session.trainer.saveWeights(), history: session.trainer.history.steps.length, at: now });
}

/** Forgets a session's checkpoint (a new model, a reset, a loaded file, the session's end). */
export function forgetCheckpoint(id: string): void {
  checkpoints.delete(id);
}

/**
 * The weights read back from the lost context, when they still can be (tfjs keeps a CPU copy of a tensor it has read
 * back, e.g. for the checkpoint): every variable finite and not all zeros (what a lost context gives; a fresh
 * model's biases are zeros too, and it is made again at no cost).
 */
function readOnLoss(trainer: Trainer): WeightsFile | null {
  try {
    const file = trainer.saveWeights();
    const usable = Object.values(file.weights).every(
      ({ values }) => values.some((v) => v !== 0) && values.every(Number.isFinite),
    );
    return usable ? file : null;
  } catch {
    return null;
  }
}

/**
 * Moves every session off a lost WebGL context: the next backend is chosen, each model is made again on it from
 * its checkpoint (or from scratch), and the lost backend is replaced. Returns what the page is told.
 */
export async function recoverLostContext(sessions: Map<string, WorkerSession>): Promise<BackendLoss> {
  const chosen = await chooseBackend("wasm", { disabled: ["webgl"] });
  const choice: BackendChoice = {
    ...chosen,
    fallbacks: [
      { backend: "webgl", reason: CORE_TEXT.backend.contextLost, why: "failed" },
      ...chosen.fallbacks.filter((f) => f.backend !== "webgl"),
    ],
  };
  const report: BackendLoss["sessions"] = [];
  for (const [id, old] of sessions) {
    const reached = old.trainer.step;
    const read = readOnLoss(old.trainer);
    const saved = read ? { file: read, history: old.trainer.history.steps.length } : checkpoints.get(id);
    const trainer = new Trainer(old.trainer.options);
    if (saved) {
      trainer.loadWeights(saved.file);
      trainer.step = saved.file.step;
      const kept = saved.history;
      trainer.history = {
        steps: old.trainer.history.steps.slice(0, kept),
        values: Object.fromEntries(Object.entries(old.trainer.history.values).map(([k, v]) => [k, v.slice(0, kept)])),
      };
    }
    try {
      old.trainer.dispose();
    } catch {
      // Its tensors lived on the lost context: there is nothing left to free.
    }
    sessions.set(id, { trainer, sentHistory: trainer.history.steps.length });
    checkpoints.delete(id);
    report.push({
      session: id,
      kept: saved ? (read ? "read" : "checkpoint") : null,
      step: trainer.step,
      lostSteps: reached - trainer.step,
    });
  }
  replaceLostWebglBackend();
  return { choice, sessions: report };
}
