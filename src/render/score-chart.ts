/**
 * The comparison's figure: the quality score of every family against its training seconds, one line each on one
 * pair of axes, a dashed line at a target score, and an HTML legend. Lines are told apart by colour and dash, with
 * their colours written on the elements, so the SVG also stands alone when exported (`standaloneSvg`).
 * Plain arrays in, SVG out; no model knowledge.
 */
import { axisBottom, axisLeft } from "d3-axis";
import { scaleLinear } from "d3-scale";
import { select } from "d3-selection";
import { line } from "d3-shape";

export interface ScoreChartOptions {
  series: readonly { key: string; label: string }[];
  /** Accessible name of the chart. */
  label: string;
  /** A score to mark with a dashed line (e.g. 0.2). */
  target: number;
  /** The axes' titles, in the page's language: seconds of training (x) and the score (y). */
  axisTitles: { x: string; y: string };
}

export interface ScoreChart {
  /**
   * Redraws: `curves[key]` are the scores of series `key` against seconds, over [0, maxSeconds]; a series that
   * `curves` does not name is left out of the legend.
   */
  update(curves: Record<string, readonly { seconds: number; score: number }[]>, maxSeconds: number): void;
  /** The chart as a standalone SVG document (white background, dark text, its legend drawn in). */
  standaloneSvg(): string;
  destroy(): void;
}

/**
 * Colours of the lines: the Okabe–Ito colours readable on light and dark backgrounds, then two more; with the
 * dashes below, no two of nine series look alike.
 */
export const SERIES_COLOURS = [
  "#0072B2",
  "#D55E00",
  "#009E73",
  "#CC79A7",
  "#E69F00",
  "#56B4E9",
  "#8C6D31",
  "#7F7F7F",
  "#9467BD",
] as const;
export const SERIES_DASHES = ["", "6 3", "2 2", "", "6 3", "2 2", "", "6 3", "2 2"] as const;

/** The chart's coordinate system: as wide as its container between these bounds (so text stays legible on a phone). */
const MIN_WIDTH = 320;
const MAX_WIDTH = 640;
const HEIGHT = 300;
const MARGIN = { top: 12, right: 16, bottom: 36, left: 48 } as const;
/** Scores above this are drawn at the top edge (early scores can be far above 1). */
export const SCORE_CEILING = 1.5;
const SVG_NS = "http://www.w3.org/2000/svg";

export const seriesColour = (i: number) => SERIES_COLOURS[i % SERIES_COLOURS.length]!;
export const seriesDash = (i: number) => SERIES_DASHES[i % SERIES_DASHES.length]!;

let charts = 0;

