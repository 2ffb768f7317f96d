/**
 * How close a model's samples are to a toy dataset: the Jensen–Shannon divergence between 2D histograms,
 * put on a scale fixed by two references drawn from the dataset itself.
 */
import { parseDatasetName, type DatasetName } from "./dataset-names.ts";
import { sampleDataset } from "./datasets.ts";
import { createRandom, type Random } from "./random.ts";

/**
 * The histogram grid: `bins`×`bins` cells over [lo, hi]², plus one cell for every point off it, with `pseudocount`
 * added to every cell (the extra one too) before normalising.
 */
export const HISTOGRAM = { bins: 40, lo: -4.5, hi: 4.5, pseudocount: 0.5 } as const;

/** The index of the extra cell of `histogram2d`: points outside [lo, hi]² and points with a non-finite coordinate. */
export const OFF_GRID_CELL = HISTOGRAM.bins * HISTOGRAM.bins;

/** Whether (x, y) lies on the grid [lo, hi]² (edges included). Written so that NaN fails the test. */
function onGrid(x: number, y: number): boolean {
  const { lo, hi } = HISTOGRAM;
  return x >= lo && x <= hi && y >= lo && y <= hi;
}

/**
 * A normalised 2D histogram of interleaved xy points: `bins * bins` grid cells (cell `iy * bins + ix`) and, at
 * `OFF_GRID_CELL`, one more that counts every point outside [lo, hi]² or with NaN or ±Infinity in a coordinate,
 * so that no sample goes uncounted. The pseudocount keeps every cell positive, so divergences stay finite. The result
 * sums to 1. `bins` (40 by default) may be lowered for a small reference set (the reader's own held-out points).
 */
export function histogram2d(points: Float32Array, bins: number = HISTOGRAM.bins): Float64Array {
  const { lo, hi, pseudocount } = HISTOGRAM;
  const cellsPerUnit = bins / (hi - lo);
  const offGrid = bins * bins;
  const counts = new Float64Array(offGrid + 1).fill(pseudocount);
  const pointCount = Math.floor(points.length / 2);
  const total = pseudocount * counts.length + pointCount;
  for (let i = 0; i < pointCount; i++) {
    const x = points[2 * i]!;
    const y = points[2 * i + 1]!;
    if (!onGrid(x, y)) {
      counts[offGrid]! += 1;
      continue;
    }
    const ix = Math.min(bins - 1, Math.floor((x - lo) * cellsPerUnit));
    const iy = Math.min(bins - 1, Math.floor((y - lo) * cellsPerUnit));
    counts[iy * bins + ix]! += 1;
  }
  for (let i = 0; i < counts.length; i++) counts[i]! /= total;
  return counts;
}

/** How many of the interleaved xy points have a NaN or ±Infinity coordinate, and how many are finite but off the grid. */
export function countMisses(points: Float32Array): { nonFinite: number; offGrid: number } {
  let nonFinite = 0;
  let offGrid = 0;
  const pointCount = Math.floor(points.length / 2);
  for (let i = 0; i < pointCount; i++) {
    const x = points[2 * i]!;
    const y = points[2 * i + 1]!;
    if (!Number.isFinite(x) || !Number.isFinite(y)) nonFinite++;
    else if (!onGrid(x, y)) offGrid++;
  }
  return { nonFinite, offGrid };
}

/**
 * Jensen–Shannon divergence in nats: ½KL(p‖m) + ½KL(q‖m) with m = (p + q)/2. Symmetric, 0 for equal
 * distributions, at most ln 2 (for disjoint ones). Cells where a distribution is 0 contribute nothing to its term.
 */
export function jensenShannon(p: Float64Array, q: Float64Array): number {
  if (p.length !== q.length) throw new RangeError(`Histograms differ in length: ${p.length} and ${q.length}.`);
  let divergence = 0;
  for (let i = 0; i < p.length; i++) {
    const pi = p[i]!;
    const qi = q[i]!;
    const mi = (pi + qi) / 2;
    if (pi > 0) divergence += 0.5 * pi * Math.log(pi / mi);
    if (qi > 0) divergence += 0.5 * qi * Math.log(qi / mi);
  }
  return Math.min(Math.LN2, Math.max(0, divergence)); // clamp away rounding error only
}

