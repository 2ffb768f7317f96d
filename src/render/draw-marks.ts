/**
 * Draws the marks of the plot on a 2D canvas context: point clouds, arrows and paths. Coordinates are in
 * data units and go through the pixel scales; the context is expected to be set up in CSS pixels.
 * Point markers are stamped from small pre-drawn sprites into a pixel buffer (point-raster.ts) that is put on the
 * canvas at once; arrows and paths are drawn as one halo path (the plot background colour, so marks stay visible
 * over the heat map and over each other) and one coloured path.
 */
import { CYCLIC_STEPS, cyclicColor, cyclicStep } from "./palette.ts";
import { drawStride, type PixelScales } from "./plot-geometry.ts";
import { spritePixels, type PointRaster, type SpritePixels } from "./point-raster.ts";

/** Marker shapes that differ in grayscale too: filled circles (data) and crosses (samples). */
export type MarkerShape = "circle" | "cross";

/** Most paths drawn per frame; more are thinned evenly. */
export const MAX_PATHS = 300;

/** Size of the marks in CSS pixels, for a plot area of `sizePx` (slightly larger on larger plots). */
export function markerRadius(sizePx: number): number {
  return Math.min(3, Math.max(2, sizePx / 150));
}

/** Outline of a marker in the plot's background colour, in CSS pixels: keeps it visible over the heat map. */
const HALO = { circle: 0.75, cross: 1 } as const;

/** A marker as drawn into a small canvas once (anti-aliased by the canvas), and its pixels as stamped. */
interface Sprite {
  /** Size in CSS pixels. */
  size: number;
  pixels: SpritePixels;
}

/**
 * One marker drawn once into a small canvas, its pixels read back once and then stamped for every point (see
 * point-raster.ts): building one path of a thousand anti-aliased arcs cost the main thread 30–40 ms per frame where
 * the canvas is rasterised in software, and a thousand `drawImage` calls still 5–8 ms.
 */
function markerSprite(
  doc: Document,
  shape: MarkerShape,
  color: string,
  halo: string,
  radius: number,
  ratio: number,
): Sprite {
  const key = `${shape}|${color}|${halo}|${radius}|${ratio}`;
  const cached = sprites.get(key);
  if (cached) return cached;
  const size = Math.ceil(2 * (radius + 2 * HALO[shape]) + 2);
  const side = Math.ceil(size * ratio);
  const image = doc.createElement("canvas");
  image.width = side;
  image.height = side;
  const sprite = image.getContext("2d", { willReadFrequently: true });
  if (sprite) {
    sprite.scale(ratio, ratio);
    const c = size / 2;
    sprite.lineCap = "round";
    if (shape === "circle") {
      sprite.beginPath();
      sprite.arc(c, c, radius, 0, 2 * Math.PI);
      sprite.strokeStyle = halo;
      sprite.lineWidth = 2 * HALO.circle;
      sprite.stroke();
      sprite.fillStyle = color;
      sprite.fill();
    } else {
      const arm = radius + 0.5;
      sprite.beginPath();
      sprite.moveTo(c - arm, c - arm);
      sprite.lineTo(c + arm, c + arm);
      sprite.moveTo(c - arm, c + arm);
      sprite.lineTo(c + arm, c - arm);
      sprite.strokeStyle = halo;
      sprite.lineWidth = 1.6 + 2 * HALO.cross;
      sprite.stroke();
      sprite.strokeStyle = color;
      sprite.lineWidth = 1.6;
      sprite.stroke();
    }
  }
  const rgba = sprite?.getImageData(0, 0, side, side).data ?? new Uint8ClampedArray(4 * side * side);
  const entry = { size, pixels: spritePixels(rgba, side) };
  if (sprites.size > MAX_SPRITES) sprites.clear();
  sprites.set(key, entry);
  return entry;
}

const sprites = new Map<string, Sprite>();
const MAX_SPRITES = 200;

