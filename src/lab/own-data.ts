/**
 * The reader's own 2D points: reading them from CSV text (every bad line reported by its number, the good ones
 * kept), the limits on their number, the one affine map that brings data outside the plot into it, and the split
 * into training and held-out points a model is trained and scored with. No DOM, no tfjs.
 */
import { OWN_DATASET, parseDatasetName, type DatasetChoice, type DatasetName } from "./dataset-names.ts";

export { OWN_DATASET, type DatasetChoice } from "./dataset-names.ts";
import { HISTOGRAM } from "./metrics.ts";
import { parsePointsCsv, type PointsProblem } from "./points-file.ts";
import { createRandom } from "./random.ts";

/** How many points a set may have. */
export const OWN_LIMITS = { min: 10, max: 20_000 } as const;

/** The plot's square, [lo, hi]², the same as the quality score's grid. */
export const PLOT_BOX = { lo: HISTOGRAM.lo, hi: HISTOGRAM.hi } as const;
/** Data brought into the plot fills [−FIT_HALF_WIDTH, FIT_HALF_WIDTH]² at most, a margin inside the plot's edge. */
const FIT_HALF_WIDTH = 4;

/** The fraction of the reader's points held out of training for the quality score (and likelihoods). */
export const HELD_OUT_FRACTION = 0.25;

/** One affine map, the same scale on both axes: x′ = scale·x + shiftX, y′ = scale·y + shiftY. */
export interface Rescale {
  scale: number;
  shiftX: number;
  shiftY: number;
}

/** A dataset of the reader's own points as a model sees it: all of them, the part trained on and the part held out. */
export interface OwnData {
  kind: "own";
  /** Every point, interleaved xy (what the plot shows). */
  points: Float32Array;
  /** The points batches are drawn from. */
  train: Float32Array;
  /** The points the quality score compares samples with; never trained on. */
  heldOut: Float32Array;
}

/** The data a model is made with: a toy dataset by name, or the reader's own points. */
export type Dataset = DatasetName | OwnData;

/** The dataset's name as settings and files write it: the toy name, or `own`. */
export function datasetId(dataset: Dataset): DatasetChoice {
  return typeof dataset === "string" ? dataset : OWN_DATASET;
}

/** Whether (x, y) is finite and inside the plot's square. */
function inside(x: number, y: number): boolean {
  return x >= PLOT_BOX.lo && x <= PLOT_BOX.hi && y >= PLOT_BOX.lo && y <= PLOT_BOX.hi;
}

/**
 * The map that brings finite points into the plot, or null when they are all inside it already. The points'
 * bounding box is centred on the origin and, when larger than the plot allows, shrunk by one factor for both axes
 * (the aspect is kept), so its longer side spans 2·FIT_HALF_WIDTH.
 */
export function fitRescale(points: Float32Array): Rescale | null {
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  let allInside = true;
  for (let i = 0; i + 1 < points.length; i += 2) {
    const x = points[i]!;
    const y = points[i + 1]!;
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
    if (!inside(x, y)) allInside = false;
  }
  if (allInside || !Number.isFinite(minX + maxX + minY + maxY)) return null;
  const span = Math.max(maxX - minX, maxY - minY);
  const scale = span > 2 * FIT_HALF_WIDTH ? (2 * FIT_HALF_WIDTH) / span : 1;
  return { scale, shiftX: (-scale * (minX + maxX)) / 2, shiftY: (-scale * (minY + maxY)) / 2 };
}

/** The points mapped by `rescale` (a new array). */
export function applyRescale(points: Float32Array, { scale, shiftX, shiftY }: Rescale): Float32Array {
  const out = new Float32Array(points.length);
  for (let i = 0; i + 1 < points.length; i += 2) {
    out[i] = scale * points[i]! + shiftX;
    out[i + 1] = scale * points[i + 1]! + shiftY;
  }
  return out;
}

/** Too few or too many points to use: the set is refused as a whole. */
export type CountProblem = { kind: "too-few"; count: number } | { kind: "too-many"; count: number };

/** Whether a set of `count` points is within `OWN_LIMITS`. */
export function checkCount(count: number): CountProblem | null {
  if (count < OWN_LIMITS.min) return { kind: "too-few", count };
  if (count > OWN_LIMITS.max) return { kind: "too-many", count };
  return null;
}

/** What reading the reader's CSV came to. */
export interface OwnCsv {
  /** The good points, brought into the plot: use them when `refused` is null. */
  points: Float32Array;
  /** Every bad line, by its number (all of them, whatever else happens). */
  problems: PointsProblem[];
  /** The map applied to bring the data into the plot, or null when it was inside already. */
  rescale: Rescale | null;
  /** Set when the good points are too few or too many to use. */
  refused: CountProblem | null;
}

/**
 * Reads `x,y` rows (a header line allowed) as the reader's own points: numbers only and finite (NaN and Infinity
 * are bad lines here, unlike in a file of samples), every bad line reported with its number and the good ones kept;
 * 10 to 20,000 good points, or the set is refused; data outside the plot rescaled into it.
 */
export function readOwnCsv(text: string): OwnCsv {
  const { points: raw, problems } = parsePointsCsv(text, { nonFinite: "refuse" });
  const refused = checkCount(raw.length / 2);
  const rescale = fitRescale(raw);
  return { points: rescale ? applyRescale(raw, rescale) : raw, problems, rescale, refused };
}

/** The i-th point of interleaved xy. */
function copyPoint(from: Float32Array, i: number, to: Float32Array, j: number): void {
  to[2 * j] = from[2 * i]!;
  to[2 * j + 1] = from[2 * i + 1]!;
}

/**
 * Splits the reader's points into training and held-out points, deterministically from the seed: a seeded shuffle,
 * then the first quarter (rounded up, at least one point) held out. The same seed always holds out the same points.
 */
export function splitOwnData(points: Float32Array, seed: number): OwnData {
  const count = Math.floor(points.length / 2);
  if (count < 2) throw new RangeError(`Your own data needs at least 2 points to split, got ${count}.`);
  const order = Array.from({ length: count }, (_, i) => i);
  const rng = createRandom(seed).fork("own-data-split");
  for (let i = count - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const held = Math.min(count - 1, Math.max(1, Math.ceil(count * HELD_OUT_FRACTION)));
  const heldOut = new Float32Array(2 * held);
  const train = new Float32Array(2 * (count - held));
  order.forEach((index, k) => {
    if (k < held) copyPoint(points, index, heldOut, k);
    else copyPoint(points, index, train, k - held);
  });
  return { kind: "own", points: points.slice(0, 2 * count), train, heldOut };
}

/**
 * The dataset a model is made with, from what the page sent the worker: a toy dataset by name, or the reader's own
 * points, checked (their number, every value finite) and split by the seed. Throws what is wrong.
 */
export function datasetFor(choice: DatasetChoice, points: Float32Array | undefined, seed: number): Dataset {
  if (choice !== OWN_DATASET) return parseDatasetName(choice);
  if (!points) throw new Error('the dataset "own" needs the reader\'s points, and none were sent');
  const count = Math.floor(points.length / 2);
  if (checkCount(count))
    throw new Error(`your own data has ${count} points; it needs ${OWN_LIMITS.min} to ${OWN_LIMITS.max}`);
  if (!points.every(Number.isFinite)) throw new Error("your own data has a value that is not a finite number");
  return splitOwnData(points, seed);
}
