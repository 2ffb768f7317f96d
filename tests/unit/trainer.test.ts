/**
 * The Trainer with a stand-in family (no tfjs): read-back cadence, the time budget of a call, and how a
 * non-finite loss stops training at its step until a reset.
 */
import { describe, expect, it, vi } from "vitest";
import { Trainer } from "../../src/models/trainer.ts";
import type { Family, Model } from "../../src/models/types.ts";
import { same } from "../../src/i18n/text.ts";

/** A family whose loss at step k is `lossAt(k)` and whose steps each take `stepMs` of busy time. */
function standIn(lossAt: (step: number) => number, stepMs = 0): Family {
  return {
    id: "gan",
    title: same("stand-in"),
    settings: [],
    views: [],
    lossSeries: [{ key: "loss", label: same("loss") }],
    batchSize: 4,
    defaultSteps: 10,
    create(): Model {
      let step = 0;
      return {
        trainStep(data, read) {
          step++;
          data.next(4);
          const end = performance.now() + stepMs;
          while (performance.now() < end);
          return read ? { loss: lossAt(step) } : null;
        },
        sample: (n) => new Float32Array(2 * n),
        view: () => ({}),
        weights: () => ({}),
        weightsChanged() {},
        dispose() {},
      };
    },
  };
}

const options = (family: Family) => ({ family, dataset: "moons" as const, seed: 1, settings: {} });

describe("Trainer", () => {
  it("reads the losses back every readEvery steps and on the last step of a call", () => {
    const trainer = new Trainer(options(standIn((k) => 1 / k)));
    const progress = trainer.train(25, 10);
    expect(trainer.history.steps).toEqual([10, 20, 25]);
    expect(trainer.history.values.loss).toEqual([1 / 10, 1 / 20, 1 / 25]);
    expect(progress).toEqual({ step: 25, losses: { loss: 1 / 25 }, diverged: null });
  });

  it("tells the model each step's number, going on from the step of loaded weights", () => {
    const family = standIn((k) => k);
    const seen: number[] = [];
    const create = family.create.bind(family);
    family.create = (...args) => {
      const model = create(...args);
      const trainStep = model.trainStep.bind(model);
      model.trainStep = (data, read, step) => (seen.push(step), trainStep(data, read, step));
      return model;
    };
    const trainer = new Trainer(options(family));
    trainer.train(3);
    // A snapshot or a recovered checkpoint sets the step (models/snapshot.ts): a schedule goes on from there.
    trainer.step = 3000;
    trainer.train(2);
    expect(seen).toEqual([1, 2, 3, 3001, 3002]);
  });

  it("stops a call early when its time budget runs out, reading the losses of its last step", () => {
    // The clock is the test's: each step takes exactly 5 ms of it, so a loaded machine cannot change the count.
    let now = 0;
    const clock = vi.spyOn(performance, "now").mockImplementation(() => now);
    try {
      const family = standIn((k) => k);
      const create = family.create.bind(family);
      family.create = (...args) => {
        const model = create(...args);
        const trainStep = model.trainStep.bind(model);
        model.trainStep = (data, read, step) => ((now += 5), trainStep(data, read, step));
        return model;
      };
      const trainer = new Trainer(options(family));
      const progress = trainer.train(1000, 100, 30);
      // Steps start at 0, 5, …, 30 ms: the step that starts at the deadline is the last, and its losses are read.
      expect(progress.step).toBe(7);
      expect(progress.losses).toEqual({ loss: 7 });
    } finally {
      clock.mockRestore();
    }
  });

  it("stops at the step whose loss is not finite, stays stopped, and starts again after a reset", () => {
    const trainer = new Trainer(options(standIn((k) => (k >= 7 ? NaN : 1))));
    const progress = trainer.train(20, 1);
    expect(progress.step).toBe(7);
    expect(progress.diverged).toEqual({ step: 7, series: "loss" });
    expect(trainer.train(5, 1).step).toBe(7);
    trainer.reset();
    expect(trainer.diverged).toBeNull();
    expect(trainer.train(3, 1)).toMatchObject({ step: 3, diverged: null });
  });
});
