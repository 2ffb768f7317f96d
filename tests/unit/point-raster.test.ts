import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PointRaster, spritePixels } from "../../src/render/point-raster.ts";

/** A size × size sprite from a function giving each pixel's straight RGBA. */
function sprite(size: number, pixel: (x: number, y: number) => [number, number, number, number]) {
  const rgba = new Uint8ClampedArray(4 * size * size);
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) rgba.set(pixel(x, y), 4 * (y * size + x));
  return spritePixels(rgba, size);
}

function pixelAt(raster: PointRaster, x: number, y: number): number[] {
  const i = 4 * (y * raster.width + x);
  return [...raster.pixels.slice(i, i + 4)];
}

/**
 * Source-over written the other way round, as the compositing spec states it: in premultiplied colour,
 * result = source + destination × (1 − source alpha), then divided back by the result's alpha.
 */
function sourceOver(below: number[], above: number[]): number[] {
  const sa = above[3]! / 255;
  const da = below[3]! / 255;
  const alpha = sa + da * (1 - sa);
  if (alpha === 0) return [0, 0, 0, 0];
  const channel = (c: number) => (above[c]! * sa + below[c]! * da * (1 - sa)) / alpha;
  return [channel(0), channel(1), channel(2), alpha * 255];
}

describe("point markers stamped into a pixel buffer", () => {
  it("keeps only a sprite's visible pixels, with their offsets", () => {
    const dot = sprite(3, (x, y) => (x === 1 && y === 2 ? [10, 20, 30, 200] : [99, 99, 99, 0]));
    expect([...dot.offsets]).toEqual([1, 2]);
    expect([...dot.rgba]).toEqual([10, 20, 30, 200]);
  });

  it("copies onto transparent pixels, replaces under an opaque one, and blends a translucent one over", () => {
    const raster = new PointRaster();
    raster.reset(4, 4);
    expect(raster.empty).toBe(true);
    raster.stamp(
      sprite(1, () => [0, 0, 255, 255]),
      1,
      1,
    );
    expect(pixelAt(raster, 1, 1)).toEqual([0, 0, 255, 255]);
    expect(raster.empty).toBe(false);
    // Half-transparent red over opaque blue: half of each, opaque.
    raster.stamp(
      sprite(1, () => [255, 0, 0, 128]),
      1,
      1,
    );
    const [r, g, b, a] = pixelAt(raster, 1, 1);
    expect(r).toBeCloseTo(128, -1);
    expect(g).toBe(0);
    expect(b).toBeCloseTo(127, -1);
    expect(a).toBe(255);
    // An opaque pixel over anything is itself.
    raster.stamp(
      sprite(1, () => [1, 2, 3, 255]),
      1,
      1,
    );
    expect(pixelAt(raster, 1, 1)).toEqual([1, 2, 3, 255]);
  });

  it("clips at the edges: a marker partly outside draws its inside part, one wholly outside nothing", () => {
    const raster = new PointRaster();
    raster.reset(3, 3);
    const block = sprite(2, () => [50, 60, 70, 255]);
    raster.stamp(block, -1, -1);
    expect(pixelAt(raster, 0, 0)).toEqual([50, 60, 70, 255]);
    expect(pixelAt(raster, 1, 0)).toEqual([0, 0, 0, 0]);
    expect(pixelAt(raster, 0, 1)).toEqual([0, 0, 0, 0]);
    raster.stamp(block, 2, 2);
    expect(pixelAt(raster, 2, 2)).toEqual([50, 60, 70, 255]);
    const before = [...raster.pixels];
    for (const [x, y] of [
      [3, 0],
      [0, 3],
      [-2, 0],
      [0, -2],
    ] as const)
      raster.stamp(block, x, y);
    expect([...raster.pixels]).toEqual(before);
  });

  it("empties on reset, and keeps its buffer at the same size", () => {
    const raster = new PointRaster();
    raster.reset(2, 2);
    const buffer = raster.pixels;
    raster.stamp(
      sprite(1, () => [9, 9, 9, 255]),
      0,
      0,
    );
    raster.reset(2, 2);
    expect(raster.pixels).toBe(buffer);
    expect([...raster.pixels].every((v) => v === 0)).toBe(true);
    raster.reset(3, 1);
    expect(raster.pixels.length).toBe(12);
  });

  it("composites every stamp as source-over would, in any order of overlapping markers", () => {
    const channel = fc.integer({ min: 0, max: 255 });
    const rgba = fc.tuple(channel, channel, channel, channel);
    fc.assert(
      fc.property(fc.array(rgba, { minLength: 1, maxLength: 6 }), (layers) => {
        const raster = new PointRaster();
        raster.reset(1, 1);
        let expected = [0, 0, 0, 0];
        for (const layer of layers) {
          raster.stamp(
            sprite(1, () => layer),
            0,
            0,
          );
          // Fully transparent pixels are not part of the sprite; otherwise the reference, rounded as a canvas stores it.
          if (layer[3] > 0) expected = sourceOver(expected, layer).map((v) => Math.round(v));
          const got = pixelAt(raster, 0, 0);
          expect(got[3]).toBeCloseTo(expected[3]!, -0.5);
          // Colour carries no meaning where the pixel is nearly transparent (a canvas stores it premultiplied).
          if (expected[3]! >= 8)
            for (let c = 0; c < 3; c++) expect(Math.abs(got[c]! - expected[c]!)).toBeLessThanOrEqual(2);
          expected = got;
        }
      }),
    );
  });
});
