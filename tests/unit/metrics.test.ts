/**
 * The sample-quality score: its histogram and divergence, and that its normalised scale reads 0 for the data
 * itself, 1 for a Gaussian fit, and grows as samples are blurred or shifted away from the data, or leave the grid
 * or stop being finite (every sample counts).
 */
import { describe, expect, it } from "vitest";
import { DATASET_NAMES } from "../../src/lab/dataset-names.ts";
import { sampleDataset } from "../../src/lab/datasets.ts";
import {
  HISTOGRAM,
  fitGaussian,
  gaussianNll,
  histogram2d,
  jensenShannon,
  qualityScore,
  sampleGaussian,
} from "../../src/lab/metrics.ts";
import { createRandom } from "../../src/lab/random.ts";

const CELLS = HISTOGRAM.bins * HISTOGRAM.bins;

function sum(values: Float64Array): number {
  return values.reduce((total, v) => total + v, 0);
}

describe("histogram2d", () => {
  it("uses a 40×40 grid over [−4.5, 4.5]² with pseudocount 0.5", () => {
    expect(HISTOGRAM).toEqual({ bins: 40, lo: -4.5, hi: 4.5, pseudocount: 0.5 });
  });

  it("sums to 1 and puts a point's count in its own cell, on top of the pseudocount", () => {
    const histogram = histogram2d(new Float32Array([0.1, 0.1]));
    // 40×40 grid cells and one more for the points off the grid.
    expect(histogram).toHaveLength(CELLS + 1);
    expect(sum(histogram)).toBeCloseTo(1, 12);
    const total = 1 + HISTOGRAM.pseudocount * (CELLS + 1);
    // (0.1, 0.1) lies in column and row floor(4.6 / 0.225) = 20.
    expect(histogram[20 * HISTOGRAM.bins + 20]).toBeCloseTo(1.5 / total, 15);
    expect(histogram[0]).toBeCloseTo(0.5 / total, 15);
    expect(histogram[CELLS]).toBeCloseTo(0.5 / total, 15);
    expect(sum(histogram2d(sampleDataset("moons", 1000, createRandom(1))))).toBeCloseTo(1, 12);
  });

  it("counts points outside [−4.5, 4.5]² and points with NaN or ±Infinity in the one extra cell", () => {
    const inside = [0, 0, -4.5, 4.5, 4.5, -4.5, 1.2, -3.3];
    const outside = [
      5,
      0,
      0,
      -4.6,
      100,
      100,
      Number.NaN,
      0,
      0,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      0,
      0,
      Number.NEGATIVE_INFINITY,
    ];
    const total = 11 + HISTOGRAM.pseudocount * (CELLS + 1);
    const histogram = histogram2d(new Float32Array([...inside, ...outside]));
    expect(sum(histogram)).toBeCloseTo(1, 12);
    // 7 points off the grid: 0.5 + 7 in the last cell.
    expect(histogram[CELLS]).toBeCloseTo(7.5 / total, 15);
    // The corner (−4.5, 4.5) is on the grid: column 0, row 39.
    expect(histogram[39 * HISTOGRAM.bins]).toBeCloseTo(1.5 / total, 15);
    // Only off-grid points: every grid cell holds the pseudocount alone.
    const offOnly = histogram2d(new Float32Array(outside));
    const offTotal = 7 + HISTOGRAM.pseudocount * (CELLS + 1);
    expect(offOnly[CELLS]).toBeCloseTo(7.5 / offTotal, 15);
    expect(offOnly.subarray(0, CELLS).every((v) => Math.abs(v - 0.5 / offTotal) < 1e-15)).toBe(true);
  });
});

