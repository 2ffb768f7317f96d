import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { barRectangles } from "../../src/render/bar-chart.ts";
import { fieldDomain, fieldToRGBA } from "../../src/render/field-image.ts";
import { formatLegendRange } from "../../src/render/legend.ts";
import { MAX_CHART_POINTS, downsample, finiteExtent, formatLoss } from "../../src/render/loss-chart.ts";
import {
  DIVERGING_STOPS,
  OKABE_ITO,
  ROLE_COLORS,
  TRANSPARENT,
  CYCLIC_STEPS,
  cyclicColor,
  cyclicStep,
  divergingColor,
  parseColor,
  sequentialColor,
  type RGBA,
} from "../../src/render/palette.ts";
import { MAX_MARKS, drawStride } from "../../src/render/plot-geometry.ts";
import { arrowCellSize, arrowScale, dataToPixel } from "../../src/render/plot.ts";

/** The RGBA bytes of pixel `index` of an image. */
function pixel(bytes: Uint8ClampedArray, index: number): number[] {
  return Array.from(bytes.subarray(index * 4, index * 4 + 4));
}

function rgba(color: RGBA): number[] {
  return [...color];
}

describe("palette", () => {
  it("uses the Okabe–Ito blue for data and vermillion for samples in the light theme", () => {
    expect(ROLE_COLORS.light.data).toBe("#0072B2");
    expect(ROLE_COLORS.light.samples).toBe("#D55E00");
    expect(rgba(parseColor(OKABE_ITO.blue))).toEqual([0, 114, 178, 255]);
  });

  it("maps the ends of the sequential map to cividis's dark blue and yellow", () => {
    expect(rgba(sequentialColor(0))).toEqual([0, 32, 81, 255]);
    expect(rgba(sequentialColor(1))).toEqual([253, 234, 69, 255]);
    expect(rgba(sequentialColor(-3))).toEqual(rgba(sequentialColor(0)));
    expect(rgba(sequentialColor(7))).toEqual(rgba(sequentialColor(1)));
  });

  it("runs the diverging map from vermillion through the neutral middle to blue", () => {
    expect(rgba(divergingColor(0))).toEqual([213, 94, 0, 255]);
    expect(rgba(divergingColor(0.5))).toEqual([247, 247, 247, 255]);
    expect(rgba(divergingColor(1))).toEqual([0, 114, 178, 255]);
    expect(rgba(divergingColor(0.5, DIVERGING_STOPS.dark))).toEqual(rgba(parseColor(DIVERGING_STOPS.dark[1])));
  });

  it("draws NaN as transparent and unparsable colours as transparent", () => {
    expect(rgba(sequentialColor(NaN))).toEqual([0, 0, 0, 0]);
    expect(rgba(divergingColor(NaN))).toEqual([0, 0, 0, 0]);
    expect(rgba(parseColor("not a colour"))).toEqual(rgba(TRANSPARENT));
  });

  it("render.css sets the same role and field colours as palette.ts, in both themes", () => {
    const css = readFileSync(new URL("../../src/render/render.css", import.meta.url), "utf8");
    const darkStart = css.indexOf("@media (prefers-color-scheme: dark)");
    expect(darkStart).toBeGreaterThan(0);
    const blocks = { light: css.slice(0, darkStart), dark: css.slice(darkStart) };
    for (const theme of ["light", "dark"] as const) {
      const value = (name: string): string | undefined =>
        new RegExp(`--gm-${name}:\\s*(#[0-9a-fA-F]{6})`).exec(blocks[theme])?.[1]?.toUpperCase();
      for (const [role, color] of Object.entries(ROLE_COLORS[theme])) expect(value(role), role).toBe(color);
      expect([value("field-low"), value("field-mid"), value("field-high")]).toEqual([...DIVERGING_STOPS[theme]]);
    }
  });
});

