/**
 * The pure arithmetic of the plot: data ↔ pixel scales, the length of arrows, how many marks to draw.
 * No DOM here, so all of it runs (and is tested) in Node.
 */
import { scaleLinear, type ScaleLinear } from "d3-scale";

/** Default half-width of the square plot domain [−extent, extent]². */
export const DEFAULT_EXTENT = 4.5;

/** The x and y scales from data coordinates to pixels of a square plot area. */
export interface PixelScales {
  x: ScaleLinear<number, number>;
  y: ScaleLinear<number, number>;
}

/**
 * Scales of a sizePx×sizePx area showing [−extent, extent]²: x = −extent → 0, x = +extent → sizePx;
 * y is flipped (pixel rows grow downwards): y = +extent → 0, y = −extent → sizePx.
 */
export function dataToPixel(extent: number, sizePx: number): PixelScales {
  return {
    x: scaleLinear().domain([-extent, extent]).range([0, sizePx]),
    y: scaleLinear().domain([-extent, extent]).range([sizePx, 0]),
  };
}

/** Fewest and most arrow-grid cells across the plot, whatever the number of arrows. */
const MIN_ARROW_CELLS = 12;
const MAX_ARROW_CELLS = 32;

/**
 * Size, in data units, of "one grid cell" for `count` arrows: the side of a cell of the square grid of
 * `count` points over [−extent, extent]² (⌈√count⌉ cells across), kept between 12 and 32 cells across
 * so that arrows at scattered points (e.g. at samples) are neither huge nor invisible.
 */
export function arrowCellSize(count: number, extent: number): number {
  const across = Math.min(MAX_ARROW_CELLS, Math.max(MIN_ARROW_CELLS, Math.ceil(Math.sqrt(count))));
  return (2 * extent) / across;
}

/**
 * The factor to multiply vectors (interleaved xy) by so that the longest finite one is `cellSize` long.
 * Returns 0 when there is no finite, non-zero vector (then nothing is worth drawing).
 */
export function arrowScale(vectors: Float32Array, cellSize: number): number {
  let longest = 0;
  for (let i = 0; i + 1 < vectors.length; i += 2) {
    const length = Math.hypot(vectors[i] ?? NaN, vectors[i + 1] ?? NaN);
    if (Number.isFinite(length) && length > longest) longest = length;
  }
  return longest > 0 ? cellSize / longest : 0;
}

/** Most points of each cloud, and most arrows, drawn per frame; more are thinned evenly. */
export const MAX_MARKS = 2000;

/** The step between drawn items so that at most `max` of `count` are drawn (1 = draw all). */
export function drawStride(count: number, max: number = MAX_MARKS): number {
  return count <= max ? 1 : Math.ceil(count / max);
}
