/**
 * A small SVG bar chart of a distribution over equal bins, e.g. a marginal p(x₁) or a conditional
 * p(x₂ | x₁): bars, an x axis, a title and an optional marker line. Width follows the container (viewBox).
 */
import { axisBottom } from "d3-axis";
import { scaleLinear } from "d3-scale";
import { select } from "d3-selection";

/** What one chart shows: `values[k]` is the height of bin k of `values.length` equal bins over [lo, hi]. */
export interface BarChartInput {
  label: string;
  /** The quantity along the bins, e.g. "x₁". */
  axis: string;
  lo: number;
  hi: number;
  values: Float32Array;
  /** A position on the axis to mark with a vertical line. */
  marker?: number;
}

export interface BarCharts {
  /** Draws one chart per input (adding or removing charts as needed); an empty list hides them all. */
  update(charts: readonly BarChartInput[]): void;
  destroy(): void;
}

const WIDTH = 360;
const HEIGHT = 92;
const MARGIN = { top: 18, right: 10, bottom: 20, left: 10 } as const;

/** The bars of a chart as rectangles in viewBox units (pure, for tests): x, width, y and height. */
export function barRectangles(values: Float32Array): { x: number; width: number; y: number; height: number }[] {
  let top = 0;
  for (const v of values) if (Number.isFinite(v) && v > top) top = v;
  const inner = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const width = inner / Math.max(1, values.length);
  return Array.from(values, (v, k) => {
    const height = top > 0 && Number.isFinite(v) && v > 0 ? (v / top) * plotHeight : 0;
    return { x: MARGIN.left + k * width, width, y: HEIGHT - MARGIN.bottom - height, height };
  });
}

/** A stack of bar charts inside `container` (appended as its last child). */
export function createBarCharts(container: HTMLElement): BarCharts {
  const root = select(container).append("div").attr("class", "gm-bars");
  return {
    update(charts) {
      root.attr("hidden", charts.length === 0 ? "" : null);
      root
        .selectAll<SVGSVGElement, BarChartInput>("svg")
        .data(charts)
        .join((enter) => enter.append("svg").attr("viewBox", `0 0 ${WIDTH} ${HEIGHT}`).attr("role", "img"))
        .attr("aria-label", (d) => d.label)
        .each(function (chart) {
          const svg = select(this);
          svg.selectAll("*").remove();
          const x = scaleLinear()
            .domain([chart.lo, chart.hi])
            .range([MARGIN.left, WIDTH - MARGIN.right]);
          svg.append("text").attr("class", "gm-bars__title").attr("x", MARGIN.left).attr("y", 12).text(chart.label);
          svg
            .append("g")
            .attr("class", "gm-bars__bars")
            .selectAll("rect")
            .data(barRectangles(chart.values))
            .join("rect")
            .attr("x", (r) => r.x)
            .attr("width", (r) => Math.max(0, r.width - 0.5))
            .attr("y", (r) => r.y)
            .attr("height", (r) => r.height);
          svg
            .append("g")
            .attr("class", "gm-plot__axis")
            .attr("transform", `translate(0,${HEIGHT - MARGIN.bottom})`)
            .call(axisBottom(x).ticks(6).tickSize(3).tickSizeOuter(0));
          svg
            .append("text")
            .attr("class", "gm-bars__axis-label")
            .attr("x", WIDTH - MARGIN.right)
            .attr("y", 12)
            .attr("text-anchor", "end")
            .text(chart.axis);
          if (chart.marker !== undefined && Number.isFinite(chart.marker)) {
            const at = x(chart.marker);
            svg
              .append("line")
              .attr("class", "gm-bars__marker")
              .attr("x1", at)
              .attr("x2", at)
              .attr("y1", MARGIN.top - 2)
              .attr("y2", HEIGHT - MARGIN.bottom);
          }
        });
    },
    destroy() {
      root.remove();
    },
  };
}
