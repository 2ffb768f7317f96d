/**
 * Messages between the page and the training worker. The page sends `{ id, method, args }`;
 * the worker answers `{ id, ok: true, result }` or `{ id, ok: false, error }`, one call at a time.
 */
import type { BackendChoice } from "../lab/backend.ts";
import type { BackendName } from "../lab/backend-names.ts";
import type { RaceOutcome } from "../lab/backend-race.ts";
import type { DatasetName } from "../lab/dataset-names.ts";
import type { QualityScore } from "../lab/metrics.ts";
import type { DatasetChoice } from "../lab/own-data.ts";
import type { WeightsFile } from "../lab/weights-file.ts";
import type { FamilyId } from "../models/ids.ts";
import type { LossHistory, TrainProgress } from "../models/trainer.ts";
import type { LikelihoodEstimate, SettingValues, ViewFrame, ViewRequest } from "../models/types.ts";
import type { Text } from "../i18n/text.ts";

/** The quality score (the same function as the CLI's and the benchmark's) at the step the samples were drawn. */
export interface QualityResult extends QualityScore {
  /** The training step the samples were drawn at. */
  step: number;
}

export interface WorkerApi {
  /**
   * Chooses the backend (preferred first, then WebGL, WASM, CPU). `automatic`: nobody asked for this backend,
   * so a software-rendered WebGL is passed over for WASM.
   */
  setBackend(args: { preferred: BackendName; disabled?: BackendName[]; automatic?: boolean }): BackendChoice;
  /**
   * Races `candidates` on this session's own model, `windowMs` of timed training each after a short warm-up (the
   * steps count as the session's training), then keeps the fastest running. After a race in which every candidate
   * failed, the backend that ran before is restored and the call throws.
   */
  raceBackends(args: { session: string; candidates: BackendName[]; windowMs: number }): RaceOutcome & {
    choice: BackendChoice;
  };
  /**
   * A fresh model. With `dataset: "own"`, `points` are the reader's own points (interleaved xy, sent once here):
   * split by the seed into training and held-out points (see own-data.ts).
   */
  create(args: {
    session: string;
    family: FamilyId;
    dataset: DatasetChoice;
    points?: Float32Array;
    seed: number;
    settings: SettingValues;
  }): {
    step: number;
  };
  /** Runs steps; returns the progress and the loss points recorded since the last call. */
  train(args: {
    session: string;
    steps: number;
    readEvery: number;
    /** Stop early after this long (ms), so a tick stays short on a slow backend. */
    timeBudgetMs?: number;
  }): TrainProgress & { newHistory: LossHistory };
  view(args: { session: string; request: ViewRequest }): ViewFrame;
  quality(args: { session: string; n: number }): QualityResult;
  /**
   * The mean negative log-likelihood (exact) or negative ELBO (a bound) of n held-out data points, in nats per
   * point, or null when the family has no likelihood.
   */
  likelihood(args: { session: string; n: number }): LikelihoodEstimate | null;
  /** What the session's model was created with (tests read it back to check a setting reached the model). */
  session(args: { session: string }): {
    family: FamilyId;
    dataset: DatasetChoice;
    seed: number;
    settings: SettingValues;
  };
  /** The model's weights now, as the JSON file the reader downloads. */
  weights(args: { session: string }): WeightsFile;
  /** Continues from the weights in a file's text (checked: the family, every name and shape); throws what is wrong. */
  loadWeights(args: { session: string; text: string }): { step: number };
  /**
   * Replaces the session's model by one made with a weights file's own dataset, seed and settings, its weights
   * loaded and its step the file's (a shipped snapshot). Throws what is wrong and leaves the model as it was.
   */
  loadTrained(args: { session: string; text: string }): {
    step: number;
    dataset: DatasetName;
    seed: number;
    settings: SettingValues;
  };
  /** n samples of the model, interleaved xy (the benchmark times it). */
  sample(args: { session: string; n: number }): Float32Array;
  reset(args: { session: string }): { step: number };
  dispose(args: { session: string }): { sessions: number };
  memory(args: Record<string, never>): { numTensors: number; numBytes: number; backend: string; sessions: number };
  /** Debug: an uncaught error in the worker, thrown after this call has answered (genDemoDebug.crashWorker()). */
  debugCrash(args: Record<string, never>): { ok: true };
  /** Debug: a busy loop in the worker once this call has answered, so it never answers again (…hangWorker()). */
  debugHang(args: Record<string, never>): { ok: true };
  /**
   * Debug: loses the WebGL context through the WEBGL_lose_context extension (…loseWebglContext()); false when the
   * backend running is not WebGL.
   */
  debugLoseContext(args: Record<string, never>): { lost: boolean };
  /**
   * Debug: the next race loses the WebGL context in its WebGL lap, right after the lap's warm-up steps
   * (…loseWebglContextInRace()).
   */
  debugLoseContextInRace(args: Record<string, never>): { ok: true };
  /** Debug: once this call has answered, the worker posts a message that is not of this protocol (…garbleReply()). */
  debugGarbleReply(args: Record<string, never>): { ok: true };
}

export type Method = keyof WorkerApi;

export interface WorkerRequest<M extends Method = Method> {
  id: number;
  method: M;
  args: Parameters<WorkerApi[M]>[0];
}

/**
 * What the worker says unasked: it could not read a message (a call that will never be answered), or the WebGL
 * context was lost and training moved to another backend (see ./context-recovery.ts).
 */
export type WorkerEvent = { event: "unreadable" } | { event: "backend-lost"; lost: BackendLoss };

/** A lost WebGL context and what the worker did: the backend now running, and each session's weights. */
export interface BackendLoss {
  choice: BackendChoice;
  /**
   * Per session: where its weights came from (read back from the lost context, the last checkpoint, or none: it
   * starts again from 0), the step it goes on from, and how many steps past it were lost.
   */
  sessions: { session: string; kept: "read" | "checkpoint" | null; step: number; lostSteps: number }[];
}

/** A reply; `ms` is how long the worker spent on the call (not counting its wait in the queue). */
export type WorkerResponse =
  { id: number; ok: true; result: unknown; ms: number } | { id: number; ok: false; error: string; errorText?: Text };

/**
 * The page's reading of a message from the worker: a reply or an event of this protocol, or null for anything else
 * (the page then ends the worker: a call's answer may have been lost). Checks the shape, not the result's content.
 */
export function readWorkerMessage(data: unknown): WorkerResponse | WorkerEvent | null {
  if (typeof data !== "object" || data === null) return null;
  const message = data as Record<string, unknown>;
  if ("event" in message) {
    if (message.event === "unreadable") return message as unknown as WorkerEvent;
    if (message.event === "backend-lost" && typeof message.lost === "object" && message.lost !== null)
      return message as unknown as WorkerEvent;
    return null;
  }
  if (!Number.isSafeInteger(message.id)) return null;
  if (message.ok === true && typeof message.ms === "number" && "result" in message) return message as WorkerResponse;
  if (message.ok === false && typeof message.error === "string") return message as WorkerResponse;
  return null;
}
