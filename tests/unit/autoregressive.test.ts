/**
 * The discretised autoregressive model p(x) = P(b₁) P(b₂ | b₁) / w² (van den Oord et al. 2016's factorisation on
 * two coordinates): its probabilities, its density, its NLL and its sampler, each checked against sums written
 * out here from the model's probability tables, and its likelihood against the best single Gaussian.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createDataStream, sampleDataset } from "../../src/lab/datasets.ts";
import { meanNll } from "../../src/lab/binned-density.ts";
import { fitGaussian, gaussianNll } from "../../src/lab/metrics.ts";
import { createRandom } from "../../src/lab/random.ts";
import {
  autoregressive,
  createAutoregressiveModel,
  type AutoregressiveModel,
} from "../../src/models/autoregressive.ts";
import { defaults } from "../../src/settings/resolve.ts";
import { useWasm } from "../support/tf-node.ts";

beforeAll(async () => {
  await useWasm();
});

const B = Number(defaults(autoregressive.settings).bins);
const W = 9 / B;
/** The bin of a coordinate, written out: ⌊(v + 4.5) / w⌋, clamped to 0..B−1. */
const bin = (v: number) => Math.min(B - 1, Math.max(0, Math.floor((v + 4.5) / W)));

/** A model trained briefly on moons, so its tables are far from uniform. */
function trainedModel(steps = 150): AutoregressiveModel {
  const model = createAutoregressiveModel({ settings: defaults(autoregressive.settings), seed: 3, dataset: "moons" });
  const rng = createRandom(11);
  const data = { next: (n: number) => sampleDataset("moons", n, rng) };
  for (let i = 0; i < steps; i++) model.trainStep(data, false);
  return model;
}

/** The density by hand from the tables: P(b₁) · P(b₂ | b₁) / w². */
function handDensity(model: AutoregressiveModel, x1: number, x2: number): number {
  const { marginal, conditional } = model.tables();
  return (marginal[bin(x1)]! * conditional[bin(x1) * B + bin(x2)]!) / (W * W);
}

describe("probabilities", () => {
  it("the marginal and every conditional sum to 1, with every entry positive", () => {
    const model = trainedModel();
    const { marginal, conditional } = model.tables();
    expect(marginal.length).toBe(B);
    expect(conditional.length).toBe(B * B);
    expect(marginal.reduce((a, p) => a + p, 0)).toBeCloseTo(1, 12);
    for (let j = 0; j < B; j++) {
      let sum = 0;
      for (let k = 0; k < B; k++) sum += conditional[j * B + k]!;
      expect(sum).toBeCloseTo(1, 12);
    }
    expect(Math.min(...marginal, ...conditional)).toBeGreaterThan(0);
    // training moved them away from uniform
    expect(Math.max(...marginal)).toBeGreaterThan(2 / B);
    model.dispose();
  });

  it("the density integrates to 1 over [−4.5, 4.5]²: Σ p(x) · cell area on fine grids", () => {
    const model = trainedModel();
    // A grid of 3 cells per bin (cells inside bins: exact) and one of 1201 cells (cells straddle bin edges).
    for (const [cells, digits] of [
      [3 * B, 10],
      [1201, 2],
    ] as const) {
      const h = 9 / cells;
      let total = 0;
      for (let r = 0; r < cells; r++) {
        for (let c = 0; c < cells; c++) total += handDensity(model, -4.5 + (c + 0.5) * h, -4.5 + (r + 0.5) * h) * h * h;
      }
      expect(total).toBeCloseTo(1, digits);
    }
    model.dispose();
  });

  it("the density view shows P(b₁) P(b₂ | b₁) / w² at the grid's cell centres", () => {
    const model = trainedModel();
    const frame = model.view({ view: "density", n: 10, extent: 4.5, gridSize: 9 });
    // row 0 is the top: cell (row, col) has centre (−4 + col, 4 − row)
    for (const [row, col] of [
      [0, 0],
      [4, 4],
      [3, 7],
    ] as const) {
      expect(frame.field!.values[row * 9 + col]).toBeCloseTo(handDensity(model, -4 + col, 4 - row), 5);
    }
    model.dispose();
  });
});

