/**
 * The page's side of the training worker: one worker per page (so tfjs loads once however many demos
 * there are), started on first use. Calls return promises; the worker runs them one at a time.
 */
import type { Method, WorkerApi, WorkerRequest, WorkerResponse } from "./worker-protocol.ts";
import { DEMO_TEXT } from "../i18n/demo-text.ts";
import { fill, same } from "../i18n/text.ts";
import { TextError } from "../i18n/text-error.ts";

export interface WorkerClient {
  call<M extends Method>(method: M, args: Parameters<WorkerApi[M]>[0]): Promise<ReturnType<WorkerApi[M]>>;
  /** Like `call`, with the time the worker spent on it (ms), to pace costly calls such as views. */
  timed<M extends Method>(
    method: M,
    args: Parameters<WorkerApi[M]>[0],
  ): Promise<{ result: ReturnType<WorkerApi[M]>; ms: number }>;
}

let shared: WorkerClient | null = null;

/** The page's worker, started on the first call. */
export function trainingWorker(): WorkerClient {
  shared ??= startWorker();
  return shared;
}

function startWorker(): WorkerClient {
  const worker = new Worker(new URL("./training-worker.ts", import.meta.url), {
    type: "module",
    name: "gen-demo-training",
  });
  let nextId = 1;
  const pending = new Map<
    number,
    { resolve: (value: { result: unknown; ms: number }) => void; reject: (error: Error) => void }
  >();
  worker.addEventListener("message", (event: MessageEvent<WorkerResponse>) => {
    const reply = event.data;
    const waiter = pending.get(reply.id);
    if (!waiter) return;
    pending.delete(reply.id);
    if (reply.ok) waiter.resolve({ result: reply.result, ms: reply.ms });
    else waiter.reject(reply.errorText ? new TextError(reply.errorText) : new Error(reply.error));
  });
  worker.addEventListener("error", (event) => {
    const error = new TextError(
      fill(DEMO_TEXT.worker.cannotStart, {
        reason: event.message ? same(event.message) : DEMO_TEXT.worker.scriptFailed,
      }),
    );
    for (const waiter of pending.values()) waiter.reject(error);
    pending.clear();
  });
  const timed: WorkerClient["timed"] = (method, args) => {
    const id = nextId++;
    const request: WorkerRequest = { id, method, args } as WorkerRequest;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: { result: unknown; ms: number }) => void, reject });
      worker.postMessage(request);
    });
  };
  return {
    timed,
    call: (method, args) => timed(method, args).then(({ result }) => result),
  };
}
