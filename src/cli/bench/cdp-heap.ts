/**
 * The JS heap of a page and of its dedicated workers, through the Chrome DevTools Protocol: a forced garbage
 * collection (HeapProfiler.collectGarbage), then Runtime.getHeapUsage, per target. `performance.memory` is the
 * page's alone and `measureUserAgentSpecificMemory` needs cross-origin isolation; CDP reaches the worker too.
 * Playwright's CDP session speaks to one target, so the worker is reached by auto-attach without flattening:
 * its messages travel inside Target.sendMessageToTarget and come back in Target.receivedMessageFromTarget.
 */
import type { CDPSession, Page } from "playwright-core";

export interface HeapUsage {
  /** Used JS heap of the page's main thread, in bytes, after a forced collection. */
  page: number;
  /** Used JS heap of the page's dedicated worker (the training worker), or null when none is attached. */
  worker: number | null;
  /** When the forced collections ran (page clock, ms): a long task then is the benchmark's, not the page's. */
  gc: { from: number; to: number };
}

export interface HeapReader {
  read(): Promise<HeapUsage>;
  close(): Promise<void>;
}

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };

/** Attaches to `page` and to the workers it starts (before or after this call). */
export async function heapReader(page: Page): Promise<HeapReader> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const workers: string[] = [];
  const pending = new Map<number, Pending>();
  let nextId = 1;
  cdp.on("Target.attachedToTarget", (event) => {
    if (event.targetInfo.type === "worker") workers.push(event.sessionId);
  });
  cdp.on("Target.detachedFromTarget", (event) => {
    const i = workers.indexOf(event.sessionId);
    if (i >= 0) workers.splice(i, 1);
  });
  cdp.on("Target.receivedMessageFromTarget", (event) => {
    const reply = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
    const waiter = reply.id === undefined ? undefined : pending.get(reply.id);
    if (!waiter) return;
    pending.delete(reply.id!);
    if (reply.error) waiter.reject(new Error(reply.error.message));
    else waiter.resolve(reply.result);
  });
  await cdp.send("Target.setAutoAttach", { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  const inWorker = <T>(sessionId: string, method: string, params: object = {}): Promise<T> => {
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      cdp
        .send("Target.sendMessageToTarget", { sessionId, message: JSON.stringify({ id, method, params }) })
        .catch(reject);
    });
  };
  const clock = () => page.evaluate(() => performance.now());
  return {
    async read() {
      const worker = workers.at(-1);
      const from = await clock();
      await cdp.send("HeapProfiler.collectGarbage");
      if (worker) await inWorker(worker, "HeapProfiler.collectGarbage");
      const to = await clock();
      const pageHeap = await cdp.send("Runtime.getHeapUsage");
      const workerHeap = worker ? await inWorker<{ usedSize: number }>(worker, "Runtime.getHeapUsage") : null;
      return { page: pageHeap.usedSize, worker: workerHeap?.usedSize ?? null, gc: { from, to } };
    },
    async close() {
      await cdp.detach().catch(() => {});
    },
  };
}
