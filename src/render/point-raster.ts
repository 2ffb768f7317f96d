/**
 * Point markers stamped into a plain RGBA pixel buffer, in JavaScript, and put on the canvas in one call.
 * Where the canvas is rasterised in software (no GPU, as in headless Chromium), `drawImage` of a sprite per point
 * cost a demo's main thread about 7 ms per thousand markers (median, nine demos training at once), and a view has
 * two such layers; stamping 2,000 markers here takes about 1.5 ms (Node, same machine), whatever backs the canvas.
 * Plain arrays in, plain arrays out: no DOM here (draw-marks.ts makes the sprites and puts the buffer on the canvas).
 */

/** A marker as stamped: the offsets (device pixels from its top-left corner) and colours of its visible pixels. */
export interface SpritePixels {
  /** Width and height in device pixels. */
  size: number;
  /** x, y offset of each visible pixel. */
  offsets: Int32Array;
  /** Straight (not premultiplied) RGBA of each visible pixel, 4 per pixel. */
  rgba: Uint8ClampedArray;
}

/** The visible pixels of a `size` × `size` RGBA image (straight alpha, as `getImageData` returns it). */
export function spritePixels(rgba: Uint8ClampedArray, size: number): SpritePixels {
  const offsets: number[] = [];
  const colours: number[] = [];
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = 4 * (y * size + x);
      if ((rgba[i + 3] ?? 0) === 0) continue;
      offsets.push(x, y);
      colours.push(rgba[i]!, rgba[i + 1]!, rgba[i + 2]!, rgba[i + 3]!);
    }
  }
  return { size, offsets: Int32Array.from(offsets), rgba: Uint8ClampedArray.from(colours) };
}

/**
 * An RGBA buffer (straight alpha, the layout of `ImageData.data`) that markers are stamped into with the canvas's
 * default compositing, source-over, clipped at the edges.
 */
export class PointRaster {
  width = 0;
  height = 0;
  pixels: Uint8ClampedArray<ArrayBuffer> = new Uint8ClampedArray(0);
  /** Whether anything was stamped since the last clear. */
  empty = true;

  /** Makes the buffer `width` × `height` and transparent. */
  reset(width: number, height: number): void {
    if (width !== this.width || height !== this.height) {
      this.width = width;
      this.height = height;
      this.pixels = new Uint8ClampedArray(4 * width * height);
    } else if (!this.empty) {
      this.pixels.fill(0);
    }
    this.empty = true;
  }

  /** Stamps `sprite` with its top-left corner at device pixel (left, top), over what is there. */
  stamp(sprite: SpritePixels, left: number, top: number): void {
    const { offsets, rgba } = sprite;
    const { width, height, pixels } = this;
    for (let k = 0, c = 0; k < offsets.length; k += 2, c += 4) {
      const x = left + offsets[k]!;
      const y = top + offsets[k + 1]!;
      if (x < 0 || y < 0 || x >= width || y >= height) continue;
      const i = 4 * (y * width + x);
      const sourceAlpha = rgba[c + 3]!;
      const below = pixels[i + 3]!;
      if (sourceAlpha === 255 || below === 0) {
        pixels[i] = rgba[c]!;
        pixels[i + 1] = rgba[c + 1]!;
        pixels[i + 2] = rgba[c + 2]!;
        pixels[i + 3] = sourceAlpha;
        continue;
      }
      // Porter–Duff source-over in straight alpha: the colours weighted by their share of the result's alpha.
      const a = sourceAlpha / 255;
      const b = (below / 255) * (1 - a);
      const out = a + b;
      pixels[i] = (rgba[c]! * a + pixels[i]! * b) / out;
      pixels[i + 1] = (rgba[c + 1]! * a + pixels[i + 1]! * b) / out;
      pixels[i + 2] = (rgba[c + 2]! * a + pixels[i + 2]! * b) / out;
      pixels[i + 3] = out * 255;
    }
    this.empty = false;
  }
}
