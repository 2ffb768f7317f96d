/** The backend race: the fastest lap wins, failures are not losses, and a backend made slow on purpose loses. */
import { beforeAll, describe, expect, it } from "vitest";
import { raceBackends, timeLap } from "../../src/lab/backend-race.ts";
import type { BackendName } from "../../src/lab/backend-names.ts";
import { activateBackend } from "../../src/lab/backend.ts";
import { getFamily } from "../../src/models/registry.ts";
import { Trainer } from "../../src/models/trainer.ts";
import { defaults } from "../../src/settings/resolve.ts";
import { useWasm } from "../support/tf-node.ts";

beforeAll(useWasm);

/** A clock that moves only when a fake step says so. */
function fakeClock() {
  let t = 0;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe("timeLap", () => {
  it("counts the steps of the timed window only, after the warm-up", () => {
    const clock = fakeClock();
    const calls: number[] = [];
    // Warm-up steps cost 50 ms each (shader compiles), timed ones 2 ms each.
    const rate = timeLap(
      (n) => {
        calls.push(n);
        clock.advance(calls.length === 1 ? 50 * n : 2 * n);
        return n;
      },
      { windowMs: 200, warmupSteps: 3, chunk: 5, now: clock.now },
    );
    expect(calls[0]).toBe(3);
    expect(rate).toBeCloseTo(500, 6); // 5 steps per 10 ms
  });

  it("stops after the warm-up when the warm-up alone outlasts the window, and rates it by the warm-up", () => {
    const clock = fakeClock();
    let calls = 0;
    const rate = timeLap(
      (n) => {
        calls++;
        clock.advance(400 * n);
        return n;
      },
      { windowMs: 600, warmupSteps: 3, chunk: 5, now: clock.now },
    );
    expect(calls).toBe(1);
    expect(rate).toBeCloseTo(2.5, 6);
  });

  it("fails a lap on a model that no longer trains (diverged)", () => {
    const clock = fakeClock();
    expect(() => timeLap(() => 0, { windowMs: 100, warmupSteps: 3, chunk: 5, now: clock.now })).toThrow(/发散/);
  });
});

describe("raceBackends", () => {
  it("keeps the fastest lap, and counts a backend that throws as failed, with its reason", async () => {
    const speeds: Partial<Record<BackendName, number>> = { webgl: 45, wasm: 310 };
    const outcome = await raceBackends(["webgl", "wasm", "cpu"], async (b) => {
      if (b === "cpu") throw new Error("初始化失败");
      return speeds[b]!;
    });
    expect(outcome.winner).toBe("wasm");
    expect(outcome.laps).toEqual([
      { backend: "webgl", stepsPerSecond: 45 },
      { backend: "wasm", stepsPerSecond: 310 },
      { backend: "cpu", stepsPerSecond: null, reason: { zh: "初始化失败", en: "初始化失败" } },
    ]);
  });

  it("throws with every reason when no backend runs", async () => {
    await expect(
      raceBackends(["webgl", "wasm"], async (b) => {
        throw new Error(`${b} broken`);
      }),
    ).rejects.toThrow(/webgl（webgl broken）；wasm（wasm broken）/);
  });

  it("on a real model: the backend made slow on purpose loses, whichever is faster by nature", async () => {
    const family = getFamily("flow-matching");
    const trainer = new Trainer({ family, dataset: "8gaussians", seed: 1, settings: defaults(family.settings) });
    const race = (slow: BackendName) =>
      raceBackends(["wasm", "cpu"], async (backend) => {
        await activateBackend(backend);
        // The slow backend's clock runs a second ahead for every step it trains: at most 1 step/s, slower than the
        // CPU backend (about 8 steps/s here, 2 on a machine loaded four times over) and than WASM by far. A
        // busy-wait would cost wall time, which a loaded machine also takes from the other lap.
        let penaltyMs = 0;
        return timeLap(
          (steps) => {
            const before = trainer.step;
            const done = trainer.train(steps, 5).step - before;
            if (backend === slow) penaltyMs += 1000 * done;
            return done;
          },
          { windowMs: 150, warmupSteps: 2, chunk: 5, now: () => performance.now() + penaltyMs },
        );
      });
    expect((await race("wasm")).winner).toBe("cpu");
    expect((await race("cpu")).winner).toBe("wasm");
    await activateBackend("wasm");
    trainer.dispose();
  });
});
