/**
 * The square plot of a demo, built like tensorflow/playground's: stacked layers in a square that follows
 * its container's width. From bottom to top: a gridSize-pixel heat-map canvas stretched (and smoothed) by
 * CSS, a canvas of marks (points, arrows, paths) at devicePixelRatio resolution, and an SVG with the axes.
 * The legend is HTML below the square. Inputs are typed arrays in data coordinates; no model knowledge.
 */
import { axisBottom, axisLeft } from "d3-axis";
import { select } from "d3-selection";
import { fieldDomain, fieldToRGBA, type FieldKind } from "./field-image.ts";
import {
  clearCanvas,
  drawArrows,
  drawColouredPoints,
  drawPaths,
  drawPoints,
  markerRadius,
  pixelRatio,
  putMarks,
} from "./draw-marks.ts";
import { PointRaster } from "./point-raster.ts";
import { renderLegend, updateLegendField, type LegendItem } from "./legend.ts";
import { DIVERGING_STOPS, ROLE_COLORS, type Role } from "./palette.ts";
import { arrowCellSize, arrowScale, dataToPixel, DEFAULT_EXTENT } from "./plot-geometry.ts";

export { dataToPixel, arrowScale, arrowCellSize, DEFAULT_EXTENT } from "./plot-geometry.ts";
export type { PixelScales } from "./plot-geometry.ts";
export type { LegendItem, LegendKind } from "./legend.ts";

export interface PlotOptions {
  /** Half-width of the square domain [−extent, extent]²; 4.5 by default. */
  extent?: number;
  /** Accessible name of the plot (what a screen reader announces). */
  label: string;
}

export interface ArrowOptions {
  /** Multiplier from vector to drawn length (data units); by default the longest arrow is one grid cell. */
  scale?: number;
  /** CSS colour; by default the theme's arrow colour (`--gm-arrows`). */
  color?: string;
}

/** A plot made by `createPlot`. Setters store their input; `render()` draws (except `setField`, which draws at once). */
export interface Plot {
  /** The plot's root element (inside the container). */
  readonly element: HTMLElement;
  /** Draws a gridSize×gridSize field (layout: see field-image.ts) as the heat map; null clears it. */
  setField(values: Float32Array | null, gridSize: number, kind: FieldKind, domain?: readonly [number, number]): void;
  /** Real data (blue filled circles) and generated samples (orange crosses), interleaved xy; null hides a cloud. */
  setPoints(data: Float32Array | null, samples: Float32Array | null): void;
  /** Arrows from `origins` along `vectors` (both interleaved xy); null clears them. */
  setArrows(origins: Float32Array | null, vectors: Float32Array | null, options?: ArrowOptions): void;
  /** Points each in its own colour: `hues[i]` ∈ [0, 1) on a cyclic wheel (interleaved xy); null clears them. */
  setColouredPoints(points: Float32Array | null, hues: Float32Array | null): void;
  /**
   * Trajectories, each a sequence of xy points, drawn as polylines with a dot at the end (no dots when
   * `dots` is false); null clears them.
   */
  setPaths(paths: readonly Float32Array[] | null, dots?: boolean): void;
  /**
   * The plot's accessible description (`aria-description`), read after its name: what it shows now. The name (the
   * `label` option) stays as it is, so the plot is found by the same name whatever it shows.
   */
  setDescription(text: string): void;
  /** The HTML legend's entries. */
  setLegend(items: readonly LegendItem[]): void;
  /** Redraws the marks canvas from the stored points, arrows and paths. */
  render(): void;
  /** Recomputes pixel sizes after a layout change, then redraws (called by the plot's own ResizeObserver). */
  resize(): void;
  /** Removes the plot from the page and stops its observers. */
  destroy(): void;
}

const SVG_NS = "http://www.w3.org/2000/svg";
const AXIS_TICKS = 5;
/** Highest devicePixelRatio honoured: sharper gains nothing visible and costs fill rate. */
const MAX_PIXEL_RATIO = 3;