describe("fieldToRGBA", () => {
  it("puts row 0 (highest y) at the top of the image and columns along x", () => {
    const gridSize = 4;
    const extent = 2;
    const cell = (2 * extent) / gridSize;
    // The field y − x/10, sampled at the cell centres in the documented layout.
    const values = new Float32Array(gridSize * gridSize);
    for (let row = 0; row < gridSize; row++) {
      for (let col = 0; col < gridSize; col++) {
        const x = -extent + (col + 0.5) * cell;
        const y = extent - (row + 0.5) * cell;
        values[row * gridSize + col] = y - x / 10;
      }
    }
    const image = fieldToRGBA(values, gridSize, { kind: "sequential" });
    expect(image.length).toBe(gridSize * gridSize * 4);
    // Highest value: top-left (max y, min x); lowest: bottom-right.
    expect(pixel(image, 0)).toEqual(rgba(sequentialColor(1)));
    expect(pixel(image, gridSize * gridSize - 1)).toEqual(rgba(sequentialColor(0)));
    expect(pixel(image, gridSize * (gridSize - 1))).not.toEqual(rgba(sequentialColor(1)));
  });

  it("stretches a sequential field over [min, max] of its finite values", () => {
    const values = new Float32Array([10, 20, 15, Infinity]);
    expect(fieldDomain(values, "sequential")).toEqual([10, 20]);
    const image = fieldToRGBA(values, 2, { kind: "sequential" });
    expect(pixel(image, 0)).toEqual(rgba(sequentialColor(0)));
    expect(pixel(image, 1)).toEqual(rgba(sequentialColor(1)));
    expect(pixel(image, 2)).toEqual(rgba(sequentialColor(0.5)));
    expect(pixel(image, 3)).toEqual(rgba(sequentialColor(1))); // +Infinity is clamped to the top
  });

  it("centres a diverging field on zero with a symmetric domain ±max|v|", () => {
    const values = new Float32Array([-1, 4, 0, -4]);
    expect(fieldDomain(values, "diverging")).toEqual([-4, 4]);
    const image = fieldToRGBA(values, 2, { kind: "diverging" });
    expect(pixel(image, 0)).toEqual(rgba(divergingColor(3 / 8)));
    expect(pixel(image, 1)).toEqual(rgba(divergingColor(1)));
    expect(pixel(image, 2)).toEqual([247, 247, 247, 255]);
    expect(pixel(image, 3)).toEqual(rgba(divergingColor(0)));
  });

  it("uses a given domain and clamps values outside it", () => {
    const values = new Float32Array([0, 1, 2, 3]);
    const image = fieldToRGBA(values, 2, { kind: "sequential", domain: [1, 2] });
    expect(pixel(image, 0)).toEqual(rgba(sequentialColor(0)));
    expect(pixel(image, 1)).toEqual(rgba(sequentialColor(0)));
    expect(pixel(image, 2)).toEqual(rgba(sequentialColor(1)));
    expect(pixel(image, 3)).toEqual(rgba(sequentialColor(1)));
  });

  it("makes NaN transparent and ignores it for the domain", () => {
    const values = new Float32Array([NaN, 2, -2, NaN]);
    expect(fieldDomain(values, "diverging")).toEqual([-2, 2]);
    const image = fieldToRGBA(values, 2, { kind: "diverging" });
    expect(pixel(image, 0)).toEqual([0, 0, 0, 0]);
    expect(pixel(image, 3)).toEqual([0, 0, 0, 0]);
    expect(pixel(image, 1)[3]).toBe(255);
  });

  it("maps a constant field to the middle of the map and an all-NaN one to nothing", () => {
    expect(pixel(fieldToRGBA(new Float32Array([3, 3, 3, 3]), 2, { kind: "sequential" }), 0)).toEqual(
      rgba(sequentialColor(0.5)),
    );
    expect(Array.from(fieldToRGBA(new Float32Array(4).fill(NaN), 2, { kind: "sequential" }))).toEqual(
      new Array(16).fill(0),
    );
  });

  it("rejects values that do not fill the grid", () => {
    expect(() => fieldToRGBA(new Float32Array(5), 2, { kind: "sequential" })).toThrow(/2×2/);
  });
});

describe("plot geometry", () => {
  it("dataToPixel maps ±extent to the edges, with y flipped", () => {
    const { x, y } = dataToPixel(4.5, 300);
    expect(x(-4.5)).toBe(0);
    expect(x(4.5)).toBe(300);
    expect(x(0)).toBe(150);
    expect(y(4.5)).toBe(0);
    expect(y(-4.5)).toBe(300);
    expect(y(1.5)).toBeCloseTo(100, 10);
  });

  it("arrowScale makes the longest finite arrow exactly one cell long", () => {
    const vectors = new Float32Array([3, 4, 1, 0, NaN, 1, 0, -2]);
    const cell = 0.45;
    const scale = arrowScale(vectors, cell);
    expect(scale).toBeCloseTo(cell / 5, 10);
    expect(Math.hypot(3 * scale, 4 * scale)).toBeCloseTo(cell, 10);
    expect(arrowScale(new Float32Array([0, 0, 0, 0]), cell)).toBe(0);
    expect(arrowScale(new Float32Array(0), cell)).toBe(0);
  });

  it("arrowCellSize is the cell of a √n×√n grid, kept between 12 and 32 cells across", () => {
    expect(arrowCellSize(400, 4.5)).toBeCloseTo(9 / 20, 10);
    expect(arrowCellSize(1, 4.5)).toBeCloseTo(9 / 12, 10);
    expect(arrowCellSize(1_000_000, 4.5)).toBeCloseTo(9 / 32, 10);
  });

  it("drawStride caps the number of drawn marks", () => {
    expect(drawStride(MAX_MARKS)).toBe(1);
    for (const count of [MAX_MARKS + 1, 5000, 123_457]) {
      const stride = drawStride(count);
      expect(stride).toBeGreaterThan(1);
      expect(Math.ceil(count / stride)).toBeLessThanOrEqual(MAX_MARKS);
    }
  });
});