/** A 2D Gaussian given by its mean and covariance matrix. */
export interface GaussianFit {
  mean: [number, number];
  cov: [[number, number], [number, number]];
}

/** The sample mean and (unbiased, n − 1) sample covariance of interleaved xy points. */
export function fitGaussian(points: Float32Array): GaussianFit {
  const n = Math.floor(points.length / 2);
  if (n < 2) throw new RangeError(`Fitting a Gaussian needs at least 2 points, got ${n}.`);
  let sumX = 0;
  let sumY = 0;
  for (let i = 0; i < n; i++) {
    sumX += points[2 * i]!;
    sumY += points[2 * i + 1]!;
  }
  const meanX = sumX / n;
  const meanY = sumY / n;
  let xx = 0;
  let xy = 0;
  let yy = 0;
  for (let i = 0; i < n; i++) {
    const dx = points[2 * i]! - meanX;
    const dy = points[2 * i + 1]! - meanY;
    xx += dx * dx;
    xy += dx * dy;
    yy += dy * dy;
  }
  const cxy = xy / (n - 1);
  return {
    mean: [meanX, meanY],
    cov: [
      [xx / (n - 1), cxy],
      [cxy, yy / (n - 1)],
    ],
  };
}

/**
 * The average negative log-likelihood, in nats per point, of `points` under the Gaussian `fit`:
 * ½ log det(2πΣ) + ½ (x − μ)ᵀ Σ⁻¹ (x − μ), averaged. The baseline an exact-likelihood model must beat.
 */
export function gaussianNll(fit: GaussianFit, points: Float32Array): number {
  const [[a, b], [, c]] = fit.cov;
  const det = a * c - b * b;
  if (!(det > 0)) throw new RangeError(`The covariance is not positive definite (det ${det}).`);
  const n = Math.floor(points.length / 2);
  let quadratic = 0;
  for (let i = 0; i < n; i++) {
    const dx = points[2 * i]! - fit.mean[0];
    const dy = points[2 * i + 1]! - fit.mean[1];
    quadratic += (c * dx * dx - 2 * b * dx * dy + a * dy * dy) / det;
  }
  return 0.5 * Math.log((2 * Math.PI) ** 2 * det) + (0.5 * quadratic) / n;
}

/** Draws `n` points from a fitted Gaussian as interleaved xy pairs: mean + L·z, with L the Cholesky factor of cov. */
export function sampleGaussian(fit: GaussianFit, n: number, rng: Random): Float32Array {
  const [[a, b], [, c]] = fit.cov;
  const l11 = Math.sqrt(Math.max(a, 0));
  const l21 = l11 > 0 ? b / l11 : 0;
  const l22 = Math.sqrt(Math.max(c - l21 * l21, 0));
  const out = new Float32Array(2 * n);
  for (let i = 0; i < n; i++) {
    const z1 = rng.normal();
    const z2 = rng.normal();
    out[2 * i] = fit.mean[0] + l11 * z1;
    out[2 * i + 1] = fit.mean[1] + l21 * z1 + l22 * z2;
  }
  return out;
}

/** The outcome of `qualityScore`; divergences are in nats. */
export interface QualityScore {
  /** JS(samples, data). */
  js: number;
  /** JS(data′, data): what a fresh draw of the data itself scores, i.e. the sampling noise at this n. */
  noiseFloor: number;
  /** JS(Gaussian fitted to data, data): what the best single Gaussian scores. */
  gaussianJs: number;
  /** (js − noiseFloor) / (gaussianJs − noiseFloor): 0 = as good as a fresh draw of the data, 1 = no better than one Gaussian. */
  normalised: number;
  /** The number of points compared on each side. */
  n: number;
  /** How many of the n scored samples have NaN or ±Infinity in a coordinate (counted in the off-grid cell). */
  nonFinite: number;
  /** How many of the n scored samples are finite but outside [−4.5, 4.5]² (counted in the off-grid cell). */
  offGrid: number;
  /** Set when scored against the reader's own held-out points (see own-score.ts): the grid and the reference. */
  own?: OwnScoreDetails;
}

