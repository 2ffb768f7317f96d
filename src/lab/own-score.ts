/**
 * The quality score on the reader's own points, made the way the toy datasets' score is made (metrics.ts) but
 * honest about a finite set: samples are compared with the HELD-OUT points, which no model trained on, and the two
 * references are drawn from the reader's points too:
 *
 * - 0, the noise floor: n points of a smoothed copy of the training points (each a training point plus Gaussian
 *   jitter of half Scott's bandwidth, 0.5·σ·t^(−1/6)) against the held-out points. With a finite set this stands in
 *   for "a fresh draw of the data": the training and held-out points are two independent draws of what the reader
 *   meant, and the jitter keeps the reference from being t spikes (redrawing the bare training points scores worse
 *   than a smooth model for sets of a few hundred points, even worse than the Gaussian, which would make 0
 *   meaningless). Measured on toy sets of 150 to 1,000 points, fresh draws of the true distribution score within
 *   ±0.6 of 0 (±0.2 from 400 points), a point mass or NaN samples 4 to 30.
 * - 1: n points of the single Gaussian fitted to the training points, against the held-out points.
 *
 * A few hundred held-out points spread over 40×40 cells would leave most cells empty, and every smooth model would
 * look the same; the grid is made coarser for a small held-out set so that cells hold a few points each. And when
 * the reader's data is itself about one Gaussian, the two references nearly coincide and any difference divided
 * by their gap would be noise: the gap is floored at `MIN_SPREAD`, so a broken model (no finite samples, one tight
 * blob) scores far above 1 instead of anywhere at all.
 */
import { sampleDataset } from "./datasets.ts";
import {
  countMisses,
  fitGaussian,
  histogram2d,
  HISTOGRAM,
  jensenShannon,
  qualityScore,
  sampleGaussian,
  type QualityOptions,
  type QualityScore,
} from "./metrics.ts";
import type { Dataset, OwnData } from "./own-data.ts";
import { createRandom } from "./random.ts";

/** Held-out points per grid cell aimed at (over the whole plot; the data covers part of it, so more in its cells). */
const POINTS_PER_CELL = 1;
/** The noise floor's jitter, as a fraction of Scott's rule σ·t^(−1/6). */
const JITTER_OF_SCOTT = 0.5;
/** Fewer held-out points than this, and the score is said to be rough (it is mostly noise below about 40). */
export const RELIABLE_HELD_OUT = 50;
/** The coarsest grid used, however few the held-out points. */
const MIN_BINS = 6;
/** The least gap between the two references, in nats, that the score divides by. */
export const MIN_SPREAD = 0.02;

/** The grid's bins per axis for `heldOut` reference points: about `POINTS_PER_CELL` per cell, 6 to 40. */
export function ownBins(heldOut: number): number {
  return Math.max(MIN_BINS, Math.min(HISTOGRAM.bins, Math.round(Math.sqrt(heldOut / POINTS_PER_CELL))));
}

interface OwnReference {
  data: Float64Array;
  noiseFloor: number;
  gaussianJs: number;
}

const cache = new WeakMap<OwnData, Map<string, OwnReference>>();

function ownReference(own: OwnData, n: number, seed: number, bins: number): OwnReference {
  const key = `${n}|${seed}`;
  let byKey = cache.get(own);
  if (!byKey) cache.set(own, (byKey = new Map()));
  const cached = byKey.get(key);
  if (cached) return cached;
  const rng = createRandom(seed).fork("quality/own");
  const data = histogram2d(own.heldOut, bins);
  const fit = fitGaussian(own.train);
  const jitter = JITTER_OF_SCOTT * Math.sqrt((fit.cov[0][0] + fit.cov[1][1]) / 2) * (own.train.length / 2) ** (-1 / 6);
  const redrawn = sampleDataset(own, n, rng.fork("data-prime"));
  const noise = rng.fork("jitter");
  for (let i = 0; i < redrawn.length; i++) redrawn[i]! += jitter * noise.normal();
  const gaussian = sampleGaussian(fit, n, rng.fork("gaussian"));
  const entry = {
    data,
    noiseFloor: jensenShannon(histogram2d(redrawn, bins), data),
    gaussianJs: jensenShannon(histogram2d(gaussian, bins), data),
  };
  byKey.set(key, entry);
  return entry;
}

/**
 * Scores model samples against the reader's held-out points: `normalised` is 0 for samples as good as redrawing the
 * training points, 1 for the Gaussian fitted to them (see the file's comment). Every sample counts, as in
 * `qualityScore`: non-finite and off-plot samples fall in the off-grid cell. Throws for fewer than 2 samples.
 */
export function ownQualityScore(samples: Float32Array, own: OwnData, options: QualityOptions = {}): QualityScore {
  const requested = options.n ?? 10_000;
  if (!Number.isInteger(requested) || requested < 2) {
    throw new RangeError(`Quality score needs an integer n ≥ 2, got ${requested}.`);
  }
  const n = Math.min(requested, Math.floor(samples.length / 2));
  if (n < 2) throw new RangeError(`Quality score needs at least 2 sample points, got ${n}.`);
  const heldOut = Math.floor(own.heldOut.length / 2);
  const bins = ownBins(heldOut);
  const { data, noiseFloor, gaussianJs } = ownReference(own, n, options.seed ?? 1, bins);
  const scored = samples.subarray(0, 2 * n);
  const js = jensenShannon(histogram2d(scored, bins), data);
  return {
    js,
    noiseFloor,
    gaussianJs,
    normalised: (js - noiseFloor) / Math.max(MIN_SPREAD, gaussianJs - noiseFloor),
    n,
    ...countMisses(scored),
    own: { bins, heldOut, reliable: heldOut >= RELIABLE_HELD_OUT && gaussianJs - noiseFloor >= MIN_SPREAD },
  };
}

/** The quality score against any dataset: a toy one by name (`qualityScore`), or the reader's held-out points. */
export function datasetQuality(samples: Float32Array, dataset: Dataset, options: QualityOptions = {}): QualityScore {
  return typeof dataset === "string"
    ? qualityScore(samples, dataset, options)
    : ownQualityScore(samples, dataset, options);
}
