/**
 * When the page counts its training worker as hung (src/demo/reply-watch.ts), with fake time: the oldest call in
 * flight is timed from when it was sent or the worker last answered, against its method's bound; a long but
 * legitimate call is not a hang, nor is a page that slept, nor a cold call (the first of its kind: shader compiles).
 */
import { describe, expect, it } from "vitest";
import {
  ASLEEP_GAP_MS,
  COLD_BOUND_MS,
  overdueCall,
  REPLY_BOUNDS_MS,
  ReplyWatch,
  WarmCalls,
} from "../../src/demo/reply-watch.ts";

const TRAIN = REPLY_BOUNDS_MS.train;

describe("overdueCall", () => {
  it("is null with nothing in flight, however long the worker has been quiet", () => {
    expect(overdueCall([], 0, 1e9)).toBeNull();
  });

  it("times the oldest call from when it was sent, and names it once past its bound", () => {
    const calls = [{ method: "train" as const, sentAt: 1000 }];
    expect(overdueCall(calls, 0, 1000 + TRAIN)).toBeNull();
    expect(overdueCall(calls, 0, 1001 + TRAIN)).toEqual({ method: "train", ranMs: TRAIN + 1, boundMs: TRAIN });
  });

  it("times a queued call only from the worker's last answer: it could not start before", () => {
    // Sent at 0 behind a view that the worker answered at 15 s: the tick began then.
    const calls = [{ method: "train" as const, sentAt: 0 }];
    expect(overdueCall(calls, 15_000, 15_000 + TRAIN)).toBeNull();
    expect(overdueCall(calls, 15_000, 15_001 + TRAIN)?.method).toBe("train");
  });

  it("gives a cold call (its first on this backend: shader compiles) minutes, not a tick's seconds", () => {
    // Measured: the GAN's first tick on SwiftShader took 24.8 s.
    const cold = [{ method: "train" as const, sentAt: 0, cold: true }];
    expect(overdueCall(cold, 0, 24_800)).toBeNull();
    expect(overdueCall(cold, 0, COLD_BOUND_MS)).toBeNull();
    expect(overdueCall(cold, 0, COLD_BOUND_MS + 1)?.boundMs).toBe(COLD_BOUND_MS);
    expect(overdueCall([{ method: "train", sentAt: 0, cold: false }], 0, 24_800)?.method).toBe("train");
  });

  it("gives a view on software WebGL longer than a tick", () => {
    const calls = [
      { method: "view" as const, sentAt: 0 },
      { method: "train" as const, sentAt: 0 },
    ];
    expect(REPLY_BOUNDS_MS.view).toBeGreaterThan(TRAIN);
    expect(overdueCall(calls, 0, TRAIN + 5000)).toBeNull();
    expect(overdueCall(calls, 0, REPLY_BOUNDS_MS.view + 1)?.method).toBe("view");
  });
});

describe("ReplyWatch", () => {
  it("counts a busy loop as hung within a tick's bound plus one check", () => {
    const watch = new ReplyWatch(0);
    const calls = [{ method: "train" as const, sentAt: 0 }];
    let now = 0;
    let overdue = null;
    while (!overdue && now < 60_000) {
      now += 1000;
      overdue = watch.check(calls, now);
    }
    expect(now).toBe(TRAIN + 1000);
    expect(overdue?.method).toBe("train");
  });

  it("never alarms while the worker keeps answering long ticks", () => {
    const watch = new ReplyWatch(0);
    for (let now = 1000; now < 120_000; now += 1000) {
      // A tick every 3 s, each answered just before the next is sent: slow, not stuck.
      if (now % 3000 === 0) watch.replied(now);
      expect(watch.check([{ method: "train", sentAt: now - (now % 3000) }], now)).toBeNull();
    }
  });

  it("times the running call afresh after the page slept (the worker slept too)", () => {
    const watch = new ReplyWatch(0);
    const calls = [{ method: "train" as const, sentAt: 0 }];
    expect(watch.check(calls, 1000)).toBeNull();
    const woke = 1000 + ASLEEP_GAP_MS + 60_000;
    expect(watch.check(calls, woke)).toBeNull();
    let now = woke;
    let overdue = null;
    while (!overdue) {
      now += 1000;
      overdue = watch.check(calls, now);
    }
    // A tick's bound after waking, not at once: the 60 s asleep did not count.
    expect(now).toBe(woke + TRAIN + 1000);
  });
});

describe("WarmCalls", () => {
  it("warms a method for one model once answered, until the backend changes or the model is replaced", () => {
    const warm = new WarmCalls();
    expect(warm.isCold("train", "demo-1")).toBe(true);
    warm.answered("train", "demo-1");
    expect(warm.isCold("train", "demo-1")).toBe(false);
    // Another model, or another method of this one, compiles its own shaders.
    expect(warm.isCold("train", "demo-11")).toBe(true);
    expect(warm.isCold("view", "demo-1")).toBe(true);
    warm.answered("train", "demo-11");
    warm.answered("create", "demo-1");
    expect(warm.isCold("train", "demo-1")).toBe(true);
    expect(warm.isCold("train", "demo-11")).toBe(false);
    warm.answered("setBackend", "");
    expect(warm.isCold("train", "demo-11")).toBe(true);
  });
});
