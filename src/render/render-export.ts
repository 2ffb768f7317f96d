/**
 * A demo's figure as one self-contained SVG document, for download: the plot (heat map, points, arrows, paths) with
 * its axes, then the legend and the caption, in the colours of the theme shown. Plain arrays in, a string out: the
 * same marks as the live plot (draw-marks.ts), written as SVG elements instead of canvas calls. No DOM, no tfjs.
 */
import { scaleLinear } from "d3-scale";
import { fieldDomain, fieldToRGBA, type FieldKind } from "./field-image.ts";
import { formatLegendRange, type LegendItem } from "./legend.ts";
import { cyclicColor, DIVERGING_STOPS, divergingColor, ROLE_COLORS, rgbaToCss, sequentialColor } from "./palette.ts";
import { arrowCellSize, arrowScale, dataToPixel, drawStride, MAX_MARKS } from "./plot-geometry.ts";
import { MAX_PATHS } from "./draw-marks.ts";

/** The colours of an exported figure: what the page's CSS custom properties hold in the theme shown. */
export interface ExportTheme {
  background: string;
  text: string;
  axis: string;
  rule: string;
  /** The outline of marks (the background colour on the page). */
  halo: string;
  data: string;
  samples: string;
  arrows: string;
  paths: string;
  /** The diverging map's low, middle and high colours. */
  fieldStops: readonly [string, string, string];
  /** How opaque the heat map is over the background. */
  fieldOpacity: number;
}

/** The light and dark themes as render.css and global.css define them (used when the page's values are missing). */
export const EXPORT_THEMES: Record<"light" | "dark", ExportTheme> = {
  light: {
    background: "#fdfcf9",
    text: "#1f2328",
    axis: "#59636e",
    rule: "#d8dee4",
    halo: "#fdfcf9",
    ...ROLE_COLORS.light,
    fieldStops: DIVERGING_STOPS.light,
    fieldOpacity: 0.8,
  },
  dark: {
    background: "#16181d",
    text: "#e3e5e8",
    axis: "#a4acb6",
    rule: "#343a43",
    halo: "#16181d",
    ...ROLE_COLORS.dark,
    fieldStops: DIVERGING_STOPS.dark,
    fieldOpacity: 0.85,
  },
};

/** What the figure shows: the layers of one view (see `ViewFrame`) and its words. */
export interface FigureInput {
  /** The heading above the plot, e.g. "交互演示：生成对抗网络（GAN / WGAN）". */
  title: string;
  /** Lines under the legend: the view's caption, the step, the data set. */
  caption: readonly string[];
  /** Half-width of the square domain [−extent, extent]². */
  extent: number;
  theme: ExportTheme;
  legend: readonly LegendItem[];
  data?: Float32Array | null;
  samples?: Float32Array | null;
  colouredPoints?: { points: Float32Array; hues: Float32Array } | null;
  field?: { values: Float32Array; gridSize: number; kind: FieldKind } | null;
  arrows?: { origins: Float32Array; vectors: Float32Array } | null;
  paths?: { lines: readonly Float32Array[]; dots?: boolean } | null;
}

export interface FigureSvg {
  svg: string;
  width: number;
  height: number;
}

const WIDTH = 560;
const PLOT = 460;
const LEFT = 56;
const TOP = 48;
const RADIUS = 3;
const FONT = 'system-ui, -apple-system, "Segoe UI", "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif';
const LEGEND_FONT = 13;
const LEGEND_ROW = 22;

