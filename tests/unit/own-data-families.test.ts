/**
 * Every family of the registry trains on a small set of the reader's own points (WASM backend in Node): finite
 * losses, samples and views, a held-out score that improves, likelihoods on the held-out points, a weights file
 * naming `own`, and no tensor left behind.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { sampleDataset } from "../../src/lab/datasets.ts";
import { datasetFor } from "../../src/lab/own-data.ts";
import { datasetQuality } from "../../src/lab/own-score.ts";
import { createRandom } from "../../src/lab/random.ts";
import { registeredFamilies } from "../../src/models/registry.ts";
import { Trainer } from "../../src/models/trainer.ts";
import { defaults } from "../../src/settings/resolve.ts";
import { frameArrays } from "../support/frames.ts";
import { useWasm } from "../support/tf-node.ts";

let tf: Awaited<ReturnType<typeof useWasm>>;
beforeAll(async () => {
  tf = await useWasm();
});

/** 160 points of two blobs, the kind a reader draws with two strokes; a quarter is held out. */
const drawn = (() => {
  const rng = createRandom(42);
  const points = new Float32Array(320);
  for (let i = 0; i < 160; i++) {
    const left = i % 2 === 0;
    points[2 * i] = (left ? -2 : 2) + 0.4 * rng.normal();
    points[2 * i + 1] = (left ? 1 : -1) + 0.4 * rng.normal();
  }
  return points;
})();

describe.each(registeredFamilies().map((f) => [f.id, f] as const))(
  "family %s on the reader's own points",
  (_id, family) => {
    it("trains, draws finite views, scores on the held-out points and frees every tensor", () => {
      const before = tf.memory().numTensors;
      const dataset = datasetFor("own", drawn, 1);
      const t = new Trainer({ family, dataset, seed: 1, settings: defaults(family.settings) });
      const untrained = datasetQuality(t.sample(2000), dataset, { n: 2000 });
      expect(untrained.own?.heldOut).toBe(40);
      const progress = t.train(family.id === "autoregressive" ? 300 : 400, 50);
      expect(progress.diverged).toBeNull();
      expect(Object.values(progress.losses ?? {}).every(Number.isFinite)).toBe(true);
      for (const view of family.views) {
        const frame = t.view({
          view: view.id,
          n: 50,
          extent: 4.5,
          gridSize: 8,
          ...(view.param ? { param: view.param.default } : {}),
        });
        for (const a of frameArrays(frame)) expect(a.every(Number.isFinite), view.id).toBe(true);
      }
      const samples = t.sample(2000);
      expect(samples.every(Number.isFinite)).toBe(true);
      const trained = datasetQuality(samples, dataset, { n: 2000 });
      expect(Number.isFinite(trained.normalised)).toBe(true);
      expect(trained.normalised).toBeLessThan(untrained.normalised);
      const likelihood = t.logLikelihood(1000);
      if (likelihood) expect(Number.isFinite(likelihood.meanNll)).toBe(true);
      expect(t.saveWeights().dataset).toBe("own");
      t.dispose();
      expect(tf.memory().numTensors).toBe(before);
    });
  },
);

describe("a toy dataset still goes through the same path", () => {
  it("scores a name with the toy score (40×40, no held-out details)", () => {
    const score = datasetQuality(sampleDataset("moons", 500, createRandom(1)), "moons", { n: 500 });
    expect(score.own).toBeUndefined();
  });
});
