/**
 * The comparison's scheduler with the worker replaced by a fake that answers like the real one (its train calls
 * take the time they are allowed, its score falls as a family trains): the same training time for every family,
 * in turn or interleaved, short calls, scores, likelihood and sampling time at the end, every session disposed,
 * and a family that diverges or fails stopping alone.
 */
import { describe, expect, it } from "vitest";
import { runComparison, type ComparisonOptions, type FamilyRun } from "../../src/compare/race.ts";
import { familySettings } from "../../src/compare/setup.ts";
import type { WorkerClient } from "../../src/demo/worker-client.ts";
import type { FamilyId } from "../../src/models/ids.ts";

interface FakeSession {
  family: FamilyId;
  step: number;
  trainedMs: number;
}

/** A worker whose sessions train 10 steps per ms; `divergeAt` and `throwOn` break one family. */
function fakeWorker(options: { divergeAt?: Partial<Record<FamilyId, number>>; throwOn?: FamilyId } = {}) {
  const sessions = new Map<string, FakeSession>();
  const log: { method: string; session: string; args: Record<string, unknown> }[] = [];
  let created = 0;
  let disposed = 0;
  const answer = (method: string, args: Record<string, unknown>): { result: unknown; ms: number } => {
    const id = String(args.session ?? "");
    log.push({ method, session: id, args });
    const s = sessions.get(id);
    switch (method) {
      case "create":
        sessions.set(id, { family: args.family as FamilyId, step: 0, trainedMs: 0 });
        created++;
        return { result: { step: 0 }, ms: 1 };
      case "train": {
        if (!s) throw new Error(`no session ${id}`);
        if (options.throwOn === s.family) throw new Error("WebGL context lost.");
        const ms = args.timeBudgetMs as number;
        s.trainedMs += ms;
        s.step += 10 * ms;
        const at = options.divergeAt?.[s.family];
        const diverged = at !== undefined && s.step >= at ? { step: at, series: "loss" } : null;
        return { result: { step: s.step, losses: null, diverged, newHistory: { steps: [], values: {} } }, ms };
      }
      case "quality": {
        if (!s) throw new Error(`no session ${id}`);
        // 1 at the start, 0.2 after 4 s of training.
        const normalised = 1 / (1 + s.trainedMs / 1000);
        return { result: { normalised, step: s.step, n: args.n, nonFinite: 0, offGrid: 0 }, ms: 3 };
      }
      case "sample":
        return { result: new Float32Array(2 * (args.n as number)), ms: 7 };
      case "likelihood": {
        const family = s?.family;
        const result =
          family === "flow" ? { kind: "exact", meanNll: 2.5 } : family === "vae" ? { kind: "elbo", meanNll: 3 } : null;
        return { result, ms: 2 };
      }
      case "dispose":
        if (sessions.delete(id)) disposed++;
        return { result: { sessions: sessions.size }, ms: 0 };
      default:
        return { result: {}, ms: 0 };
    }
  };
  const worker = {
    call: (method: string, args: Record<string, unknown>) => {
      try {
        return Promise.resolve(answer(method, args).result);
      } catch (error) {
        return Promise.reject(error as Error);
      }
    },
    timed: (method: string, args: Record<string, unknown>) => {
      try {
        return Promise.resolve(answer(method, args));
      } catch (error) {
        return Promise.reject(error as Error);
      }
    },
  } as unknown as WorkerClient;
  return { worker, log, sessions, counts: () => ({ created, disposed }) };
}

const FAMILIES: FamilyId[] = ["gan", "flow", "vae"];

function options(worker: WorkerClient, extra: Partial<ComparisonOptions> = {}): ComparisonOptions {
  return {
    worker,
    dataset: "moons",
    seed: 1,
    budgetSeconds: 5,
    mode: "race",
    families: FAMILIES.map((id) => ({ id, settings: familySettings(id).values })),
    ...extra,
  };
}

const byId = (runs: FamilyRun[], id: FamilyId) => runs.find((r) => r.id === id)!;

