/**
 * The Web Worker that trains every demo of the page: tfjs loads here once, off the main thread,
 * so the page stays responsive whatever the backend does (shader compiles, readbacks).
 * It holds one Trainer per demo, keyed by session id, and answers one call at a time.
 */
import wasmPlainUrl from "@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url";
import wasmSimdUrl from "@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url";
import { tf } from "#tf";
import { activateBackend, chooseBackend, configureWasm } from "../lab/backend.ts";
import { isBackendName } from "../lab/backend-names.ts";
import { raceBackends, timeLap } from "../lab/backend-race.ts";
import { datasetId } from "../lab/own-data.ts";
import { datasetQuality } from "../lab/own-score.ts";
import { datasetFor } from "../lab/own-data.ts";
import { getFamily } from "../models/registry.ts";
import { Trainer } from "../models/trainer.ts";
import type { BackendLoss, Method, WorkerApi, WorkerEvent, WorkerRequest, WorkerResponse } from "./worker-protocol.ts";
import { parseWeights } from "../lab/weights-file.ts";
import { trainerFromWeights } from "../models/snapshot.ts";
import { errorText } from "../i18n/text-error.ts";
import { loseWebglContext, webglContextLost } from "../lab/webgl-context.ts";
import {
  checkpoint,
  checkpointNow,
  forgetCheckpoint,
  recoverLostContext,
  type WorkerSession,
} from "./context-recovery.ts";
import { CORE_TEXT } from "../i18n/core-text.ts";
import { TextError } from "../i18n/text-error.ts";

configureWasm({ plain: wasmPlainUrl, simd: wasmSimdUrl });

const sessions = new Map<string, WorkerSession>();

function session(id: string) {
  const found = sessions.get(id);
  if (!found) throw new Error(`no training session "${id}"`);
  return found;
}

/** Untimed steps on a backend before its lap is timed: WebGL compiles its shaders, the model's tensors move. */
const RACE_WARMUP_STEPS = 3;
/** Steps per timed chunk of a lap; each chunk ends with a loss readback, so a GPU's queued work is counted. */
const RACE_CHUNK = 5;

/** Context losses recovered from during a call (by a race's WebGL lap, or by `run`): the page is told as it ends. */
const lossesInCall: BackendLoss[] = [];
/** Set by genDemoDebug.loseWebglContextInRace(): the next WebGL lap of a race loses its context after its warm-up. */
let loseInNextWebglLap = false;

/** Every method, as the worker runs it: a few are asynchronous (they start a backend). */
type WorkerImplementation = {
  [M in Method]: (args: Parameters<WorkerApi[M]>[0]) => ReturnType<WorkerApi[M]> | Promise<ReturnType<WorkerApi[M]>>;
};

