/**
 * The page's side of the training worker: one worker per page (so tfjs loads once however many demos
 * there are), started on first use. Calls return promises; the worker runs them one at a time.
 * A worker that stops after it has started (an uncaught error in it, or `stop()`) is terminated, its pending calls
 * are rejected with a `WorkerStoppedError`, later calls reject at once, and `onWorkerStopped` listeners hear of it;
 * `restartTrainingWorker()` starts a fresh one for the whole page and tells `onWorkerRestarted` listeners.
 * A worker stops: on an uncaught error in it, a message that cannot be read (either way, or one not of the protocol:
 * ./worker-protocol.ts's `readWorkerMessage`), or a call that runs past its bound (a hung worker, see
 * ./reply-watch.ts), checked every second while calls are in flight.
 */
import {
  readWorkerMessage,
  type BackendLoss,
  type Method,
  type WorkerApi,
  type WorkerRequest,
} from "./worker-protocol.ts";
import { ReplyWatch, WarmCalls, type InFlightCall } from "./reply-watch.ts";
import { DEMO_TEXT } from "../i18n/demo-text.ts";
import { fill, same, type Text } from "../i18n/text.ts";
import { TextError } from "../i18n/text-error.ts";

export interface WorkerClient {
  call<M extends Method>(method: M, args: Parameters<WorkerApi[M]>[0]): Promise<ReturnType<WorkerApi[M]>>;
  /** Like `call`, with the time the worker spent on it (ms), to pace costly calls such as views. */
  timed<M extends Method>(
    method: M,
    args: Parameters<WorkerApi[M]>[0],
  ): Promise<{ result: ReturnType<WorkerApi[M]>; ms: number }>;
  /** Terminates the worker, as a crash would end it: pending and later calls reject, listeners hear of it. */
  stop(): void;
  /** True once the worker has stopped. */
  readonly stopped: boolean;
}

/** The error of a call to a worker that stopped: its `text` says why. */
export class WorkerStoppedError extends TextError {}

/** The worker now running (replaced by a fresh one on restart), started on first use. */
let current: WorkerClient | null = null;
const stoppedListeners = new Set<(why: Text) => void>();
const restartedListeners = new Set<() => void>();
const backendLostListeners = new Set<(lost: BackendLoss) => void>();

/** How often a call in flight is checked against its bound (ms). */
const WATCH_EVERY_MS = 1000;

function live(): WorkerClient {
  current ??= startWorker();
  return current;
}

/** The page's worker: one handle for the page's life, whose calls go to the worker running now. */
const shared: WorkerClient = {
  timed: (method, args) => live().timed(method, args),
  call: (method, args) => live().call(method, args),
  stop: () => current?.stop(),
  get stopped() {
    return current?.stopped ?? false;
  },
};

/** The page's worker, started on the first call (and again by `restartTrainingWorker` once it stopped). */
export function trainingWorker(): WorkerClient {
  return shared;
}

/** Calls `listener` with the reason when the page's worker stops; returns the unsubscribe. */
export function onWorkerStopped(listener: (why: Text) => void): () => void {
  stoppedListeners.add(listener);
  return () => stoppedListeners.delete(listener);
}

/** Calls `listener` once a fresh worker replaced a stopped one; returns the unsubscribe. */
export function onWorkerRestarted(listener: () => void): () => void {
  restartedListeners.add(listener);
  return () => restartedListeners.delete(listener);
}

/** Calls `listener` when the worker lost its WebGL context and moved on (see ./context-recovery.ts). */
export function onBackendLost(listener: (lost: BackendLoss) => void): () => void {
  backendLostListeners.add(listener);
  return () => backendLostListeners.delete(listener);
}

/** Stops the page's worker, if one runs (the debug handle of ./worker-restart.ts calls it). */
export function stopTrainingWorker(): void {
  current?.stop();
}

/** Replaces a stopped worker by a fresh one, shared by the page again (nothing happens while it runs). */
export function restartTrainingWorker(): void {
  if (!current?.stopped) return;
  current = startWorker();
  for (const listener of [...restartedListeners]) listener();
}