describe("jensenShannon", () => {
  const p = histogram2d(sampleDataset("circles", 2000, createRandom(1)));
  const q = histogram2d(sampleDataset("moons", 2000, createRandom(2)));

  it("is 0 for identical histograms and positive for different ones", () => {
    expect(jensenShannon(p, new Float64Array(p))).toBe(0);
    expect(jensenShannon(p, q)).toBeGreaterThan(0.1);
  });

  it("is symmetric and at most ln 2, reached by disjoint distributions", () => {
    expect(jensenShannon(p, q)).toBeCloseTo(jensenShannon(q, p), 15);
    expect(jensenShannon(p, q)).toBeLessThanOrEqual(Math.LN2);
    expect(jensenShannon(new Float64Array([1, 0]), new Float64Array([0, 1]))).toBeCloseTo(Math.LN2, 15);
  });

  it("is measured in nats", () => {
    // p = (1, 0), q = (½, ½), m = (¾, ¼): ½·ln(4/3) + ½·(½·ln(2/3) + ½·ln 2).
    const expected = 0.5 * Math.log(4 / 3) + 0.5 * (0.5 * Math.log(2 / 3) + 0.5 * Math.log(2));
    expect(jensenShannon(new Float64Array([1, 0]), new Float64Array([0.5, 0.5]))).toBeCloseTo(expected, 15);
  });
});

describe("fitGaussian and sampleGaussian", () => {
  it("recover the mean and covariance they were given", () => {
    const truth = {
      mean: [1, -2] as [number, number],
      cov: [
        [2, 0.6],
        [0.6, 0.5],
      ] as [[number, number], [number, number]],
    };
    const fit = fitGaussian(sampleGaussian(truth, 20_000, createRandom(4)));
    // With 20,000 points the standard errors are ≤ sqrt(2/20,000) = 0.01 for the means and ≤ 0.02 for the
    // covariance entries (sqrt(2)·σ²/sqrt(n) for the largest variance, 2); the tolerances allow 5 of them.
    expect(Math.abs(fit.mean[0] - 1)).toBeLessThan(0.05);
    expect(Math.abs(fit.mean[1] + 2)).toBeLessThan(0.05);
    expect(Math.abs(fit.cov[0][0] - 2)).toBeLessThan(0.1);
    expect(Math.abs(fit.cov[0][1] - 0.6)).toBeLessThan(0.1);
    expect(fit.cov[1][0]).toBe(fit.cov[0][1]);
    expect(Math.abs(fit.cov[1][1] - 0.5)).toBeLessThan(0.1);
  });
});

