/**
 * A demo's session with the worker replaced by a fake that answers like the real one, and a fake clock: the loss
 * history it keeps, the training budget, divergence reported once, and the pace of views and scores.
 */
import { describe, expect, it } from "vitest";
import { DemoSession, PACE } from "../../src/demo/demo-session.ts";
import type { WorkerClient } from "../../src/demo/worker-client.ts";
import { FAMILY_SPECS } from "../../src/models/specs.ts";

const family = { ...FAMILY_SPECS.vae!, defaultSteps: 50 };

/** A worker whose `train` moves a step counter and returns one loss point per 10 steps; costs are set by the test. */
function fakeWorker() {
  const calls: string[] = [];
  const state = { step: 0, divergeAt: Infinity, viewMs: 5, qualityMs: 5 };
  const answer = (method: string, args: Record<string, unknown>): { result: unknown; ms: number } => {
    calls.push(method);
    if (method === "create") {
      state.step = 0;
      return { result: { step: 0 }, ms: 1 };
    }
    if (method === "train") {
      const from = state.step;
      state.step += args.steps as number;
      const steps = [];
      for (let s = from + 1; s <= state.step; s++) if (s % 10 === 0 || s === state.step) steps.push(s);
      const diverged = state.step >= state.divergeAt ? { step: state.divergeAt, series: "elbo" } : null;
      return {
        result: {
          step: state.step,
          losses: null,
          diverged,
          newHistory: { steps, values: { elbo: steps.map((s) => 1 / s) } },
        },
        ms: 1,
      };
    }
    if (method === "loadTrained") {
      state.step = 120;
      return { result: { step: 120, dataset: "8gaussians", seed: 1, settings: { latent: 2 } }, ms: 1 };
    }
    if (method === "view") return { result: { samples: new Float32Array(2) }, ms: state.viewMs };
    if (method === "quality") return { result: { normalised: 0.5, step: state.step }, ms: state.qualityMs };
    return { result: {}, ms: 0 };
  };
  const worker = {
    call: (method: string, args: Record<string, unknown>) => Promise.resolve(answer(method, args).result),
    timed: (method: string, args: Record<string, unknown>) => Promise.resolve(answer(method, args)),
  } as unknown as WorkerClient;
  return { worker, calls, state };
}