/** Builds the chart inside `container` (appended as its last child). */
export function createScoreChart(container: HTMLElement, options: ScoreChartOptions): ScoreChart {
  const root = select(container).append("div").attr("class", "gm-score-chart");
  const svg = root
    .append("svg")
    .attr("xmlns", SVG_NS)
    .attr("class", "gm-score-chart__svg")
    .attr("role", "img")
    .attr("aria-label", options.label);
  const xAxis = svg
    .append("g")
    .attr("class", "gm-plot__axis")
    .attr("transform", `translate(0,${HEIGHT - MARGIN.bottom})`);
  const yAxis = svg.append("g").attr("class", "gm-plot__axis").attr("transform", `translate(${MARGIN.left},0)`);
  const xTitle = svg
    .append("text")
    .attr("y", HEIGHT - 4)
    .attr("text-anchor", "middle")
    .attr("fill", "currentColor")
    .attr("font-size", 12)
    .text(options.axisTitles.x);
  svg
    .append("text")
    .attr("transform", `translate(12,${(MARGIN.top + HEIGHT - MARGIN.bottom) / 2}) rotate(-90)`)
    .attr("text-anchor", "middle")
    .attr("fill", "currentColor")
    .attr("font-size", 12)
    .text(options.axisTitles.y);
  const clipId = `gm-score-clip-${++charts}`;
  const clip = svg
    .append("clipPath")
    .attr("id", clipId)
    .append("rect")
    .attr("x", MARGIN.left)
    .attr("y", MARGIN.top - 2)
    .attr("height", HEIGHT - MARGIN.top - MARGIN.bottom + 4);
  const target = svg
    .append("line")
    .attr("class", "gm-score-chart__target")
    .attr("stroke", "currentColor")
    .attr("stroke-opacity", 0.5)
    .attr("stroke-dasharray", "3 4");
  const targetLabel = svg
    .append("text")
    .attr("fill", "currentColor")
    .attr("font-size", 11)
    .attr("text-anchor", "end")
    .text(`${options.target}`);
  const lines = options.series.map((_, i) =>
    svg
      .append("path")
      .attr("class", "gm-score-chart__line")
      .attr("fill", "none")
      .attr("stroke", seriesColour(i))
      .attr("stroke-width", 2)
      .attr("stroke-dasharray", seriesDash(i) || null)
      .attr("clip-path", `url(#${clipId})`),
  );

  const legend = root.append("ul").attr("class", "gm-legend gm-score-chart__legend");
  const items = options.series.map((series, i) => {
    const item = legend.append("li").attr("class", "gm-legend__item");
    item
      .append("svg")
      .attr("class", "gm-legend__swatch")
      .attr("viewBox", "0 0 16 12")
      .attr("aria-hidden", "true")
      .append("path")
      .attr("d", "M1 6H15")
      .attr("stroke", seriesColour(i))
      .attr("stroke-width", 2)
      .attr("stroke-dasharray", seriesDash(i) || null);
    item.append("span").text(series.label);
    return item;
  });

  const x = scaleLinear();
  const y = scaleLinear().range([HEIGHT - MARGIN.bottom, MARGIN.top]);

  let width = MAX_WIDTH;
  let shown: { key: string; label: string; index: number }[] = options.series.map((s, index) => ({ ...s, index }));

  function update(curves: Record<string, readonly { seconds: number; score: number }[]>, maxSeconds: number): void {
    const available = root.node()?.clientWidth ?? 0;
    width = available > 0 ? Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, available))) : MAX_WIDTH;
    svg.attr("viewBox", `0 0 ${width} ${HEIGHT}`);
    shown = options.series.map((s, index) => ({ ...s, index })).filter((s) => curves[s.key] !== undefined);
    items.forEach((item, i) => item.attr("hidden", curves[options.series[i]!.key] === undefined ? "" : null));
    xTitle.attr("x", (MARGIN.left + width - MARGIN.right) / 2);
    clip.attr("width", width - MARGIN.left - MARGIN.right);
    x.range([MARGIN.left, width - MARGIN.right]).domain([0, maxSeconds > 0 ? maxSeconds : 1]);
    let low = 0;
    let high = 1;
    for (const curve of Object.values(curves)) {
      for (const p of curve) {
        if (!Number.isFinite(p.score)) continue;
        low = Math.min(low, p.score);
        high = Math.max(high, Math.min(SCORE_CEILING, p.score));
      }
    }
    // A score a little below 0 is sampling noise: the axis dips to −0.1 for it, no further (lower ones are clipped).
    y.domain([low < 0 ? -0.1 : 0, Math.ceil(high * 2) / 2]);
    xAxis.call(
      axisBottom(x)
        .ticks(width < 480 ? 4 : 6)
        .tickSize(4)
        .tickSizeOuter(0),
    );
    yAxis.call(axisLeft(y).ticks(5).tickSize(4).tickSizeOuter(0));
    target
      .attr("x1", MARGIN.left)
      .attr("x2", width - MARGIN.right)
      .attr("y1", y(options.target))
      .attr("y2", y(options.target));
    targetLabel.attr("x", width - MARGIN.right - 2).attr("y", y(options.target) - 3);
    options.series.forEach((series, i) => {
      const points = (curves[series.key] ?? []).filter((p) => Number.isFinite(p.score));
      const path = line<{ seconds: number; score: number }>()
        .x((p) => x(p.seconds))
        .y((p) => y(Math.min(SCORE_CEILING, p.score)));
      lines[i]?.attr("d", points.length > 0 ? (path(points) ?? "") : "");
    });
  }

  function standaloneSvg(): string {
    const node = svg.node()!;
    const copy = node.cloneNode(true) as SVGSVGElement;
    const perRow = Math.max(1, Math.floor((width - MARGIN.left) / 200));
    const legendHeight = 18 * Math.ceil(shown.length / perRow) + 8;
    copy.setAttribute("viewBox", `0 0 ${width} ${HEIGHT + legendHeight}`);
    copy.setAttribute("width", String(width));
    copy.setAttribute("height", String(HEIGHT + legendHeight));
    copy.setAttribute("style", "color:#1a1a1a;font-family:sans-serif");
    const doc = node.ownerDocument;
    const background = doc.createElementNS(SVG_NS, "rect");
    background.setAttribute("width", "100%");
    background.setAttribute("height", "100%");
    background.setAttribute("fill", "#ffffff");
    copy.insertBefore(background, copy.firstChild);
    for (const axis of copy.querySelectorAll(".gm-plot__axis")) {
      axis.setAttribute("font-size", "11");
      for (const part of axis.querySelectorAll("path, line")) part.setAttribute("stroke", "currentColor");
      for (const text of axis.querySelectorAll("text")) text.setAttribute("fill", "currentColor");
    }
    shown.forEach((series, i) => {
      const left = MARGIN.left + (i % perRow) * 200;
      const top = HEIGHT + 10 + 18 * Math.floor(i / perRow);
      const swatch = doc.createElementNS(SVG_NS, "path");
      swatch.setAttribute("d", `M${left} ${top}h20`);
      swatch.setAttribute("stroke", seriesColour(series.index));
      swatch.setAttribute("stroke-width", "2");
      if (seriesDash(series.index)) swatch.setAttribute("stroke-dasharray", seriesDash(series.index));
      const text = doc.createElementNS(SVG_NS, "text");
      text.setAttribute("x", String(left + 26));
      text.setAttribute("y", String(top + 4));
      text.setAttribute("font-size", "11");
      text.setAttribute("fill", "currentColor");
      text.textContent = series.label;
      copy.append(swatch, text);
    });
    copy.removeAttribute("class");
    return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}`;
  }

  return {
    update,
    standaloneSvg,
    destroy() {
      root.remove();
    },
  };
}