interface FieldState {
  values: Float32Array;
  gridSize: number;
  kind: FieldKind;
  domain: readonly [number, number] | undefined;
}

function element<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  className: string,
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  node.className = className;
  return node;
}

/** Builds a plot inside `container` (appended as its last child). */
export function createPlot(container: HTMLElement, options: PlotOptions): Plot {
  const extent = options.extent ?? DEFAULT_EXTENT;
  const doc = container.ownerDocument;
  const view = doc.defaultView ?? window;

  const root = element(doc, "div", "gm-plot");
  const frame = element(doc, "div", "gm-plot__frame");
  frame.setAttribute("role", "img");
  frame.setAttribute("aria-label", options.label);
  const area = element(doc, "div", "gm-plot__area");
  const fieldCanvas = element(doc, "canvas", "gm-plot__field");
  fieldCanvas.hidden = true;
  const marksCanvas = element(doc, "canvas", "gm-plot__marks");
  const axes = doc.createElementNS(SVG_NS, "svg");
  axes.setAttribute("class", "gm-plot__axes");
  axes.setAttribute("aria-hidden", "true");
  const legend = element(doc, "ul", "gm-legend");
  legend.hidden = true;
  area.append(fieldCanvas, marksCanvas);
  frame.append(area, axes);
  root.append(frame, legend);
  container.append(root);

  const fieldContext = fieldCanvas.getContext("2d");
  const marksContext = marksCanvas.getContext("2d");
  /** The point markers of a frame, stamped in a pixel buffer and put on the marks canvas at once. */
  const raster = new PointRaster();
  /** A canvas off the page for markers drawn over paths (made when first needed). */
  let scratch: CanvasRenderingContext2D | null | undefined;
  const scratchContext = () => (scratch ??= doc.createElement("canvas").getContext("2d"));

  let sizePx = 0;
  let field: FieldState | null = null;
  let data: Float32Array | null = null;
  let samples: Float32Array | null = null;
  let arrows: { origins: Float32Array; vectors: Float32Array; options: ArrowOptions } | null = null;
  let paths: readonly Float32Array[] | null = null;
  let pathDots = true;
  let coloured: { points: Float32Array; hues: Float32Array } | null = null;

  function cssValue(name: string, fallback: string): string {
    return view.getComputedStyle(root).getPropertyValue(name).trim() || fallback;
  }

  function roleColor(role: Role): string {
    return cssValue(`--gm-${role}`, ROLE_COLORS.light[role]);
  }

  function divergingStops(): [string, string, string] {
    const [low, mid, high] = DIVERGING_STOPS.light;
    return [cssValue("--gm-field-low", low), cssValue("--gm-field-mid", mid), cssValue("--gm-field-high", high)];
  }

  function drawField(): void {
    if (!field || !fieldContext) {
      fieldCanvas.hidden = true;
      return;
    }
    const { values, gridSize, kind, domain } = field;
    const stops = divergingStops();
    if (fieldCanvas.width !== gridSize) fieldCanvas.width = gridSize;
    if (fieldCanvas.height !== gridSize) fieldCanvas.height = gridSize;
    const pixels = fieldToRGBA(values, gridSize, { kind, stops, ...(domain ? { domain } : {}) });
    const image = fieldContext.createImageData(gridSize, gridSize);
    image.data.set(pixels);
    fieldContext.putImageData(image, 0, 0);
    fieldCanvas.hidden = false;
    updateLegendField(legend, kind, fieldDomain(values, kind, domain), stops);
  }

  function drawAxes(): void {
    const { x, y } = dataToPixel(extent, sizePx);
    const svg = select(axes);
    svg.selectAll("*").remove();
    const left = area.offsetLeft;
    const top = area.offsetTop;
    svg
      .append("g")
      .attr("class", "gm-plot__axis")
      .attr("transform", `translate(${left},${top + sizePx})`)
      .call(axisBottom(x).ticks(AXIS_TICKS).tickSize(4).tickSizeOuter(0));
    svg
      .append("g")
      .attr("class", "gm-plot__axis")
      .attr("transform", `translate(${left},${top})`)
      .call(axisLeft(y).ticks(AXIS_TICKS).tickSize(4).tickSizeOuter(0));
  }

  function render(): void {
    if (!marksContext || sizePx <= 0) return;
    clearCanvas(marksContext);
    const target = { raster, ratio: pixelRatio(marksContext), doc };
    raster.reset(marksCanvas.width, marksCanvas.height);
    let canvasEmpty = true;
    const putPoints = () => {
      putMarks(marksContext, raster, canvasEmpty, scratchContext);
      canvasEmpty = false;
    };
    const scales = dataToPixel(extent, sizePx);
    const halo = cssValue("--gm-halo", "#ffffff");
    const radius = markerRadius(sizePx);
    if (data) drawPoints(target, scales, data, "circle", roleColor("data"), halo, radius);
    if (coloured) drawColouredPoints(target, scales, coloured.points, coloured.hues, halo, radius);
    if (paths) {
      putPoints();
      drawPaths(marksContext, scales, paths, roleColor("paths"), halo, radius * 0.8, pathDots);
    }
    if (samples) drawPoints(target, scales, samples, "cross", roleColor("samples"), halo, radius);
    putPoints();
    if (arrows) {
      const { origins, vectors, options: arrowOptions } = arrows;
      const count = Math.floor(Math.min(origins.length, vectors.length) / 2);
      const scale = arrowOptions.scale ?? arrowScale(vectors, arrowCellSize(count, extent));
      const color = arrowOptions.color ?? roleColor("arrows");
      drawArrows(marksContext, scales, origins, vectors, scale, color, halo);
    }
  }

  function resize(): void {
    const size = area.clientWidth;
    if (size <= 0) return;
    sizePx = size;
    const ratio = Math.min(MAX_PIXEL_RATIO, view.devicePixelRatio || 1);
    const pixels = Math.round(size * ratio);
    if (marksCanvas.width !== pixels) marksCanvas.width = pixels;
    if (marksCanvas.height !== pixels) marksCanvas.height = pixels;
    marksContext?.setTransform(pixels / size, 0, 0, pixels / size, 0, 0);
    drawAxes();
    render();
  }

  const observer = typeof ResizeObserver === "undefined" ? null : new ResizeObserver(() => resize());
  observer?.observe(frame);
  const darkScheme = view.matchMedia?.("(prefers-color-scheme: dark)");
  const onSchemeChange = (): void => {
    drawField();
    render();
  };
  darkScheme?.addEventListener("change", onSchemeChange);
  resize();

  return {
    element: root,
    setField(values, gridSize, kind, domain) {
      field = values ? { values, gridSize, kind, domain } : null;
      drawField();
    },
    setPoints(nextData, nextSamples) {
      data = nextData;
      samples = nextSamples;
    },
    setArrows(origins, vectors, arrowOptions = {}) {
      arrows = origins && vectors ? { origins, vectors, options: arrowOptions } : null;
    },
    setColouredPoints(points, hues) {
      coloured = points && hues ? { points, hues } : null;
    },
    setPaths(nextPaths, dots = true) {
      paths = nextPaths;
      pathDots = dots;
    },
    setDescription(text) {
      if (frame.getAttribute("aria-description") !== text) frame.setAttribute("aria-description", text);
    },
    setLegend(items) {
      renderLegend(legend, items);
      legend.hidden = items.length === 0;
      if (field) drawField();
    },
    render,
    resize,
    destroy() {
      observer?.disconnect();
      darkScheme?.removeEventListener("change", onSchemeChange);
      root.remove();
    },
  };
}
