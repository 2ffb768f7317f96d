/**
 * When the training worker has hung: a pure function of the calls in flight, the time of the worker's last reply and
 * the clock, so it is tested with fake time. The worker runs calls one at a time in the order sent, so the oldest
 * call in flight is the one running, and it began when it was sent or when the worker last answered, whichever
 * came later. A call that runs past its bound means the worker is stuck (a busy loop, a driver that never returns).
 * A training tick stops itself after ~100 ms, but only between steps: the first call of a kind on a backend
 * compiles its WebGL shaders, which on a software rasteriser took 25 s for the GAN's first tick (SwiftShader,
 * two loaded cores). So a "cold" call, the first of its method for its model since the backend was chosen, gets a
 * bound of minutes; warm ones get seconds.
 */
import type { Method } from "./worker-protocol.ts";

/** A call sent to the worker and not yet answered. */
export interface InFlightCall {
  method: Method;
  /** When it was sent (ms, the watcher's clock). */
  sentAt: number;
  /** The first call of its method for its model on this backend (it may compile shaders). */
  cold?: boolean;
}

/** The bound of a cold call (ms): shader compiles on a loaded software rasteriser (24.8 s measured, see above). */
export const COLD_BOUND_MS = 120_000;

/**
 * How long one warm call may run before the worker counts as hung (ms). Measured with the GAN on SwiftShader in
 * headless Chromium on two cores under a load of 12: warm ticks took up to 1.6 s (one step outlasts the tick's
 * 100 ms), a score 1.7 s; cold, the first tick took 24.8 s and the first views 10–11 s. A race runs two backends'
 * warm-ups and laps, and a start loads tfjs and its WASM file.
 */
export const REPLY_BOUNDS_MS: Readonly<Record<Method, number>> = {
  train: 10_000,
  view: 20_000,
  quality: 20_000,
  likelihood: 20_000,
  sample: 20_000,
  session: 10_000,
  weights: 20_000,
  loadWeights: 20_000,
  loadTrained: 30_000,
  create: 30_000,
  reset: 30_000,
  dispose: 10_000,
  memory: 10_000,
  setBackend: 60_000,
  raceBackends: 60_000,
  debugCrash: 10_000,
  debugHang: 10_000,
  debugLoseContext: 10_000,
  debugLoseContextInRace: 10_000,
  debugGarbleReply: 10_000,
};

/** A gap between two checks longer than this means the page itself was asleep (a frozen tab): nothing is judged. */
export const ASLEEP_GAP_MS = 5_000;

/** The call that has run too long: its method, how long it has run and its bound (ms). */
export interface Overdue {
  method: Method;
  ranMs: number;
  boundMs: number;
}

/**
 * The oldest call in flight if it has run past its bound at `now`, else null. `calls` in the order sent;
 * `lastReplyAt`: when the worker last answered anything (or when it started).
 */
export function overdueCall(
  calls: readonly InFlightCall[],
  lastReplyAt: number,
  now: number,
  bounds: Readonly<Record<Method, number>> = REPLY_BOUNDS_MS,
): Overdue | null {
  const head = calls[0];
  if (!head) return null;
  const ranMs = now - Math.max(head.sentAt, lastReplyAt);
  const boundMs = head.cold ? Math.max(COLD_BOUND_MS, bounds[head.method]) : bounds[head.method];
  return ranMs > boundMs ? { method: head.method, ranMs, boundMs } : null;
}

/**
 * The watcher's state between checks: `check(now)` says whether a call is overdue, except right after the page
 * slept (a check `ASLEEP_GAP_MS` after the last one), when the running call is timed afresh from `now`, since the
 * worker slept too.
 */
export class ReplyWatch {
  private lastReplyAt: number;
  private lastCheckAt: number;

  constructor(now: number) {
    this.lastReplyAt = now;
    this.lastCheckAt = now;
  }

  /** The worker answered a call (or sent anything) at `now`. */
  replied(now: number): void {
    this.lastReplyAt = now;
  }

  check(calls: readonly InFlightCall[], now: number): Overdue | null {
    const gap = now - this.lastCheckAt;
    this.lastCheckAt = now;
    if (gap > ASLEEP_GAP_MS) {
      this.lastReplyAt = now;
      return null;
    }
    return overdueCall(calls, this.lastReplyAt, now);
  }
}

/** Calls that replace a model: its calls after them are cold again (other sizes or another family: new shaders). */
const NEW_MODEL: ReadonlySet<Method> = new Set(["create", "loadTrained", "loadWeights", "reset"]);

/**
 * Which calls are warm: a method answered for a model (by its session id) since the backend was last chosen and
 * the model last replaced. Every other call is cold: it may compile shaders.
 */
export class WarmCalls {
  private readonly warm = new Set<string>();

  isCold(method: Method, session: string): boolean {
    return !this.warm.has(`${method}:${session}`);
  }

  /** The worker answered `method` for `session` (without an error). */
  answered(method: Method, session: string): void {
    if (method === "setBackend" || method === "raceBackends") return this.backendChanged();
    if (!NEW_MODEL.has(method)) {
      this.warm.add(`${method}:${session}`);
      return;
    }
    for (const key of this.warm) if (key.endsWith(`:${session}`)) this.warm.delete(key);
  }

  /** Another backend runs (chosen, raced, or moved to after a lost context): every call is cold again. */
  backendChanged(): void {
    this.warm.clear();
  }
}
