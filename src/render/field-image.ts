/**
 * Turns a scalar field sampled on a square grid into the RGBA bytes of a gridSize×gridSize image.
 *
 * Layout of `values` (the same as `gridPoints` in src/lab/grid.ts): `values[row * gridSize + col]` is
 * the field at the centre of cell (row, col) of the square [−extent, extent]²:
 *   x = −extent + (col + 0.5) · 2·extent / gridSize   (col 0 = leftmost, xmin → xmax)
 *   y = +extent − (row + 0.5) · 2·extent / gridSize   (row 0 = TOP, ymax → ymin)
 * so row 0 holds the highest y, exactly like the rows of an image, and the bytes can go straight into ImageData.
 */
import { DIVERGING_STOPS, divergingRampBytes, rampIndex, sequentialRampBytes } from "./palette.ts";

/** Sequential for non-negative quantities (densities), diverging for signed ones (logits, critic values). */
export type FieldKind = "sequential" | "diverging";

export interface FieldImageOptions {
  kind: FieldKind;
  /** Values mapped to the two ends of the colour map; see `fieldDomain` for the default. */
  domain?: readonly [number, number];
  /** Diverging map colours low/mid/high (CSS colours); defaults to the light theme's. */
  stops?: readonly [string, string, string];
}

/**
 * The domain a field is drawn with: `domain` when given, else the min/max of the finite values
 * (sequential) or ±max|v| (diverging, so zero sits on the neutral middle colour).
 * With no finite value it is [0, 1] (sequential) or [−1, 1] (diverging).
 */
export function fieldDomain(
  values: ArrayLike<number>,
  kind: FieldKind,
  domain?: readonly [number, number],
): [number, number] {
  if (domain) return [domain[0], domain[1]];
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? NaN;
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min > max) return kind === "diverging" ? [-1, 1] : [0, 1];
  if (kind === "sequential") return [min, max];
  const bound = Math.max(Math.abs(min), Math.abs(max));
  return [-bound, bound];
}

/**
 * RGBA bytes (length gridSize²·4, the layout of ImageData) of a field laid out as described at the top of
 * this file. Values outside the domain are clamped to its ends (±Infinity included); NaN is transparent.
 * A domain of zero width maps every finite value to the middle of the colour map.
 */
export function fieldToRGBA(values: Float32Array, gridSize: number, options: FieldImageOptions): Uint8ClampedArray {
  const count = gridSize * gridSize;
  if (values.length !== count) {
    throw new Error(`fieldToRGBA: expected ${gridSize}×${gridSize} = ${count} values, got ${values.length}`);
  }
  const ramp =
    options.kind === "diverging" ? divergingRampBytes(options.stops ?? DIVERGING_STOPS.light) : sequentialRampBytes();
  const [low, high] = fieldDomain(values, options.kind, options.domain);
  const width = high - low;
  const pixels = new Uint8ClampedArray(count * 4);
  for (let i = 0; i < count; i++) {
    const v = values[i] ?? NaN;
    const t = width > 0 ? (v - low) / width : Number.isNaN(v) ? NaN : 0.5;
    const index = rampIndex(t);
    if (index < 0) continue; // NaN: leave the four bytes at 0, i.e. transparent
    pixels.set(ramp.subarray(index * 4, index * 4 + 4), i * 4);
  }
  return pixels;
}
