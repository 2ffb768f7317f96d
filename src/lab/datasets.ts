/**
 * The 2D toy datasets of FFJORD (Grathwohl et al. 2018, `lib/toy_data.py` in github.com/rtqichen/ffjord), with the
 * published shifts and scalings. The scikit-learn generators that file calls are written out here, with one change:
 * where scikit-learn spaces angles evenly (`linspace`) or splits a batch into fixed halves, every point is drawn
 * i.i.d., so that any batch size gives a fair sample.
 *
 * Points are returned as interleaved pairs: `[x0, y0, x1, y1, …]`.
 */
import { parseDatasetName, type DatasetName } from "./dataset-names.ts";
import type { Dataset } from "./own-data.ts";
import { createRandom, type Random } from "./random.ts";

/** Draws one point of a dataset. */
type PointSampler = (rng: Random) => readonly [number, number];

const SQRT_HALF = Math.SQRT1_2;

const EIGHT_GAUSSIAN_CENTRES: readonly (readonly [number, number])[] = [
  [1, 0],
  [-1, 0],
  [0, 1],
  [0, -1],
  [SQRT_HALF, SQRT_HALF],
  [SQRT_HALF, -SQRT_HALF],
  [-SQRT_HALF, SQRT_HALF],
  [-SQRT_HALF, -SQRT_HALF],
];

/** `8gaussians`: an isotropic Gaussian (std 0.5) on one of 8 evenly spaced points of a circle of radius 4, divided by 1.414. */
function eightGaussians(rng: Random): readonly [number, number] {
  const scale = 4;
  const [cx, cy] = EIGHT_GAUSSIAN_CENTRES[rng.int(8)]!;
  const x = scale * cx + 0.5 * rng.normal();
  const y = scale * cy + 0.5 * rng.normal();
  return [x / 1.414, y / 1.414];
}

/** `moons`: sklearn `make_moons(noise=0.1)`, then `x * 2 + [-1, -0.2]`. */
function moons(rng: Random): readonly [number, number] {
  const t = Math.PI * rng.uniform();
  const outer = rng.uniform() < 0.5;
  const mx = outer ? Math.cos(t) : 1 - Math.cos(t);
  const my = outer ? Math.sin(t) : 1 - Math.sin(t) - 0.5;
  const x = mx + 0.1 * rng.normal();
  const y = my + 0.1 * rng.normal();
  return [x * 2 - 1, y * 2 - 0.2];
}

/** `swissroll`: sklearn `make_swiss_roll(noise=1.0)`, keeping columns 0 and 2, then divided by 5. */
function swissRoll(rng: Random): readonly [number, number] {
  const t = 1.5 * Math.PI * (1 + 2 * rng.uniform());
  const x = t * Math.cos(t) + rng.normal();
  const y = t * Math.sin(t) + rng.normal();
  return [x / 5, y / 5];
}

/** `circles`: sklearn `make_circles(factor=0.5, noise=0.08)`, then multiplied by 3. */
function circles(rng: Random): readonly [number, number] {
  const radius = rng.uniform() < 0.5 ? 1 : 0.5;
  const angle = 2 * Math.PI * rng.uniform();
  const x = radius * Math.cos(angle) + 0.08 * rng.normal();
  const y = radius * Math.sin(angle) + 0.08 * rng.normal();
  return [x * 3, y * 3];
}

/** `pinwheel`: 5 arms, radial std 0.3, tangential std 0.1, rate 0.25 (Johnson et al. 2016, as in FFJORD), times 2. */
function pinwheel(rng: Random): readonly [number, number] {
  const armAngle = (2 * Math.PI * rng.int(5)) / 5;
  const radial = 1 + 0.3 * rng.normal();
  const tangential = 0.1 * rng.normal();
  const angle = armAngle + 0.25 * Math.exp(radial);
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  return [2 * (radial * cos + tangential * sin), 2 * (-radial * sin + tangential * cos)];
}

/** `2spirals`: two interleaved spirals of 1.5 turns, point-reflections of each other, divided by 3, plus N(0, 0.1²). */
function twoSpirals(rng: Random): readonly [number, number] {
  const turn = (Math.sqrt(rng.uniform()) * 540 * 2 * Math.PI) / 360;
  const dx = -Math.cos(turn) * turn + 0.5 * rng.uniform();
  const dy = Math.sin(turn) * turn + 0.5 * rng.uniform();
  const sign = rng.uniform() < 0.5 ? 1 : -1;
  return [(sign * dx) / 3 + 0.1 * rng.normal(), (sign * dy) / 3 + 0.1 * rng.normal()];
}

/** `checkerboard`: uniform on the 8 "white" squares of a 4×4 board of 2×2 squares covering [−4, 4]². */
function checkerboard(rng: Random): readonly [number, number] {
  const x1 = 4 * rng.uniform() - 2;
  const x2 = rng.uniform() - 2 * rng.int(2) + nonNegativeModulo(Math.floor(x1), 2);
  return [x1 * 2, x2 * 2];
}

function nonNegativeModulo(value: number, modulus: number): number {
  return ((value % modulus) + modulus) % modulus;
}

const POINT_SAMPLERS: Record<DatasetName, PointSampler> = {
  "8gaussians": eightGaussians,
  moons,
  swissroll: swissRoll,
  circles,
  pinwheel,
  "2spirals": twoSpirals,
  checkerboard,
};

/** The reader's own training points as a sampler: each draw one of them, uniformly (the empirical distribution). */
function ownSampler(train: Float32Array): PointSampler {
  const count = Math.floor(train.length / 2);
  if (count === 0) throw new RangeError("Your own data has no training points.");
  return (rng) => {
    const i = rng.int(count);
    return [train[2 * i]!, train[2 * i + 1]!];
  };
}

/**
 * Draws `n` i.i.d. points of a dataset as interleaved xy pairs (length 2n), consuming from `rng`: a toy dataset by
 * name, or the reader's own points (drawn with replacement from the training part only; the held-out part is never
 * seen). An unknown name throws an error that lists the valid names.
 */
export function sampleDataset(dataset: string | Dataset, n: number, rng: Random): Float32Array {
  const sample = typeof dataset === "string" ? POINT_SAMPLERS[parseDatasetName(dataset)] : ownSampler(dataset.train);
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`Number of points must be a non-negative integer, got ${n}.`);
  const out = new Float32Array(2 * n);
  for (let i = 0; i < n; i++) {
    const [x, y] = sample(rng);
    out[2 * i] = x;
    out[2 * i + 1] = y;
  }
  return out;
}

/** An endless supply of fresh batches of one dataset. */
export interface DataStream {
  /** The next `n` points, as interleaved xy pairs; the sequence of batches depends only on the stream's seed. */
  next(n: number): Float32Array;
}

/** A stream of batches of a dataset from a generator seeded with `seed`; a name is checked at once. */
export function createDataStream(dataset: string | Dataset, seed: number): DataStream {
  const checked = typeof dataset === "string" ? parseDatasetName(dataset) : dataset;
  const rng = createRandom(seed);
  return { next: (n) => sampleDataset(checked, n, rng) };
}
