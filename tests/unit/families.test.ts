/**
 * The engine's contract, run over every family in the registry (WASM backend in Node):
 * sample shapes and finite values, training that learns, no tensor leaks, dispose frees all,
 * the same seed gives the same loss curve.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { qualityScore } from "../../src/lab/metrics.ts";
import { registeredFamilies } from "../../src/models/registry.ts";
import { Trainer } from "../../src/models/trainer.ts";
import { defaults } from "../../src/settings/resolve.ts";
import { frameArrays } from "../support/frames.ts";
import { useWasm } from "../support/tf-node.ts";

let tf: Awaited<ReturnType<typeof useWasm>>;
beforeAll(async () => {
  tf = await useWasm();
});

const families = registeredFamilies();

function trainer(familyIndex: number, seed = 1) {
  const family = families[familyIndex]!;
  return new Trainer({ family, dataset: "8gaussians", seed, settings: defaults(family.settings) });
}

describe.each(families.map((f, i) => [f.id, i] as const))("family %s", (_id, index) => {
  it("draws samples of the right shape with finite values, before and after training", () => {
    const t = trainer(index);
    for (const n of [1, 257]) {
      const samples = t.sample(n);
      expect(samples).toBeInstanceOf(Float32Array);
      expect(samples.length).toBe(2 * n);
      expect(samples.every(Number.isFinite)).toBe(true);
    }
    t.train(20);
    expect(t.sample(100).every(Number.isFinite)).toBe(true);
    t.dispose();
  });

  it("reports every loss series as finite numbers, and every view draws finite arrays", () => {
    const t = trainer(index);
    const progress = t.train(10, 5);
    expect(Object.keys(progress.losses ?? {}).sort()).toEqual(t.family.lossSeries.map((s) => s.key).sort());
    expect(Object.values(progress.losses ?? {}).every(Number.isFinite)).toBe(true);
    expect(t.history.steps).toEqual([5, 10]);
    for (const view of t.family.views) {
      const frame = t.view({
        view: view.id,
        n: 50,
        extent: 4.5,
        gridSize: 8,
        ...(view.param ? { param: view.param.default } : {}),
      });
      for (const a of frameArrays(frame)) expect(a.every(Number.isFinite), view.id).toBe(true);
      if (frame.samples) expect(frame.samples.length).toBe(100);
      if (frame.field) expect(frame.field.values.length).toBe(64);
      if (frame.colouredPoints) expect(frame.colouredPoints.hues.length * 2).toBe(frame.colouredPoints.points.length);
      for (const line of frame.paths?.lines ?? []) expect(line.length % 2).toBe(0);
    }
    t.dispose();
  });

  it("keeps the tensor count constant across steps and views, and frees everything on dispose", () => {
    const before = tf.memory().numTensors;
    const t = trainer(index);
    t.train(2, 1); // optimiser slots are created on the first step
    const view = t.family.views[0]!;
    t.view({ view: view.id, n: 20, extent: 4.5, gridSize: 4 });
    const warm = tf.memory().numTensors;
    for (let i = 0; i < 5; i++) {
      t.train(3, 2);
      t.view({ view: view.id, n: 20, extent: 4.5, gridSize: 4 });
      t.sample(10);
      expect(tf.memory().numTensors).toBe(warm);
    }
    t.reset();
    t.train(2, 1);
    expect(tf.memory().numTensors).toBe(warm);
    t.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it("gives the same loss curve for the same seed, and a different one for another seed", () => {
    const curve = (seed: number) => {
      const t = trainer(index, seed);
      t.train(30, 3);
      const values = structuredClone(t.history.values);
      t.dispose();
      return values;
    };
    expect(curve(7)).toEqual(curve(7));
    expect(curve(7)).not.toEqual(curve(8));
  });

  it("lowers its loss: the mean of the first reads exceeds that of the last (for a GAN, at least one player's)", () => {
    const t = trainer(index);
    t.train(200, 10);
    const decreased = Object.values(t.history.values).some((v) => {
      const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
      return mean(v.slice(-5)) < mean(v.slice(0, 5));
    });
    expect(decreased).toBe(true);
    t.dispose();
  });

  it("learns: the quality score improves over a short training", () => {
    const t = trainer(index);
    const before = qualityScore(t.sample(3000), "8gaussians", { n: 3000 }).normalised;
    t.train(300, 50);
    const after = qualityScore(t.sample(3000), "8gaussians", { n: 3000 }).normalised;
    expect(after).toBeLessThan(before);
    t.dispose();
  });
});
