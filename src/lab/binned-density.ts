/**
 * A piecewise-constant density on a square, from a discretised autoregressive model: each coordinate is cut
 * into `count` equal bins over [lo, hi], the model gives P(bin₁) and P(bin₂ | bin₁), and within a cell the
 * density is uniform, so p(x) = P(b₁) · P(b₂ | b₁) / w² with w the bin width. Plain numbers, no tensors.
 */
import type { Random } from "./random.ts";

/** `count` equal bins over [lo, hi] on each axis. */
export interface Bins {
  count: number;
  lo: number;
  hi: number;
}

export function binWidth(bins: Bins): number {
  return (bins.hi - bins.lo) / bins.count;
}

/** The bin holding `value`; values outside [lo, hi] go to the first or last bin. */
export function binIndex(bins: Bins, value: number): number {
  const k = Math.floor((value - bins.lo) / binWidth(bins));
  return Math.min(bins.count - 1, Math.max(0, k));
}

export function binCentre(bins: Bins, k: number): number {
  return bins.lo + (k + 0.5) * binWidth(bins);
}

/**
 * The model's probabilities as plain tables: `marginal[k]` = P(b₁ = k), and row j of `conditional`
 * (`conditional[j * count + k]`) = P(b₂ = k | b₁ = j).
 */
export interface BinTables {
  bins: Bins;
  marginal: Float64Array;
  conditional: Float64Array;
}

/** Softmax of each row of a [rows, count] array of logits, in float64 (max subtracted for stability). */
export function softmaxRows(logits: ArrayLike<number>, count: number): Float64Array {
  const out = new Float64Array(logits.length);
  for (let row = 0; row < logits.length / count; row++) {
    let max = -Infinity;
    for (let k = 0; k < count; k++) max = Math.max(max, logits[row * count + k]!);
    let sum = 0;
    for (let k = 0; k < count; k++) sum += out[row * count + k] = Math.exp(logits[row * count + k]! - max);
    for (let k = 0; k < count; k++) out[row * count + k]! /= sum;
  }
  return out;
}

/** The continuous density p(x) = P(b₁) P(b₂|b₁) / w² at one point. */
export function density(tables: BinTables, x1: number, x2: number): number {
  const { bins, marginal, conditional } = tables;
  const b1 = binIndex(bins, x1);
  const b2 = binIndex(bins, x2);
  return (marginal[b1]! * conditional[b1 * bins.count + b2]!) / binWidth(bins) ** 2;
}

/** The mean negative log-density, in nats per point, of interleaved xy points. */
export function meanNll(tables: BinTables, points: Float32Array): number {
  const n = points.length / 2;
  let total = 0;
  for (let i = 0; i < n; i++) total -= Math.log(density(tables, points[2 * i]!, points[2 * i + 1]!));
  return total / n;
}

/** A draw from the categorical distribution `probabilities[offset .. offset + count)`, by its inverse CDF. */
export function sampleCategorical(probabilities: Float64Array, offset: number, count: number, rng: Random): number {
  const u = rng.uniform();
  let cumulative = 0;
  for (let k = 0; k < count; k++) {
    cumulative += probabilities[offset + k]!;
    if (u < cumulative) return k;
  }
  // Rounding can leave the total a hair below 1: fall back on the last bin with mass.
  for (let k = count - 1; k > 0; k--) if (probabilities[offset + k]! > 0) return k;
  return 0;
}

/** n points: b₁ ~ P(b₁), b₂ ~ P(b₂ | b₁), each coordinate uniform within its bin. Interleaved xy. */
export function sampleBinned(tables: BinTables, n: number, rng: Random): Float32Array {
  const { bins, marginal, conditional } = tables;
  const w = binWidth(bins);
  const out = new Float32Array(2 * n);
  for (let i = 0; i < n; i++) {
    const b1 = sampleCategorical(marginal, 0, bins.count, rng);
    const b2 = sampleCategorical(conditional, b1 * bins.count, bins.count, rng);
    out[2 * i] = bins.lo + (b1 + rng.uniform()) * w;
    out[2 * i + 1] = bins.lo + (b2 + rng.uniform()) * w;
  }
  return out;
}
