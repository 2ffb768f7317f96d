import { describe, expect, it } from "vitest";
import { decayedLearningRate } from "../../src/lab/lr-decay.ts";

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