/** The device-pixel ratio a context draws at (its transform's scale). */
export function pixelRatio(ctx: CanvasRenderingContext2D): number {
  return ctx.getTransform().a || 1;
}

/** Where point markers go: a pixel buffer the size of the canvas, at the canvas's device-pixel ratio. */
export interface MarkTarget {
  raster: PointRaster;
  ratio: number;
  doc: Document;
}

/** Stamps `sprite` centred on each of `indices`' points, snapped to device pixels (no resampling blur). */
function stamp(
  target: MarkTarget,
  scales: PixelScales,
  points: Float32Array,
  indices: Iterable<number>,
  sprite: Sprite,
): void {
  const { raster, ratio } = target;
  const half = sprite.size / 2;
  for (const i of indices) {
    const x = scales.x(points[2 * i] ?? NaN);
    const y = scales.y(points[2 * i + 1] ?? NaN);
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    raster.stamp(sprite.pixels, Math.round((x - half) * ratio), Math.round((y - half) * ratio));
  }
}

function* strided(count: number): Generator<number> {
  const stride = drawStride(count);
  for (let i = 0; i < count; i += stride) yield i;
}

/** Stamps interleaved xy `points` (at most MAX_MARKS of them, evenly thinned) as `shape` markers. */
export function drawPoints(
  target: MarkTarget,
  scales: PixelScales,
  points: Float32Array,
  shape: MarkerShape,
  color: string,
  halo: string,
  radius: number,
): void {
  const sprite = markerSprite(target.doc, shape, color, halo, radius, target.ratio);
  stamp(target, scales, points, strided(Math.floor(points.length / 2)), sprite);
}

/**
 * Stamps interleaved xy `points` as filled circles, point i in the colour of `hues[i]` on the cyclic wheel
 * (quantised to CYCLIC_STEPS colours, one sprite each); at most MAX_MARKS, evenly thinned.
 */
export function drawColouredPoints(
  target: MarkTarget,
  scales: PixelScales,
  points: Float32Array,
  hues: Float32Array,
  halo: string,
  radius: number,
): void {
  const count = Math.floor(Math.min(points.length / 2, hues.length));
  const byColour = Array.from({ length: CYCLIC_STEPS }, () => [] as number[]);
  for (const i of strided(count)) {
    const hue = hues[i] ?? NaN;
    if (Number.isFinite(hue)) byColour[cyclicStep(hue)]!.push(i);
  }
  byColour.forEach((indices, step) => {
    if (indices.length === 0) return;
    const sprite = markerSprite(target.doc, "circle", cyclicColor(step / CYCLIC_STEPS), halo, radius, target.ratio);
    stamp(target, scales, points, indices, sprite);
  });
}

/**
 * Puts the markers stamped into `raster` on `ctx`'s canvas and empties the raster. `canvasEmpty`: nothing is on
 * the canvas yet, so the pixels can replace it in one call; else they go through `scratch` and are composited
 * over what is there (paths drawn under the samples, say).
 */
export function putMarks(
  ctx: CanvasRenderingContext2D,
  raster: PointRaster,
  canvasEmpty: boolean,
  scratch: () => CanvasRenderingContext2D | null,
): void {
  if (raster.empty) return;
  const image = new ImageData(raster.pixels, raster.width, raster.height);
  if (canvasEmpty) {
    ctx.putImageData(image, 0, 0);
  } else {
    const layer = scratch();
    if (layer) {
      if (layer.canvas.width !== raster.width) layer.canvas.width = raster.width;
      if (layer.canvas.height !== raster.height) layer.canvas.height = raster.height;
      layer.putImageData(image, 0, 0);
      ctx.save();
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.drawImage(layer.canvas, 0, 0);
      ctx.restore();
    }
  }
  raster.reset(raster.width, raster.height);
}

/**
 * Draws arrows from `origins` along `vectors` × `scale` (both interleaved xy, data units), with small heads.
 * Arrows shorter than a pixel are skipped; at most MAX_MARKS are drawn.
 */