describe("runComparison", () => {
  it("in turn: one family after another, each for the whole budget in short calls, then measured and disposed", async () => {
    const { worker, log, sessions, counts } = fakeWorker();
    const runs = await runComparison(options(worker, { mode: "turns" }));
    for (const run of runs) {
      expect(run.state).toBe("done");
      expect(run.trainedMs).toBeGreaterThanOrEqual(5000);
      expect(run.trainedMs).toBeLessThanOrEqual(5000 + 35);
      expect(run.steps).toBe(run.trainedMs * 10);
      expect(run.sampleMs).toBe(7);
      expect(run.curve.length).toBeGreaterThanOrEqual(5);
      expect(run.curve.at(-1)!.seconds).toBeCloseTo(run.trainedMs / 1000, 9);
      expect(run.score).toBeCloseTo(1 / (1 + run.trainedMs / 1000), 9);
    }
    expect(log.filter((c) => c.method === "train").every((c) => (c.args.timeBudgetMs as number) <= 35)).toBe(true);
    // Family k's session is disposed before family k + 1's is created.
    const order = log.filter((c) => c.method === "create" || c.method === "dispose").map((c) => c.method);
    expect(order).toEqual(["create", "dispose", "create", "dispose", "create", "dispose"]);
    expect(counts()).toEqual({ created: 3, disposed: 3 });
    expect(sessions.size).toBe(0);
  });

  it("as a race: every family created first, then one short train call each in rotation", async () => {
    const { worker, log, counts } = fakeWorker();
    const runs = await runComparison(options(worker));
    expect(runs.map((r) => r.state)).toEqual(["done", "done", "done"]);
    const first = log.findIndex((c) => c.method === "train");
    expect(log.slice(0, first).filter((c) => c.method === "create")).toHaveLength(3);
    const trains = log.filter((c) => c.method === "train").map((c) => c.session);
    expect(trains.slice(0, 6)).toEqual([
      "compare-gan",
      "compare-flow",
      "compare-vae",
      "compare-gan",
      "compare-flow",
      "compare-vae",
    ]);
    for (const run of runs) expect(run.trainedMs).toBeGreaterThanOrEqual(5000);
    expect(counts()).toEqual({ created: 3, disposed: 3 });
  });

  it("reads the likelihood where the family has one and the seconds to a score ≤ 0.2", async () => {
    const { worker } = fakeWorker();
    const runs = await runComparison(options(worker));
    expect(byId(runs, "flow").likelihood).toEqual({ kind: "exact", meanNll: 2.5 });
    expect(byId(runs, "vae").likelihood).toEqual({ kind: "elbo", meanNll: 3 });
    expect(byId(runs, "gan").likelihood).toBeNull();
    // The fake's score is 1 / (1 + seconds): ≤ 0.2 from 4 s on, seen at the first score after that.
    for (const run of runs) {
      expect(run.secondsToTarget).toBeGreaterThanOrEqual(4);
      expect(run.secondsToTarget).toBeLessThan(5.1);
    }
    const short = await runComparison(options(fakeWorker().worker, { budgetSeconds: 2 }));
    expect(short.every((r) => r.secondsToTarget === null)).toBe(true);
  });

  it("a family that diverges stops with its message; the others train to the end", async () => {
    const { worker, counts } = fakeWorker({ divergeAt: { vae: 3000 } });
    const runs = await runComparison(options(worker));
    const vae = byId(runs, "vae");
    expect(vae.state).toBe("diverged");
    expect(vae.message?.zh).toMatch(/^训练在第 3000 步发散/);
    expect(vae.trainedMs).toBeLessThan(1000);
    expect(vae.sampleMs).toBeNull();
    for (const id of ["gan", "flow"] as const) {
      expect(byId(runs, id).state).toBe("done");
      expect(byId(runs, id).trainedMs).toBeGreaterThanOrEqual(5000);
    }
    expect(counts()).toEqual({ created: 3, disposed: 3 });
  });

  it("a family whose worker call fails stops with the error; the others go on", async () => {
    const { worker, counts } = fakeWorker({ throwOn: "gan" });
    const runs = await runComparison(options(worker, { mode: "turns" }));
    expect(byId(runs, "gan").state).toBe("failed");
    expect(byId(runs, "gan").message?.zh).toBe("出错了：WebGL context lost。");
    expect(byId(runs, "flow").state).toBe("done");
    expect(byId(runs, "vae").state).toBe("done");
    expect(counts()).toEqual({ created: 3, disposed: 3 });
  });

  it("waits at the gate (a hidden tab) without training, and goes on when it opens", async () => {
    const { worker, log } = fakeWorker();
    let open: () => void = () => {};
    let closed = true;
    const gate = () => (closed ? new Promise<void>((resolve) => (open = resolve)) : Promise.resolve());
    const done = runComparison(options(worker, { gate, budgetSeconds: 1 }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(log.filter((c) => c.method === "train")).toHaveLength(0);
    closed = false;
    open();
    const runs = await done;
    expect(runs.every((r) => r.state === "done")).toBe(true);
  });

  it("stops when asked: unfinished runs are marked stopped and every session is disposed", async () => {
    const { worker, log, sessions } = fakeWorker();
    const runs = await runComparison(
      options(worker, { stopped: () => log.filter((c) => c.method === "train").length >= 10 }),
    );
    expect(runs.map((r) => r.state)).toEqual(["stopped", "stopped", "stopped"]);
    expect(sessions.size).toBe(0);
  });

  it("reports every run before training and after each change", async () => {
    const { worker } = fakeWorker();
    let started: readonly FamilyRun[] = [];
    const seen = new Set<FamilyId>();
    await runComparison(
      options(worker, {
        budgetSeconds: 1,
        onStart: (runs) => (started = runs),
        onUpdate: (run) => seen.add(run.id),
      }),
    );
    expect(started.map((r) => r.id)).toEqual(FAMILIES);
    expect([...seen].sort()).toEqual([...FAMILIES].sort());
  });
});