/** Text for SVG content and attribute values. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** A pixel coordinate rounded to a tenth, so the file stays small. */
function px(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** Roughly how wide `text` is at `size` px: CJK characters a full em, others about 0.6 em. */
function textWidth(text: string, size: number): number {
  let em = 0;
  for (const ch of text) em += /[\u2E80-\u9FFF\uFF00-\uFFEF]/.test(ch) ? 1 : 0.6;
  return em * size;
}

function* strided(count: number, max = MAX_MARKS): Generator<number> {
  const stride = drawStride(count, max);
  for (let i = 0; i < count; i += stride) yield i;
}

type Scales = ReturnType<typeof dataToPixel>;

/** The grid's cells as rectangles coloured by the map (NaN cells left out). */
function fieldLayer(field: NonNullable<FigureInput["field"]>, theme: ExportTheme): string {
  const { values, gridSize, kind } = field;
  const pixels = fieldToRGBA(values, gridSize, { kind, stops: theme.fieldStops });
  const cell = PLOT / gridSize;
  const rects: string[] = [];
  for (let row = 0; row < gridSize; row++) {
    for (let col = 0; col < gridSize; col++) {
      const o = (row * gridSize + col) * 4;
      if ((pixels[o + 3] ?? 0) === 0) continue;
      const fill = `rgb(${pixels[o]},${pixels[o + 1]},${pixels[o + 2]})`;
      // A hair wider than the cell, so no seam of background shows between neighbours; the cells along the border
      // reach a cell beyond it (clipped away), so the blur below fades out there and not inside the plot.
      const x = col === 0 ? -cell : col * cell;
      const y = row === 0 ? -cell : row * cell;
      const width = cell + 0.4 + (col === 0 ? cell : 0) + (col === gridSize - 1 ? cell : 0);
      const height = cell + 0.4 + (row === 0 ? cell : 0) + (row === gridSize - 1 ? cell : 0);
      rects.push(`<rect x="${px(x)}" y="${px(y)}" width="${px(width)}" height="${px(height)}" fill="${fill}"/>`);
    }
  }
  // The live plot stretches the grid's pixels with smoothing; a blur of half a cell (edges repeated) does the same.
  const blur = `<filter id="field-smooth"><feGaussianBlur stdDeviation="${px(cell / 2)}"/></filter>`;
  return (
    `<defs>${blur}</defs><g class="field" opacity="${theme.fieldOpacity}" filter="url(#field-smooth)" ` +
    `shape-rendering="crispEdges">${rects.join("")}</g>`
  );
}

function circles(points: Float32Array, scales: Scales, fill: (i: number) => string, halo: string): string {
  const out: string[] = [];
  for (const i of strided(Math.floor(points.length / 2))) {
    const x = scales.x(points[2 * i] ?? NaN);
    const y = scales.y(points[2 * i + 1] ?? NaN);
    const colour = fill(i);
    if (!Number.isFinite(x) || !Number.isFinite(y) || colour === "transparent") continue;
    out.push(`<circle cx="${px(x)}" cy="${px(y)}" r="${RADIUS}" fill="${colour}"/>`);
  }
  return `<g stroke="${halo}" stroke-width="1.5" paint-order="stroke">${out.join("")}</g>`;
}

function crosses(points: Float32Array, scales: Scales, colour: string, halo: string): string {
  const arm = RADIUS + 0.5;
  let d = "";
  for (const i of strided(Math.floor(points.length / 2))) {
    const x = scales.x(points[2 * i] ?? NaN);
    const y = scales.y(points[2 * i + 1] ?? NaN);
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    d += `M${px(x - arm)} ${px(y - arm)}l${2 * arm} ${2 * arm}M${px(x - arm)} ${px(y + arm)}l${2 * arm} ${-2 * arm}`;
  }
  return (
    `<g fill="none" stroke-linecap="round"><path d="${d}" stroke="${halo}" stroke-width="3.6"/>` +
    `<path d="${d}" stroke="${colour}" stroke-width="1.6"/></g>`
  );
}

function arrowsLayer(arrows: NonNullable<FigureInput["arrows"]>, scales: Scales, extent: number, theme: ExportTheme) {
  const { origins, vectors } = arrows;
  const count = Math.floor(Math.min(origins.length, vectors.length) / 2);
  const scale = arrowScale(vectors, arrowCellSize(count, extent));
  const spread = Math.PI / 7;
  let d = "";
  for (const i of strided(count)) {
    const ox = origins[2 * i] ?? NaN;
    const oy = origins[2 * i + 1] ?? NaN;
    const [x0, y0] = [scales.x(ox), scales.y(oy)];
    const x1 = scales.x(ox + scale * (vectors[2 * i] ?? NaN));
    const y1 = scales.y(oy + scale * (vectors[2 * i + 1] ?? NaN));
    const length = Math.hypot(x1 - x0, y1 - y0);
    if (!Number.isFinite(length) || length < 1) continue;
    const angle = Math.atan2(y1 - y0, x1 - x0);
    const head = Math.min(5, 0.4 * length);
    d += `M${px(x0)} ${px(y0)}L${px(x1)} ${px(y1)}`;
    d += `M${px(x1 - head * Math.cos(angle - spread))} ${px(y1 - head * Math.sin(angle - spread))}L${px(x1)} ${px(y1)}`;
    d += `L${px(x1 - head * Math.cos(angle + spread))} ${px(y1 - head * Math.sin(angle + spread))}`;
  }
  return (
    `<g fill="none" stroke-linecap="round" stroke-linejoin="round">` +
    `<path d="${d}" stroke="${theme.halo}" stroke-width="3" opacity="0.6"/>` +
    `<path d="${d}" stroke="${theme.arrows}" stroke-width="1.2"/></g>`
  );
}

function pathsLayer(paths: NonNullable<FigureInput["paths"]>, scales: Scales, theme: ExportTheme): string {
  let d = "";
  const ends: string[] = [];
  for (const p of strided(paths.lines.length, MAX_PATHS)) {
    const points = paths.lines[p]!;
    let started = false;
    let last: [number, number] | null = null;
    for (let i = 0; i + 1 < points.length; i += 2) {
      const x = scales.x(points[i] ?? NaN);
      const y = scales.y(points[i + 1] ?? NaN);
      if (!Number.isFinite(x) || !Number.isFinite(y)) {
        started = false;
        continue;
      }
      d += `${started ? "L" : "M"}${px(x)} ${px(y)}`;
      started = true;
      last = [x, y];
    }
    if (last && paths.dots !== false) ends.push(`<circle cx="${px(last[0])}" cy="${px(last[1])}" r="2.4"/>`);
  }
  return (
    `<g><path d="${d}" fill="none" stroke="${theme.paths}" stroke-width="1.2" opacity="0.8" stroke-linejoin="round"/>` +
    `<g fill="${theme.paths}" stroke="${theme.halo}" stroke-width="1.5" paint-order="stroke">${ends.join("")}</g></g>`
  );
}

/** Ticks and labels along the bottom and the left of the plot, as d3's axes would draw them. */
function axesLayer(extent: number, theme: ExportTheme): string {
  const scale = scaleLinear().domain([-extent, extent]).range([0, PLOT]);
  const ticks = scale.ticks(5);
  const label = (v: number) => String(v).replace("-", "−");
  const bottom = ticks
    .map(
      (t) =>
        `<line x1="${px(scale(t))}" x2="${px(scale(t))}" y1="${PLOT}" y2="${PLOT + 4}"/>` +
        `<text x="${px(scale(t))}" y="${PLOT + 17}" text-anchor="middle" stroke="none">${label(t)}</text>`,
    )
    .join("");
  const left = ticks
    .map(
      (t) =>
        `<line x1="-4" x2="0" y1="${px(PLOT - scale(t))}" y2="${px(PLOT - scale(t))}"/>` +
        `<text x="-7" y="${px(PLOT - scale(t) + 4)}" text-anchor="end" stroke="none">${label(t)}</text>`,
    )
    .join("");
  return (
    `<g class="axes" stroke="${theme.axis}" fill="${theme.axis}" font-size="11">` +
    `<rect width="${PLOT}" height="${PLOT}" fill="none" stroke="${theme.rule}"/>${bottom}${left}</g>`
  );
}

/** A legend swatch like the live legend's (legend.ts), 16×12, at (0, 0). */
function swatch(item: LegendItem, theme: ExportTheme, gradientId: string): string {
  switch (item.kind) {
    case "data":
      return `<circle cx="8" cy="6" r="3.5" fill="${theme.data}" stroke="${theme.halo}"/>`;
    case "samples":
      return `<path d="M4.5 2.5l7 7M4.5 9.5l7-7" stroke="${theme.samples}" stroke-width="2" stroke-linecap="round" fill="none"/>`;
    case "arrows":
      return `<path d="M1.5 6h12M10 3l3.5 3-3.5 3" stroke="${theme.arrows}" stroke-width="1.5" stroke-linecap="round" fill="none"/>`;
    case "paths":
      return `<path d="M1.5 10c3-7 6 0 10-5" stroke="${theme.paths}" stroke-width="1.5" fill="none"/><circle cx="12" cy="4.5" r="2" fill="${theme.paths}"/>`;
    case "lines":
      return `<path d="M1.5 10c3-7 6 0 13-5" stroke="${theme.paths}" stroke-width="1.5" fill="none"/>`;
    case "coloured":
      return [0, 1, 2]
        .map((k) => `<circle cx="${3.5 + 4.5 * k}" cy="6" r="2.5" fill="${cyclicColor(k / 3)}"/>`)
        .join("");
    case "field":
      return `<rect y="1" width="40" height="10" rx="2" fill="url(#${gradientId})"/>`;
  }
}

/** The figure as an SVG document (with its XML declaration), and its size in CSS pixels. */
export function figureSvg(input: FigureInput): FigureSvg {
  const { theme, extent } = input;
  const scales = dataToPixel(extent, PLOT);
  const layers: string[] = [];
  if (input.field) layers.push(fieldLayer(input.field, theme));
  if (input.data) layers.push(circles(input.data, scales, () => theme.data, theme.halo));
  if (input.colouredPoints) {
    const { points, hues } = input.colouredPoints;
    layers.push(circles(points, scales, (i) => cyclicColor(hues[i] ?? NaN), theme.halo));
  }
  if (input.paths) layers.push(pathsLayer(input.paths, scales, theme));
  if (input.samples) layers.push(crosses(input.samples, scales, theme.samples, theme.halo));
  if (input.arrows) layers.push(arrowsLayer(input.arrows, scales, extent, theme));

  // The legend wraps into rows across the width, as the live one wraps on a phone.
  const gradientId = "field-ramp";
  const range = input.field ? formatLegendRange(fieldDomain(input.field.values, input.field.kind)) : "";
  const entries: string[] = [];
  let x = 0;
  let row = 0;
  for (const item of input.legend) {
    const words = item.kind === "field" && range ? `${item.label}（${range}）` : item.label;
    const width = (item.kind === "field" ? 46 : 22) + textWidth(words, LEGEND_FONT) + 18;
    if (x > 0 && x + width > WIDTH - LEFT) {
      x = 0;
      row++;
    }
    const offset = item.kind === "field" ? 46 : 22;
    entries.push(
      `<g class="legend-item" data-kind="${item.kind}" transform="translate(${px(x)},${row * LEGEND_ROW})">` +
        `<g transform="translate(0,-10)">${swatch(item, theme, gradientId)}</g>` +
        `<text x="${offset}" y="0">${escapeXml(words)}</text></g>`,
    );
    x += width;
  }
  const legendTop = TOP + PLOT + 44;
  const legendRows = input.legend.length > 0 ? row + 1 : 0;
  const captionTop = legendTop + legendRows * LEGEND_ROW + 6;
  const caption = input.caption
    .filter((line) => line !== "")
    .map((line, i) => `<text x="0" y="${i * 20}">${escapeXml(line)}</text>`)
    .join("");
  const height = captionTop + Math.max(0, input.caption.filter((l) => l !== "").length - 1) * 20 + 18;

  const kind = input.field?.kind ?? "sequential";
  const ramp = Array.from({ length: 9 }, (_, i) => {
    const colour = rgbaToCss(kind === "diverging" ? divergingColor(i / 8, theme.fieldStops) : sequentialColor(i / 8));
    return `<stop offset="${i / 8}" stop-color="${colour}"/>`;
  }).join("");

  const svg =
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" ` +
    `font-family='${FONT}'>` +
    `<title>${escapeXml(input.title)}</title>` +
    `<defs><linearGradient id="${gradientId}">${ramp}</linearGradient>` +
    `<clipPath id="plot-area"><rect width="${PLOT}" height="${PLOT}"/></clipPath></defs>` +
    `<rect width="100%" height="100%" fill="${theme.background}"/>` +
    `<text x="${LEFT}" y="28" font-size="16" font-weight="600" fill="${theme.text}">${escapeXml(input.title)}</text>` +
    `<g transform="translate(${LEFT},${TOP})"><g clip-path="url(#plot-area)">${layers.join("")}</g>` +
    `${axesLayer(extent, theme)}</g>` +
    `<g class="legend" transform="translate(${LEFT},${legendTop})" font-size="${LEGEND_FONT}" fill="${theme.text}">` +
    `${entries.join("")}</g>` +
    `<g class="caption" transform="translate(${LEFT},${captionTop})" font-size="13" fill="${theme.axis}">${caption}</g>` +
    `</svg>\n`;
  return { svg, width: WIDTH, height };
}