describe("negative log-likelihood", () => {
  it("the training loss is −mean log p(x) of the batch, p computed by hand before the step", () => {
    const model = trainedModel();
    const points = [
      [0.3, 0.9],
      [-2.2, 0.1],
      [1.7, -0.4],
      [4.4, -4.4],
    ];
    const batch = new Float32Array(2 * autoregressive.batchSize);
    for (let i = 0; i < autoregressive.batchSize; i++) batch.set(points[i % points.length]!, 2 * i);
    let expected = 0;
    for (let i = 0; i < autoregressive.batchSize; i++)
      expected -= Math.log(handDensity(model, batch[2 * i]!, batch[2 * i + 1]!));
    expected /= autoregressive.batchSize;
    const losses = model.trainStep({ next: () => batch }, true)!;
    expect(losses.nll).toBeCloseTo(expected, 4);
    model.dispose();
  });

  it("the held-out NLL is −mean log p(x), p computed by hand", () => {
    const model = trainedModel();
    const points = sampleDataset("moons", 200, createRandom(4));
    let expected = 0;
    for (let i = 0; i < 200; i++) expected -= Math.log(handDensity(model, points[2 * i]!, points[2 * i + 1]!));
    expect(meanNll(model.tables(), points)).toBeCloseTo(expected / 200, 10);
    model.dispose();
  });
});

describe("sampling", () => {
  it("follows the model's probabilities (chi-square over bins) and is uniform within a bin", () => {
    const model = trainedModel();
    const { marginal, conditional } = model.tables();
    const n = 200_000;
    const samples = model.sample(n);
    const counts1 = new Float64Array(B);
    const counts = new Float64Array(B * B);
    let leftHalf = 0;
    for (let i = 0; i < n; i++) {
      const x1 = samples[2 * i]!;
      const x2 = samples[2 * i + 1]!;
      counts1[bin(x1)]! += 1;
      counts[bin(x1) * B + bin(x2)]! += 1;
      if ((x1 + 4.5) / W - bin(x1) < 0.5) leftHalf++;
    }
    // Pearson's χ² over cells with an expected count of at least 5; its mean is the degrees of freedom (cells − 1)
    // and its standard deviation √(2·df), so 6 standard deviations is a loose bound that a wrong sampler breaks.
    const chiSquare = (observed: Float64Array, expected: (k: number) => number) => {
      let stat = 0;
      let cells = 0;
      for (let k = 0; k < observed.length; k++) {
        const e = expected(k);
        if (e < 5) continue;
        stat += (observed[k]! - e) ** 2 / e;
        cells++;
      }
      return { stat, df: cells - 1 };
    };
    const first = chiSquare(counts1, (k) => n * marginal[k]!);
    expect(first.stat).toBeLessThan(first.df + 6 * Math.sqrt(2 * first.df));
    const joint = chiSquare(counts, (k) => n * marginal[Math.floor(k / B)]! * conditional[k]!);
    expect(joint.df).toBeGreaterThan(50);
    expect(joint.stat).toBeLessThan(joint.df + 6 * Math.sqrt(2 * joint.df));
    expect(Math.abs(leftHalf / n - 0.5)).toBeLessThan(0.01);
    model.dispose();
  });
});

describe("likelihood on moons", () => {
  it("after a short seeded training, the held-out NLL beats the best single Gaussian's", () => {
    const model = createAutoregressiveModel({ settings: defaults(autoregressive.settings), seed: 1, dataset: "moons" });
    const data = createDataStream("moons", 1);
    let losses = null;
    for (let step = 1; step <= 300; step++) losses = model.trainStep(data, step === 300);
    const train = sampleDataset("moons", 10_000, createRandom(21));
    const heldOut = sampleDataset("moons", 2000, createRandom(22));
    const gaussian = gaussianNll(fitGaussian(train), heldOut);
    expect(meanNll(model.tables(), heldOut)).toBeLessThan(gaussian - 0.3);
    // the live series reads the same kind of number on the model's own held-out draw
    expect(losses!.heldOut).toBeLessThan(gaussian - 0.3);
    model.dispose();
  });
});