describe("qualityScore", () => {
  function blurred(name: string, sigma: number): Float32Array {
    const points = sampleDataset(name, 10_000, createRandom(21));
    const noise = createRandom(22);
    for (let i = 0; i < points.length; i++) points[i]! += sigma * noise.normal();
    return points;
  }

  function shifted(name: string, dx: number): Float32Array {
    const points = sampleDataset(name, 10_000, createRandom(21));
    for (let i = 0; i < points.length; i += 2) points[i]! += dx;
    return points;
  }

  it("scores another draw of the data ≈ 0 and a Gaussian fit ≈ 1 on every dataset", () => {
    for (const name of DATASET_NAMES) {
      const fresh = qualityScore(sampleDataset(name, 10_000, createRandom(99)), name);
      expect(Math.abs(fresh.normalised), name).toBeLessThan(0.1);
      const gaussian = sampleGaussian(
        fitGaussian(sampleDataset(name, 10_000, createRandom(98))),
        10_000,
        createRandom(97),
      );
      expect(Math.abs(qualityScore(gaussian, name).normalised - 1), name).toBeLessThan(0.15);
    }
  });

  it("grows the more the samples are blurred or shifted", () => {
    for (const name of DATASET_NAMES) {
      const blurScores = [0.1, 0.3, 0.8].map((sigma) => qualityScore(blurred(name, sigma), name).normalised);
      expect(blurScores[0], name).toBeLessThan(blurScores[1]!);
      expect(blurScores[1], name).toBeLessThan(blurScores[2]!);
      const shiftScores = [0.1, 0.3, 0.8].map((dx) => qualityScore(shifted(name, dx), name).normalised);
      expect(shiftScores[0], name).toBeLessThan(shiftScores[1]!);
      expect(shiftScores[1], name).toBeLessThan(shiftScores[2]!);
    }
  });

  it("reports its parts consistently and is deterministic for a seed", () => {
    const samples = blurred("pinwheel", 0.3);
    const score = qualityScore(samples, "pinwheel", { seed: 3 });
    expect(score.n).toBe(10_000);
    expect(score.noiseFloor).toBeGreaterThan(0);
    expect(score.gaussianJs).toBeGreaterThan(score.noiseFloor);
    expect(score.normalised).toBeCloseTo((score.js - score.noiseFloor) / (score.gaussianJs - score.noiseFloor), 12);
    expect(qualityScore(samples, "pinwheel", { seed: 3 })).toEqual(score);
    expect(qualityScore(samples, "pinwheel", { seed: 4 }).noiseFloor).not.toBe(score.noiseFloor);
  });

  it("uses all the samples when there are fewer than n, and says how many", () => {
    const samples = sampleDataset("moons", 3000, createRandom(5));
    expect(qualityScore(samples, "moons").n).toBe(3000);
    expect(qualityScore(samples, "moons", { n: 2000 }).n).toBe(2000);
  });

  it("counts samples off the grid: half of a fresh draw moved to (100, 100) scores above 0.5", () => {
    const points = sampleDataset("8gaussians", 10_000, createRandom(99));
    for (let i = 0; i < 5000; i++) points.fill(100, 4 * i, 4 * i + 2);
    const score = qualityScore(points, "8gaussians");
    expect(score.normalised).toBeGreaterThan(0.5);
    expect(score.offGrid).toBe(5000);
    expect(score.nonFinite).toBe(0);
  });

  it("counts non-finite samples: all NaN scores at least 1 and reports them", () => {
    const score = qualityScore(new Float32Array(20_000).fill(Number.NaN), "8gaussians");
    expect(score.n).toBe(10_000);
    expect(score.nonFinite).toBe(10_000);
    expect(score.offGrid).toBe(0);
    expect(score.normalised).toBeGreaterThanOrEqual(1);
    // All their mass sits in the one cell where the data put almost none: JS approaches ln 2 (0.69).
    expect(score.js).toBeGreaterThan(0.5);
  });

  it("counts samples at ±Infinity in either coordinate", () => {
    const fresh = sampleDataset("8gaussians", 10_000, createRandom(99));
    const points = new Float32Array(fresh);
    // Every other point gets an infinite coordinate, cycling through +∞ and −∞ in x and in y.
    for (let i = 0; i < 10_000; i += 2) {
      const which = (i / 2) % 4;
      points[2 * i + (which % 2)] = which < 2 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
    }
    const score = qualityScore(points, "8gaussians");
    expect(score.nonFinite).toBe(5000);
    expect(score.offGrid).toBe(0);
    expect(score.normalised).toBeGreaterThan(0.5);
    expect(score.normalised).toBeGreaterThan(qualityScore(fresh, "8gaussians").normalised + 0.5);
  });

  it("still scores a fresh draw of the data near 0, with no sample off the grid or non-finite", () => {
    const score = qualityScore(sampleDataset("8gaussians", 10_000, createRandom(99)), "8gaussians");
    expect(Math.abs(score.normalised)).toBeLessThan(0.1);
    expect(score.nonFinite).toBe(0);
    expect(score.offGrid).toBe(0);
  });

  it("rejects an unknown dataset", () => {
    expect(() => qualityScore(new Float32Array(20), "spirals" as never)).toThrow(DATASET_NAMES.join(", "));
  });
});

describe("gaussianNll", () => {
  it("equals the closed form 1 + log 2π + ½ log det Σ on the points the Gaussian was fitted to (up to n/(n−1))", () => {
    const points = sampleDataset("moons", 20_000, createRandom(3));
    const fit = fitGaussian(points);
    const [[a, b], [, c]] = fit.cov;
    const n = 20_000;
    // With the unbiased covariance the average Mahalanobis term is 2(n − 1)/n, not 2.
    const expected = Math.log(2 * Math.PI) + 0.5 * Math.log(a * c - b * b) + (n - 1) / n;
    expect(gaussianNll(fit, points)).toBeCloseTo(expected, 6);
  });

  it("is log 2π + ½|x|² for the standard normal", () => {
    const nll = gaussianNll(
      {
        mean: [0, 0],
        cov: [
          [1, 0],
          [0, 1],
        ],
      },
      new Float32Array([3, 4]),
    );
    expect(nll).toBeCloseTo(Math.log(2 * Math.PI) + 12.5, 10);
  });
});