export function drawArrows(
  ctx: CanvasRenderingContext2D,
  scales: PixelScales,
  origins: Float32Array,
  vectors: Float32Array,
  scale: number,
  color: string,
  halo: string,
): void {
  const count = Math.floor(Math.min(origins.length, vectors.length) / 2);
  const stride = drawStride(count);
  const path = new Path2D();
  const spread = Math.PI / 7;
  for (let i = 0; i < count; i += stride) {
    const ox = origins[2 * i] ?? NaN;
    const oy = origins[2 * i + 1] ?? NaN;
    const x0 = scales.x(ox);
    const y0 = scales.y(oy);
    const x1 = scales.x(ox + scale * (vectors[2 * i] ?? NaN));
    const y1 = scales.y(oy + scale * (vectors[2 * i + 1] ?? NaN));
    const length = Math.hypot(x1 - x0, y1 - y0);
    if (!Number.isFinite(length) || length < 1) continue;
    const angle = Math.atan2(y1 - y0, x1 - x0);
    const head = Math.min(5, 0.4 * length);
    path.moveTo(x0, y0);
    path.lineTo(x1, y1);
    path.moveTo(x1 - head * Math.cos(angle - spread), y1 - head * Math.sin(angle - spread));
    path.lineTo(x1, y1);
    path.lineTo(x1 - head * Math.cos(angle + spread), y1 - head * Math.sin(angle + spread));
  }
  ctx.save();
  ctx.lineCap = "round";
  ctx.lineJoin = "round";
  ctx.strokeStyle = halo;
  ctx.lineWidth = 3;
  ctx.globalAlpha = 0.6;
  ctx.stroke(path);
  ctx.globalAlpha = 1;
  ctx.strokeStyle = color;
  ctx.lineWidth = 1.2;
  ctx.stroke(path);
  ctx.restore();
}

/**
 * Draws each path (interleaved xy points in order) as a polyline, with a dot at its last point unless
 * `dots` is false (grid lines, say).
 */
export function drawPaths(
  ctx: CanvasRenderingContext2D,
  scales: PixelScales,
  paths: readonly Float32Array[],
  color: string,
  halo: string,
  radius: number,
  withDots = true,
): void {
  const stride = drawStride(paths.length, MAX_PATHS);
  const lines = new Path2D();
  const ends: [number, number][] = [];
  for (let p = 0; p < paths.length; p += stride) {
    const points = paths[p];
    if (!points) continue;
    let started = false;
    let last: [number, number] | undefined;
    for (let i = 0; i + 1 < points.length; i += 2) {
      const x = scales.x(points[i] ?? NaN);
      const y = scales.y(points[i + 1] ?? NaN);
      if (!Number.isFinite(x) || !Number.isFinite(y)) {
        started = false; // a gap: start a new piece after it
        continue;
      }
      if (started) lines.lineTo(x, y);
      else lines.moveTo(x, y);
      started = true;
      last = [x, y];
    }
    if (last && withDots) ends.push(last);
  }
  const dots = new Path2D();
  for (const [x, y] of ends) {
    dots.moveTo(x + radius, y);
    dots.arc(x, y, radius, 0, 2 * Math.PI);
  }
  ctx.save();
  ctx.lineCap = "round";
  ctx.lineJoin = "round";
  ctx.globalAlpha = 0.8;
  ctx.strokeStyle = color;
  ctx.lineWidth = 1.2;
  ctx.stroke(lines);
  ctx.globalAlpha = 1;
  ctx.strokeStyle = halo;
  ctx.lineWidth = 1.5;
  ctx.stroke(dots);
  ctx.fillStyle = color;
  ctx.fill(dots);
  ctx.restore();
}

/** Clears the whole canvas of `ctx`, whatever its transform. */
export function clearCanvas(ctx: CanvasRenderingContext2D): void {
  ctx.save();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  ctx.restore();
}