function startWorker(): WorkerClient {
  const worker = new Worker(new URL("./training-worker.ts", import.meta.url), {
    type: "module",
    name: "gen-demo-training",
  });
  let nextId = 1;
  /** Whether the worker has answered a call: one that fails before it ever did could not start. */
  let answered = false;
  let stopped = false;
  const pending = new Map<
    number,
    InFlightCall & {
      session: string;
      resolve: (value: { result: unknown; ms: number }) => void;
      reject: (error: Error) => void;
    }
  >();
  const watch = new ReplyWatch(performance.now());
  let watching = 0;
  const warm = new WarmCalls();
  worker.addEventListener("message", (event: MessageEvent<unknown>) => {
    watch.replied(performance.now());
    const data = readWorkerMessage(event.data);
    // Not of the protocol: whatever call it answered would wait for ever.
    if (data === null) return endWith(DEMO_TEXT.worker.unreadable);
    if ("event" in data) {
      if (data.event === "unreadable") return endWith(DEMO_TEXT.worker.unreadable);
      warm.backendChanged();
      for (const listener of [...backendLostListeners]) listener(data.lost);
      return;
    }
    answered = true;
    const waiter = pending.get(data.id);
    if (!waiter) return;
    pending.delete(data.id);
    if (data.ok) warm.answered(waiter.method, waiter.session);
    if (data.ok) waiter.resolve({ result: data.result, ms: data.ms });
    else waiter.reject(data.errorText ? new TextError(data.errorText) : new Error(data.error));
  });
  /** Ends the worker: every pending call rejects with `error`, later ones with the same; listeners hear `why`. */
  const end = (why: Text, error: Error) => {
    if (stopped) return;
    stopped = true;
    worker.terminate();
    window.clearInterval(watching);
    failure = error;
    for (const listener of [...stoppedListeners]) listener(why);
    for (const waiter of pending.values()) waiter.reject(error);
    pending.clear();
  };
  const endWith = (why: Text) => end(why, new WorkerStoppedError(fill(DEMO_TEXT.worker.stopped, { reason: why })));
  /** An error in the worker: before it ever answered, it could not start (its calls say so); after, it stopped. */
  const crash = (reason: Text) => {
    if (!answered) {
      const error = new TextError(fill(DEMO_TEXT.worker.cannotStart, { reason }));
      for (const waiter of pending.values()) waiter.reject(error);
      pending.clear();
      return;
    }
    endWith(fill(DEMO_TEXT.worker.crashed, { reason }));
  };
  let failure: Error | null = null;
  worker.addEventListener("error", (event) => {
    // Said in the demos' boxes; the browser's console has it too.
    event.preventDefault();
    crash(event.message ? same(event.message) : DEMO_TEXT.worker.scriptFailed);
  });
  worker.addEventListener("messageerror", () => endWith(DEMO_TEXT.worker.unreadable));
  const check = () => {
    const overdue = watch.check([...pending.values()], performance.now());
    if (overdue) {
      const seconds = Math.round(overdue.ranMs / 1000);
      endWith(fill(DEMO_TEXT.worker.hung, { seconds, method: overdue.method }));
    }
    if (pending.size === 0) {
      window.clearInterval(watching);
      watching = 0;
    }
  };
  const timed: WorkerClient["timed"] = (method, args) => {
    if (failure) return Promise.reject(failure);
    const id = nextId++;
    const request: WorkerRequest = { id, method, args } as WorkerRequest;
    return new Promise((resolve, reject) => {
      const session = String((args as { session?: unknown } | null)?.session ?? "");
      pending.set(id, {
        method,
        session,
        cold: warm.isCold(method, session),
        sentAt: performance.now(),
        resolve: resolve as (value: { result: unknown; ms: number }) => void,
        reject,
      });
      watching ||= window.setInterval(check, WATCH_EVERY_MS);
      worker.postMessage(request);
    });
  };
  return {
    timed,
    call: (method, args) => timed(method, args).then(({ result }) => result),
    stop: () => endWith(DEMO_TEXT.worker.terminated),
    get stopped() {
      return stopped;
    },
  };
}