/** How a score against the reader's own points was made. */
export interface OwnScoreDetails {
  /** The histogram's bins per axis (fewer than 40 for a small held-out set). */
  bins: number;
  /** The held-out points compared with. */
  heldOut: number;
  /**
   * False when the score is rough: too few held-out points, or data so close to one Gaussian that the two references
   * nearly coincide (the gap divided by is then floored, so broken models still score far above 1).
   */
  reliable: boolean;
}

export interface QualityOptions {
  /** Points compared on each side; default 10,000. Fewer are used when `samples` has fewer. */
  n?: number;
  /** Seed of the reference draws; default 1. */
  seed?: number;
}

interface Reference {
  data: Float64Array;
  noiseFloor: number;
  gaussianJs: number;
}

const DEFAULT_QUALITY_POINTS = 10_000;
const DEFAULT_QUALITY_SEED = 1;
const REFERENCE_CACHE_SIZE = 16;
const referenceCache = new Map<string, Reference>();

/** The reference histograms and divergences for (dataset, n, seed), computed once and kept in a small cache. */
function reference(dataset: DatasetName, n: number, seed: number): Reference {
  const key = `${dataset}|${n}|${seed}`;
  const cached = referenceCache.get(key);
  if (cached) return cached;
  const rng = createRandom(seed).fork(`quality/${dataset}`);
  const data = sampleDataset(dataset, n, rng.fork("data"));
  const dataPrime = sampleDataset(dataset, n, rng.fork("data-prime"));
  const gaussian = sampleGaussian(fitGaussian(data), n, rng.fork("gaussian"));
  const dataHistogram = histogram2d(data);
  const entry: Reference = {
    data: dataHistogram,
    noiseFloor: jensenShannon(histogram2d(dataPrime), dataHistogram),
    gaussianJs: jensenShannon(histogram2d(gaussian), dataHistogram),
  };
  if (referenceCache.size >= REFERENCE_CACHE_SIZE) {
    const oldest = referenceCache.keys().next().value;
    if (oldest !== undefined) referenceCache.delete(oldest);
  }
  referenceCache.set(key, entry);
  return entry;
}

/**
 * Scores model samples against a dataset. It compares the histogram of `samples` with that of n fresh data points,
 * and places that divergence between two references at the same n: another fresh draw of the data (the noise floor)
 * and a Gaussian fitted to the data. `normalised` reads 0 = as good as a fresh draw of the data, 1 = no better than
 * one Gaussian; it can go a little below 0 by chance, and above 1 for samples worse than the Gaussian.
 * When `samples` holds fewer than n points, all of them are used and the references are drawn at that smaller n,
 * so the sampling noise on both sides stays the same. Every sample counts: those outside [−4.5, 4.5]² or with a
 * non-finite coordinate fall in the histogram's extra off-grid cell (on the data and Gaussian side as well), where the
 * data put almost nothing, so a model that partly diverges scores worse; `nonFinite` and `offGrid` say how many.
 */
export function qualityScore(samples: Float32Array, dataset: DatasetName, options: QualityOptions = {}): QualityScore {
  const requested = options.n ?? DEFAULT_QUALITY_POINTS;
  if (!Number.isInteger(requested) || requested < 2) {
    throw new RangeError(`Quality score needs an integer n ≥ 2, got ${requested}.`);
  }
  const n = Math.min(requested, Math.floor(samples.length / 2));
  if (n < 2) throw new RangeError(`Quality score needs at least 2 sample points, got ${n}.`);
  const { data, noiseFloor, gaussianJs } = reference(
    parseDatasetName(dataset),
    n,
    options.seed ?? DEFAULT_QUALITY_SEED,
  );
  const scored = samples.subarray(0, 2 * n);
  const js = jensenShannon(histogram2d(scored), data);
  return {
    js,
    noiseFloor,
    gaussianJs,
    normalised: (js - noiseFloor) / (gaussianJs - noiseFloor),
    n,
    ...countMisses(scored),
  };
}