const api: WorkerImplementation = {
  setBackend: ({ preferred, disabled, automatic }) =>
    chooseBackend(preferred, { disabled: disabled ?? [], avoidSoftwareWebgl: automatic ?? false }),
  async raceBackends({ session: id, candidates, windowMs }) {
    const before = tf.getBackend();
    try {
      const outcome = await raceBackends(candidates, async (backend) => {
        // A lost context mid-lap leaves the weights on it unreadable: this copy is what the model goes back to.
        if (backend === "webgl") checkpointNow(id, session(id));
        await activateBackend(backend);
        // Read again for every lap: a context lost in an earlier lap made the model again.
        const { trainer } = session(id);
        let laps = 0;
        const stepsOf = (steps: number) => {
          const from = trainer.step;
          const done = trainer.train(steps, RACE_CHUNK).step - from;
          // The debug hook: lost right after the warm-up (which alone may fill the lap on a slow WebGL).
          if (backend === "webgl" && loseInNextWebglLap && laps++ === 0) {
            loseInNextWebglLap = false;
            loseWebglContext();
          }
          return done;
        };
        let speed = 0;
        try {
          speed = timeLap(stepsOf, {
            windowMs,
            warmupSteps: RACE_WARMUP_STEPS,
            chunk: RACE_CHUNK,
            now: () => performance.now(),
          });
        } catch (error) {
          if (!webglContextLost()) throw error;
        }
        if (!webglContextLost()) return speed;
        // Steps on a lost context compute nothing: the lap failed, whatever its speed, and the model goes back to
        // its copy on the next backend.
        lossesInCall.push(await recoverLostContext(sessions));
        throw new TextError(CORE_TEXT.backend.contextLost);
      });
      return { ...outcome, choice: await chooseBackend(outcome.winner) };
    } catch (error) {
      if (isBackendName(before)) await chooseBackend(before);
      throw error;
    }
  },
  create({ session: id, family, dataset, points, seed, settings }) {
    sessions.get(id)?.trainer.dispose();
    // The trainer reads the settings with the family's one reader: a missing or bad value throws back to the page.
    const trainer = new Trainer({
      family: getFamily(family),
      dataset: datasetFor(dataset, points, seed),
      seed,
      settings,
    });
    sessions.set(id, { trainer, sentHistory: 0 });
    forgetCheckpoint(id);
    return { step: 0 };
  },
  train({ session: id, steps, readEvery, timeBudgetMs }) {
    const s = session(id);
    const progress = s.trainer.train(steps, readEvery, timeBudgetMs);
    checkpoint(id, s, tf.getBackend());
    const history = s.trainer.history;
    const from = s.sentHistory;
    s.sentHistory = history.steps.length;
    return {
      ...progress,
      newHistory: {
        steps: history.steps.slice(from),
        values: Object.fromEntries(Object.entries(history.values).map(([k, v]) => [k, v.slice(from)])),
      },
    };
  },
  view({ session: id, request }) {
    return session(id).trainer.view(request);
  },
  quality({ session: id, n }) {
    const { trainer } = session(id);
    return { ...datasetQuality(trainer.sample(n), trainer.options.dataset, { n }), step: trainer.step };
  },
  likelihood({ session: id, n }) {
    return session(id).trainer.logLikelihood(n);
  },
  session({ session: id }) {
    const { family, dataset, seed, settings } = session(id).trainer.options;
    return { family: family.id, dataset: datasetId(dataset), seed, settings };
  },
  weights({ session: id }) {
    return session(id).trainer.saveWeights();
  },
  loadWeights({ session: id, text }) {
    const { trainer } = session(id);
    trainer.loadWeights(parseWeights(text, trainer.family.id));
    forgetCheckpoint(id);
    return { step: trainer.step };
  },
  loadTrained({ session: id, text }) {
    const old = session(id);
    // Built apart and swapped in only once it has loaded: a bad file leaves the reader's model as it was.
    const trainer = trainerFromWeights(text, old.trainer.family.id);
    old.trainer.dispose();
    sessions.set(id, { trainer, sentHistory: 0 });
    forgetCheckpoint(id);
    const { dataset, seed, settings } = trainer.options;
    // A weights file names a toy dataset (trainerFromWeights refuses any other): this narrows the type.
    if (typeof dataset !== "string") throw new Error("a trained model's file names no toy dataset");
    return { step: trainer.step, dataset, seed, settings };
  },
  sample({ session: id, n }) {
    return session(id).trainer.sample(n);
  },
  reset({ session: id }) {
    const s = session(id);
    s.trainer.reset();
    s.sentHistory = 0;
    forgetCheckpoint(id);
    return { step: 0 };
  },
  dispose({ session: id }) {
    sessions.get(id)?.trainer.dispose();
    sessions.delete(id);
    forgetCheckpoint(id);
    return { sessions: sessions.size };
  },
  memory() {
    const memory = tf.memory();
    return {
      numTensors: memory.numTensors,
      numBytes: memory.numBytes,
      backend: tf.getBackend(),
      sessions: sessions.size,
    };
  },
  // The debug handles of ../demo/worker-restart.ts: each answers first, then breaks the worker as a fault would.
  debugCrash() {
    // Thrown in an async task nobody awaits: an unhandled rejection, which reaches the page only as thrown again below.
    void (async () => {
      await Promise.resolve();
      throw new Error("genDemoDebug.crashWorker()");
    })();
    return { ok: true };
  },
  debugHang() {
    setTimeout(() => {
      // Busy for ten minutes at most (the page ends the worker long before).
      const until = performance.now() + 600_000;
      while (performance.now() < until);
    });
    return { ok: true };
  },
  debugLoseContext() {
    return { lost: loseWebglContext() };
  },
  debugLoseContextInRace() {
    loseInNextWebglLap = true;
    return { ok: true };
  },
  debugGarbleReply() {
    setTimeout(() => (self as unknown as Worker).postMessage("garbled"));
    return { ok: true };
  },
};

/** Runs one call; a WebGL context lost meanwhile is recovered from (the page is told), and the call run again. */
async function run(request: WorkerRequest): Promise<unknown> {
  const method: Method = request.method;
  const call = () => (api[method] as (args: unknown) => unknown)(request.args);
  let result: unknown;
  let lostNow = false;
  try {
    result = await call();
  } catch (error) {
    if (!webglContextLost()) throw error;
  } finally {
    // Losses the call recovered from itself (a race's WebGL lap), and one it left: the page hears of each.
    lostNow = webglContextLost();
    if (lostNow) lossesInCall.push(await recoverLostContext(sessions));
    for (const lost of lossesInCall.splice(0))
      (self as unknown as Worker).postMessage({ event: "backend-lost", lost } satisfies WorkerEvent);
  }
  if (!lostNow) return result;
  // What ran on the lost context read back zeros: it runs again on the new backend (losing it on purpose does not).
  return method === "debugLoseContext" ? result : await call();
}

let queue: Promise<void> = Promise.resolve();

self.addEventListener("message", (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  queue = queue.then(async () => {
    let response: WorkerResponse;
    try {
      const started = performance.now();
      const result = await run(request);
      response = { id: request.id, ok: true, result, ms: performance.now() - started };
    } catch (error) {
      const text = errorText(error);
      const message = error instanceof Error ? error.message : String(error);
      response = text
        ? { id: request.id, ok: false, error: message, errorText: text }
        : { id: request.id, ok: false, error: message };
    }
    // Arrays are copied, not transferred: a model may keep them (e.g. the cached reverse chain), and a
    // view is a few kilobytes. A reply that cannot be cloned still answers, with the error.
    try {
      (self as unknown as Worker).postMessage(response);
    } catch (error) {
      (self as unknown as Worker).postMessage({
        id: request.id,
        ok: false,
        error: String(error),
      } satisfies WorkerResponse);
    }
  });
});

// A message that cannot be read would never be answered: the page is told, and ends the worker with that reason.
self.addEventListener("messageerror", () => {
  (self as unknown as Worker).postMessage({ event: "unreadable" } satisfies WorkerEvent);
});
// A rejected promise nobody handles does not reach the page by itself: thrown again, it is an uncaught error there.
self.addEventListener("unhandledrejection", (event: PromiseRejectionEvent) => {
  event.preventDefault();
  setTimeout(() => {
    throw event.reason;
  });
});