describe("DemoSession", () => {
  it("keeps the loss history across ticks and starts it again on create", async () => {
    const { worker } = fakeWorker();
    const session = new DemoSession(worker, family, "s", () => 0);
    await session.create({ dataset: "moons", seed: 1 });
    await session.train(15);
    await session.train(10);
    expect(session.step).toBe(25);
    expect(session.history.steps).toEqual([10, 15, 20, 25]);
    expect(session.history.values.elbo).toEqual([1 / 10, 1 / 15, 1 / 20, 1 / 25]);
    expect(session.lastLosses).toEqual({ elbo: 1 / 25 });
    await session.create({ dataset: "moons", seed: 1 });
    expect([session.step, session.history.steps, session.lastLosses]).toEqual([0, [], null]);
  });

  it("takes a trained model's step, forgets the history, and grants a whole budget from there", async () => {
    const { worker } = fakeWorker();
    const session = new DemoSession(worker, family, "s", () => 0);
    await session.create({ dataset: "moons", seed: 1 });
    await session.train(30);
    expect(await session.loadTrained("{}")).toEqual({ dataset: "8gaussians", seed: 1, settings: { latent: 2 } });
    expect(session.step).toBe(120);
    expect(session.history.steps).toEqual([]);
    expect(session.lastLosses).toBeNull();
    expect(await session.train(49)).toEqual({ kind: "continue" });
    expect(await session.train(1)).toEqual({ kind: "budget", step: 170 });
  });

  it("stops at the end of the family's budget, then grants the next one", async () => {
    const { worker } = fakeWorker();
    const session = new DemoSession(worker, family, "s", () => 0);
    await session.create({});
    expect(await session.train(30)).toEqual({ kind: "continue" });
    expect(await session.train(30)).toEqual({ kind: "budget", step: 60 });
    expect(await session.train(30)).toEqual({ kind: "continue" });
    expect(await session.train(30)).toEqual({ kind: "budget", step: 120 });
  });

  it("reports a divergence to the first tick that sees it only, and again after a new model diverges", async () => {
    const { worker, state } = fakeWorker();
    state.divergeAt = 20;
    const session = new DemoSession(worker, family, "s", () => 0);
    await session.create({});
    expect((await session.train(10)).kind).toBe("continue");
    const first = await session.train(10);
    const second = await session.train(10);
    expect(first).toMatchObject({ kind: "diverged", first: true, divergence: { step: 20, series: "elbo" } });
    expect(second).toMatchObject({ kind: "diverged", first: false });
    await session.create({});
    expect(await session.train(25)).toMatchObject({ kind: "diverged", first: true });
  });

  it("paces views by what they cost the worker, within the floor and the ceiling", async () => {
    const { worker, state } = fakeWorker();
    let now = 0;
    const session = new DemoSession(worker, family, "s", () => now);
    expect(session.viewDue()).toBe(true);
    state.viewMs = 60; // 60 ms × 25 = 1.5 s until the next
    await session.view({ view: "samples", n: 10, extent: 4.5, gridSize: 8 });
    now = 1400;
    expect(session.viewDue()).toBe(false);
    now = 1600;
    expect(session.viewDue()).toBe(true);
    state.viewMs = 1000; // 15 s, capped at the ceiling
    await session.view({ view: "samples", n: 10, extent: 4.5, gridSize: 8 });
    now += PACE.maxDrawEveryMs - 10;
    expect(session.viewDue()).toBe(false);
    now += 20;
    expect(session.viewDue()).toBe(true);
    state.viewMs = 1; // cheap: the floor
    await session.view({ view: "samples", n: 10, extent: 4.5, gridSize: 8 });
    now += PACE.drawEveryMs + 1;
    expect(session.viewDue()).toBe(true);
  });

  it("paces scores at twice a view's share, and never asks for two of a kind at once", async () => {
    const { worker, state } = fakeWorker();
    let now = 0;
    const session = new DemoSession(worker, family, "s", () => now);
    state.qualityMs = 120; // 120 × 25 × 2 = 6 s
    const pending = session.quality(100);
    expect(session.qualityDue()).toBe(false); // in flight
    await pending;
    now = 5900;
    expect(session.qualityDue()).toBe(false);
    now = 6100;
    expect(session.qualityDue()).toBe(true);
  });

  it("holds a tick asked for while its score is in the worker, and drops it if training stopped meanwhile", async () => {
    // Sent at once, the tick would wait in the worker behind the score, where a pause can no longer reach it: the
    // step counter would move seconds after Pause (a paced DDPM score takes a second or more).
    const { worker, calls } = fakeWorker();
    let scored!: () => void;
    const held = {
      ...worker,
      timed: (method: string, args: Record<string, unknown>) =>
        method === "quality"
          ? new Promise((resolve) => (scored = () => resolve(worker.timed(method as "quality", args as never))))
          : worker.timed(method as "view", args as never),
    } as unknown as WorkerClient;
    const session = new DemoSession(held, family, "s", () => 0);
    await session.create({ dataset: "moons", seed: 1 });
    let playing = true;
    const score = session.quality(100);
    const tick = session.train(5, () => playing);
    await Promise.resolve();
    expect(calls).toEqual(["create"]);
    playing = false;
    scored();
    await score;
    expect(await tick).toEqual({ kind: "dropped" });
    expect(calls).toEqual(["create", "quality"]);
    expect(session.step).toBe(0);
    // Still wanted when the score is back: sent then.
    const next = session.quality(100);
    const sent = session.train(5, () => true);
    scored();
    await next;
    expect(await sent).toEqual({ kind: "continue" });
    expect(calls).toEqual(["create", "quality", "quality", "train"]);
    expect(session.step).toBe(5);
  });

  it("goes back to the step a lost WebGL context kept, its history cut there, and ignores a loss of other models", async () => {
    const { worker } = fakeWorker();
    const session = new DemoSession(worker, family, "s", () => 0);
    await session.create({ dataset: "moons", seed: 1 });
    await session.train(25);
    expect(session.history.steps).toEqual([10, 20, 25]);
    const choice = { name: "wasm" as const, fallbacks: [] };
    expect(session.rewound({ choice, sessions: [{ session: "other", kept: null, step: 0, lostSteps: 9 }] })).toBeNull();
    expect(session.step).toBe(25);
    const mine = session.rewound({ choice, sessions: [{ session: "s", kept: "checkpoint", step: 20, lostSteps: 5 }] });
    expect(mine).toEqual({ session: "s", kept: "checkpoint", step: 20, lostSteps: 5 });
    expect(session.step).toBe(20);
    expect(session.history.steps).toEqual([10, 20]);
    expect(session.history.values.elbo).toEqual([1 / 10, 1 / 20]);
    expect(session.lastLosses).toEqual({ elbo: 1 / 20 });
    session.rewound({ choice, sessions: [{ session: "s", kept: null, step: 0, lostSteps: 20 }] });
    expect(session.history.steps).toEqual([]);
    expect(session.lastLosses).toBeNull();
  });
});