describe("loss chart helpers", () => {
  it("downsample keeps the first and the last index and the requested count", () => {
    const indices = downsample(10_000, 500);
    expect(indices).toHaveLength(500);
    expect(indices[0]).toBe(0);
    expect(indices.at(-1)).toBe(9_999);
    for (let i = 1; i < indices.length; i++) expect(indices[i]!).toBeGreaterThan(indices[i - 1]!);
    // evenly spread: gaps differ by at most one
    const gaps = indices.slice(1).map((v, i) => v - indices[i]!);
    expect(Math.max(...gaps) - Math.min(...gaps)).toBeLessThanOrEqual(1);
  });

  it("downsample keeps everything when short enough, and defaults to MAX_CHART_POINTS", () => {
    expect(downsample(5, 500)).toEqual([0, 1, 2, 3, 4]);
    expect(downsample(0, 500)).toEqual([]);
    expect(downsample(7, 2)).toEqual([0, 6]);
    expect(downsample(MAX_CHART_POINTS * 3)).toHaveLength(MAX_CHART_POINTS);
  });

  it("finiteExtent ignores NaN and infinities", () => {
    const values = [NaN, 2, -Infinity, 0.5, Infinity, 3];
    expect(finiteExtent(values, [0, 1, 2, 3, 4, 5])).toEqual([0.5, 3]);
    expect(finiteExtent(values, [0, 2, 4])).toBeNull();
  });
});

describe("legend range", () => {
  it("rounds both ends to a tenth of the larger one's magnitude, with a true minus sign", () => {
    expect(formatLegendRange([-6.5432, 6.5432])).toBe("−6.5 … 6.5");
    expect(formatLegendRange([4.2e-16, 1])).toBe("0 … 1");
    expect(formatLegendRange([-0.0123, 0.0456])).toBe("−0.012 … 0.046");
    expect(formatLegendRange([1234, 5678])).toBe("1200 … 5700");
    expect(formatLegendRange([-0.01, 3])).toBe("0 … 3");
  });
});

describe("bar charts", () => {
  it("scales the tallest bar to the full height, sets equal widths and skips non-finite values", () => {
    const bars = barRectangles(new Float32Array([0.1, 0.4, NaN, 0.2]));
    expect(bars).toHaveLength(4);
    const full = Math.max(...bars.map((b) => b.height));
    expect(bars[1]!.height).toBe(full);
    expect(bars[0]!.height).toBeCloseTo(full / 4, 6);
    expect(bars[2]!.height).toBe(0);
    expect(new Set(bars.map((b) => b.width)).size).toBe(1);
    expect(bars[1]!.x - bars[0]!.x).toBeCloseTo(bars[0]!.width, 6);
    // Bars stand on one baseline.
    expect(new Set(bars.map((b) => b.y + b.height)).size).toBe(1);
  });
});

describe("the cyclic colour wheel", () => {
  it("wraps hues modulo 1 onto CYCLIC_STEPS colours and gives distinct colours to distinct steps", () => {
    expect(cyclicStep(0)).toBe(0);
    expect(cyclicStep(1)).toBe(0);
    expect(cyclicStep(-0.25)).toBe(cyclicStep(0.75));
    expect(cyclicColor(0.5)).toBe(cyclicColor(1.5));
    const colours = new Set(Array.from({ length: CYCLIC_STEPS }, (_, i) => cyclicColor(i / CYCLIC_STEPS)));
    expect(colours.size).toBe(CYCLIC_STEPS);
    expect(cyclicColor(NaN)).toBe("transparent");
  });
});

describe("loss chart ticks", () => {
  it("prints losses plainly with three significant digits, and SI only for large values", () => {
    expect(formatLoss(30)).toBe("30");
    expect(formatLoss(2.5)).toBe("2.5");
    expect(formatLoss(0.0123)).toBe("0.0123");
    expect(formatLoss(-1.5)).toBe("−1.5");
    expect(formatLoss(25000)).toBe("25k");
  });
});
