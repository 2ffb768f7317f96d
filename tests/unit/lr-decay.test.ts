import { beforeAll, describe, expect, it } from "vitest";
import { decayedLearningRate } from "../../src/lab/lr-decay.ts";
import { createDataStream } from "../../src/lab/datasets.ts";
import { registeredFamilies } from "../../src/models/registry.ts";
import { defaults } from "../../src/settings/resolve.ts";
import { readSettings } from "../../src/settings/read.ts";
import { useWasm } from "../support/tf-node.ts";

beforeAll(async () => {
  await useWasm();
});

describe("decayedLearningRate", () => {
  const decay = { factor: 0.05, start: 500, end: 2000 };

  it("holds the base rate up to the start", () => {
    expect(decayedLearningRate(2e-3, 0, decay)).toBe(2e-3);
    expect(decayedLearningRate(2e-3, 500, decay)).toBe(2e-3);
  });

  it("follows half a cosine: halfway between the rates at the middle of the window", () => {
    expect(decayedLearningRate(2e-3, 1250, decay)).toBeCloseTo((2e-3 + 1e-4) / 2, 12);
    // A quarter of the way in, cos(π/4): 1e-4 + 1.9e-3 · (1 + √2/2) / 2.
    expect(decayedLearningRate(2e-3, 875, decay)).toBeCloseTo(1e-4 + (1.9e-3 * (1 + Math.SQRT1_2)) / 2, 12);
  });

  it("falls monotonically and stays at base · factor from the end on", () => {
    let previous = Infinity;
    for (let step = 0; step <= 3000; step += 50) {
      const rate = decayedLearningRate(4e-3, step, decay);
      expect(rate).toBeLessThanOrEqual(previous);
      previous = rate;
    }
    expect(decayedLearningRate(4e-3, 2000, decay)).toBeCloseTo(2e-4, 12);
    expect(decayedLearningRate(4e-3, 10_000, decay)).toBeCloseTo(2e-4, 12);
  });

  it("decays nothing with factor 1", () => {
    expect(decayedLearningRate(1e-4, 1500, { ...decay, factor: 1 })).toBe(1e-4);
  });
});

/** The families whose settings table holds the decay (src/models/specs/lr-decay.ts). */
const DECAYING = registeredFamilies().filter((f) => f.settings.some((s) => s.name === "decayFactor"));

describe("every family with the decay settings", () => {
  it("is at least the GAN, the EBM, the flow and the VAE", () => {
    expect(DECAYING.map((f) => f.id)).toEqual(expect.arrayContaining(["gan", "ebm", "flow", "vae"]));
  });

  it.each(DECAYING.map((f) => [f.id, f] as const))(
    "%s decays on the step count: after the window an update moves its trained weights factor× as far",
    (_, family) => {
      // Adam's step is about the learning rate in size, whatever the gradient: with the decay over by step 1, the
      // second update of the decayed model moves the trained networks about 1/100 as far as the plain model's.
      const movement = (decayFactor: number) => {
        const settings = readSettings(family.settings, {
          ...defaults(family.settings),
          decayFactor,
          decayStart: 0,
          decayEnd: 1,
        });
        const model = family.create({ settings, seed: 4, dataset: "moons" });
        const data = createDataStream("moons", 4);
        model.trainStep(data, false, 1);
        // The trained networks only: a weight average follows them at a rate of its own.
        const flat = () =>
          Object.entries(model.weights())
            .filter(([name]) => !/average/i.test(name))
            .flatMap(([, v]) => Array.from(v.dataSync()));
        const before = flat();
        model.trainStep(data, false, 2);
        const moved = flat().reduce((a, w, i) => a + Math.abs(w - before[i]!), 0);
        model.dispose();
        return moved;
      };
      const plain = movement(1);
      expect(plain).toBeGreaterThan(1e-3);
      expect(movement(0.01) / plain).toBeLessThan(0.05);
    },
  );
});
