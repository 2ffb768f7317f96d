/**
 * Where the training worker's time goes while a demo trains: every reply of the worker carries the time it spent
 * on the call (`ms`, see WorkerResponse), so the page can add them up by method. Unlike demo / bare, which sets
 * two speeds measured seconds apart against each other, this share does not move with the machine's speed: it
 * says what the demo's views and scores cost its training, and how long the worker waited for the page.
 */
import type { Page } from "playwright-core";

/** One reply of the worker: when it reached the page (page clock, ms), the call, and the worker's time on it. */
export interface WorkerReply {
  t: number;
  method: string;
  ms: number;
}

/** Shares of the windows' time (0–1): training, views, scores, other calls, and the worker waiting. */
export interface WorkerTime {
  train: number;
  view: number;
  quality: number;
  other: number;
  idle: number;
}

/**
 * Installed before any page script: wraps the page's Worker so that each reply with a time (`ms`) is recorded in
 * `window.__workerReplies` with its method (read from the request of the same id).
 */
export const WORKER_TIME_OBSERVER = `
window.__workerReplies = [];
(() => {
  const Base = window.Worker;
  if (!Base) return;
  window.Worker = class extends Base {
    constructor(url, options) {
      super(url, options);
      const methods = new Map();
      const post = this.postMessage.bind(this);
      this.postMessage = (message, ...rest) => {
        if (message && typeof message.id === "number") methods.set(message.id, String(message.method));
        return post(message, ...rest);
      };
      this.addEventListener("message", (e) => {
        const d = e.data;
        if (!d || typeof d.ms !== "number" || !methods.has(d.id)) return;
        window.__workerReplies.push({ t: performance.now(), method: methods.get(d.id), ms: d.ms });
        methods.delete(d.id);
      });
    }
  };
})();
`;

/**
 * The worker's time within `windows` (page clock), by method: a reply's work is taken as the `ms` before it
 * reached the page, and only its part inside a window counts. `idle` is what is left of the windows.
 */
export function workerTimeIn(replies: readonly WorkerReply[], windows: readonly { from: number; to: number }[]) {
  const total = windows.reduce((sum, w) => sum + Math.max(0, w.to - w.from), 0);
  const busy = { train: 0, view: 0, quality: 0, other: 0 };
  for (const reply of replies) {
    const from = reply.t - reply.ms;
    let inside = 0;
    for (const w of windows) inside += Math.max(0, Math.min(reply.t, w.to) - Math.max(from, w.from));
    const kind =
      reply.method === "train" || reply.method === "view" || reply.method === "quality" ? reply.method : "other";
    busy[kind] += inside;
  }
  if (total === 0) return null;
  const share = (ms: number) => ms / total;
  const spent = busy.train + busy.view + busy.quality + busy.other;
  return {
    train: share(busy.train),
    view: share(busy.view),
    quality: share(busy.quality),
    other: share(busy.other),
    idle: Math.max(0, 1 - share(spent)),
  } satisfies WorkerTime;
}

/** The worker's time in `windows` on a page opened with WORKER_TIME_OBSERVER (null: no window, or no record). */
export async function readWorkerTime(
  page: Page,
  windows: readonly { from: number; to: number }[],
): Promise<WorkerTime | null> {
  const replies = await page.evaluate(
    () => (window as unknown as { __workerReplies?: WorkerReply[] }).__workerReplies ?? null,
  );
  return replies ? workerTimeIn(replies, windows) : null;
}

/** "views 5 %, scores 2 %, idle 3 %": what the demo's views and scores and the waiting took of the worker's time. */
export function workerTimeText(time: WorkerTime): string {
  const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
  return `views ${pct(time.view)}, scores ${pct(time.quality)}, idle ${pct(time.idle)}`;
}
