/**
 * A small SVG line chart of the training losses against the step: one line per series, an HTML legend,
 * a width that follows the container (viewBox) and at most MAX_CHART_POINTS points per line.
 */
import { axisBottom, axisLeft } from "d3-axis";
import { format } from "d3-format";
import { scaleLinear } from "d3-scale";
import { select } from "d3-selection";
import { line } from "d3-shape";

export interface LossChartOptions {
  /** The lines, in order; `key` indexes the values given to `update`. */
  series: readonly { key: string; label: string }[];
  /** Accessible name of the chart. */
  label: string;
}

export interface LossChart {
  /** Redraws with the losses recorded so far: `values[key][i]` is the loss of series `key` at `steps[i]`. */
  update(steps: Float64Array | readonly number[], values: Record<string, ArrayLike<number>>): void;
  /** Removes the chart from the page. */
  destroy(): void;
}

/** Most points drawn per line; longer histories are thinned evenly. */
export const MAX_CHART_POINTS = 500;

/** Number of distinct series styles in render.css (`gm-series-0` … `gm-series-4`); more series reuse them. */
const SERIES_STYLES = 5;

/** The chart's coordinate system (its viewBox); it is scaled to the container's width. */
const WIDTH = 360;
const HEIGHT = 130;
const MARGIN = { top: 8, right: 12, bottom: 22, left: 40 } as const;

/**
 * Indices of at most `maxPoints` items, evenly spread over `length` items, always including the first and
 * the last; all indices when `length <= maxPoints`. Increasing and without repeats.
 */
export function downsample(length: number, maxPoints: number = MAX_CHART_POINTS): number[] {
  if (length <= 0 || maxPoints <= 0) return [];
  if (length <= maxPoints) return Array.from({ length }, (_, i) => i);
  if (maxPoints === 1) return [length - 1];
  const step = (length - 1) / (maxPoints - 1);
  return Array.from({ length: maxPoints }, (_, i) => Math.round(i * step));
}

/** [min, max] of the finite numbers among `values` at `indices`, or null when there is none. */
export function finiteExtent(values: ArrayLike<number>, indices: readonly number[]): [number, number] | null {
  let min = Infinity;
  let max = -Infinity;
  for (const i of indices) {
    const v = values[i] ?? NaN;
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return min <= max ? [min, max] : null;
}

/** Losses from this fraction of the run on set the y range (when there are MIN_SETTLED_POINTS of them). */
const SETTLED_FRACTION = 0.1;
const MIN_SETTLED_POINTS = 5;

let charts = 0;

/** Loss values on the y axis: 3 significant digits, plain (30, 2.5, 0.012), SI above 10⁴ (25k). */
export function formatLoss(value: number): string {
  return Math.abs(value) >= 1e4 ? format(".3~s")(value) : format(".3~g")(value);
}

/** Step numbers on the x axis: 0, 500, 1k, 1.5k, 20k. */
const formatStep = format("~s");

/** Builds a loss chart inside `container` (appended as its last child). */
export function createLossChart(container: HTMLElement, options: LossChartOptions): LossChart {
  const root = select(container).append("div").attr("class", "gm-loss");
  const svg = root
    .append("svg")
    .attr("class", "gm-loss__chart")
    .attr("viewBox", `0 0 ${WIDTH} ${HEIGHT}`)
    .attr("role", "img")
    .attr("aria-label", options.label);
  const xAxis = svg
    .append("g")
    .attr("class", "gm-plot__axis")
    .attr("transform", `translate(0,${HEIGHT - MARGIN.bottom})`);
  const yAxis = svg.append("g").attr("class", "gm-plot__axis").attr("transform", `translate(${MARGIN.left},0)`);
  const clipId = `gm-loss-clip-${++charts}`;
  svg
    .append("clipPath")
    .attr("id", clipId)
    .append("rect")
    .attr("x", MARGIN.left)
    .attr("y", MARGIN.top)
    .attr("width", WIDTH - MARGIN.left - MARGIN.right)
    .attr("height", HEIGHT - MARGIN.top - MARGIN.bottom);
  const lines = options.series.map((_, i) =>
    svg
      .append("path")
      .attr("class", `gm-loss__line gm-series-${i % SERIES_STYLES}`)
      .attr("clip-path", `url(#${clipId})`),
  );

  const legend = root.append("ul").attr("class", "gm-legend");
  options.series.forEach((series, i) => {
    const item = legend.append("li").attr("class", "gm-legend__item");
    item
      .append("svg")
      .attr("class", "gm-legend__swatch")
      .attr("viewBox", "0 0 16 12")
      .attr("aria-hidden", "true")
      .append("path")
      .attr("class", `gm-loss__line gm-series-${i % SERIES_STYLES}`)
      .attr("d", "M1 6H15");
    item.append("span").text(series.label);
  });

  const x = scaleLinear().range([MARGIN.left, WIDTH - MARGIN.right]);
  const y = scaleLinear().range([HEIGHT - MARGIN.bottom, MARGIN.top]);

  function update(steps: Float64Array | readonly number[], values: Record<string, ArrayLike<number>>): void {
    const lastStep = steps.length > 0 ? (steps[steps.length - 1] ?? 0) : 0;
    x.domain([0, lastStep > 0 ? lastStep : 1]);

    const drawn = options.series.map((series) => {
      const seriesValues = values[series.key] ?? [];
      const indices = downsample(Math.min(steps.length, seriesValues.length));
      return { seriesValues, indices };
    });
    let low = Infinity;
    let high = -Infinity;
    // The first losses of a run are often far above the rest: the y range follows the later ones and the
    // start of the curve is clipped at the top, so the part that is still changing stays readable.
    const settled = (index: number) => Number(steps[index] ?? 0) >= SETTLED_FRACTION * lastStep;
    for (const { seriesValues, indices } of drawn) {
      const later = indices.filter(settled);
      const range = finiteExtent(seriesValues, later.length >= MIN_SETTLED_POINTS ? later : indices);
      if (!range) continue;
      low = Math.min(low, range[0]);
      high = Math.max(high, range[1]);
    }
    if (low > high) [low, high] = [0, 1];
    if (low === high) [low, high] = [low - (Math.abs(low) * 0.1 || 1), high + (Math.abs(high) * 0.1 || 1)];
    y.domain([low, high]).nice(4);

    xAxis.call(
      axisBottom(x)
        .tickValues(x.ticks(4).filter(Number.isInteger))
        .tickFormat((step) => formatStep(step.valueOf()))
        .tickSize(3)
        .tickSizeOuter(0),
    );
    yAxis.call(
      axisLeft(y)
        .ticks(4)
        .tickFormat((v) => formatLoss(v.valueOf()))
        .tickSize(3)
        .tickSizeOuter(0),
    );

    drawn.forEach(({ seriesValues, indices }, i) => {
      const path = line<number>()
        .defined((index) => Number.isFinite(seriesValues[index] ?? NaN))
        .x((index) => x(steps[index] ?? NaN))
        .y((index) => y(seriesValues[index] ?? NaN));
      lines[i]?.attr("d", path(indices) ?? "");
    });
  }

  return {
    update,
    destroy() {
      root.remove();
    },
  };
}
