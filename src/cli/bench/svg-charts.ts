/**
 * The benchmark report's figures as standalone SVG text (no DOM): a line chart of curves and a grouped bar
 * chart, with d3's scales and path generators, Okabe–Ito colours and dash patterns so lines differ in grey too.
 */
import { scaleBand, scaleLinear } from "d3-scale";
import { line } from "d3-shape";

const COLOURS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"];
const DASHES = ["", "6 3", "2 3", "8 3 2 3", "4 2", "1 2", "10 4", "3 3 1 3"];
const FONT = `font-family="system-ui, sans-serif" font-size="12"`;

function escape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

const round = (v: number) => Math.round(v * 10) / 10;

export interface LineSeries {
  label: string;
  points: readonly (readonly [number, number])[];
}

export interface LineChartOptions {
  title: string;
  xLabel: string;
  yLabel: string;
  series: readonly LineSeries[];
  /** Fixed y range; values outside are clipped to it. */
  yDomain: readonly [number, number];
  /** A horizontal reference line (e.g. the quality target), with its label. */
  reference?: { y: number; label: string };
}

/** Curves against a shared x axis, a legend on the right. */
export function lineChartSvg(options: LineChartOptions): string {
  const width = 640;
  const height = 320;
  const margin = { top: 30, right: 170, bottom: 40, left: 50 };
  const xMax = Math.max(1, ...options.series.flatMap((s) => s.points.map((p) => p[0])));
  const x = scaleLinear()
    .domain([0, xMax])
    .range([margin.left, width - margin.right])
    .nice();
  const y = scaleLinear()
    .domain(options.yDomain)
    .range([height - margin.bottom, margin.top]);
  const clip = (v: number) => Math.min(options.yDomain[1], Math.max(options.yDomain[0], v));
  const path = line<readonly [number, number]>()
    .defined((p) => Number.isFinite(p[1]))
    .x((p) => round(x(p[0])))
    .y((p) => round(y(clip(p[1]))));
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" ${FONT}>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${margin.left}" y="18" font-size="14" font-weight="bold">${escape(options.title)}</text>`,
  ];
  for (const tick of x.ticks(6)) {
    parts.push(
      `<line x1="${round(x(tick))}" x2="${round(x(tick))}" y1="${margin.top}" y2="${height - margin.bottom}" stroke="#e5e5e5"/>`,
      `<text x="${round(x(tick))}" y="${height - margin.bottom + 16}" text-anchor="middle">${tick}</text>`,
    );
  }
  for (const tick of y.ticks(5)) {
    parts.push(
      `<line x1="${margin.left}" x2="${width - margin.right}" y1="${round(y(tick))}" y2="${round(y(tick))}" stroke="#e5e5e5"/>`,
      `<text x="${margin.left - 6}" y="${round(y(tick)) + 4}" text-anchor="end">${tick}</text>`,
    );
  }
  parts.push(
    `<text x="${(margin.left + width - margin.right) / 2}" y="${height - 6}" text-anchor="middle">${escape(options.xLabel)}</text>`,
    `<text transform="translate(14 ${(margin.top + height - margin.bottom) / 2}) rotate(-90)" text-anchor="middle">${escape(options.yLabel)}</text>`,
  );
  if (options.reference) {
    const ry = round(y(options.reference.y));
    parts.push(
      `<line x1="${margin.left}" x2="${width - margin.right}" y1="${ry}" y2="${ry}" stroke="#444" stroke-dasharray="4 4"/>`,
      `<text x="${width - margin.right - 4}" y="${ry - 4}" text-anchor="end" fill="#444">${escape(options.reference.label)}</text>`,
    );
  }
  options.series.forEach((series, i) => {
    const colour = COLOURS[i % COLOURS.length]!;
    const dash = DASHES[i % DASHES.length]!;
    parts.push(
      `<path d="${path(series.points) ?? ""}" fill="none" stroke="${colour}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ""}/>`,
    );
    const ly = margin.top + 8 + i * 18;
    const lx = width - margin.right + 12;
    parts.push(
      `<line x1="${lx}" x2="${lx + 24}" y1="${ly}" y2="${ly}" stroke="${colour}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ""}/>`,
      `<text x="${lx + 30}" y="${ly + 4}">${escape(series.label)}</text>`,
    );
  });
  parts.push("</svg>");
  return parts.join("\n");
}

export interface BarGroup {
  label: string;
  /** One value per bar key (NaN: no bar). */
  values: readonly number[];
}

export interface BarChartOptions {
  title: string;
  yLabel: string;
  /** Names of the bars within every group, in order. */
  keys: readonly string[];
  groups: readonly BarGroup[];
}

/** Groups of bars (e.g. one group per family, one bar per backend), values printed above the bars. */
export function barChartSvg(options: BarChartOptions): string {
  const width = 880;
  const height = 340;
  const margin = { top: 50, right: 20, bottom: 50, left: 55 };
  const top = Math.max(1, ...options.groups.flatMap((g) => g.values.filter(Number.isFinite)));
  const x0 = scaleBand()
    .domain(options.groups.map((g) => g.label))
    .range([margin.left, width - margin.right])
    .paddingInner(0.2);
  const x1 = scaleBand().domain(options.keys.map(String)).range([0, x0.bandwidth()]).padding(0.08);
  const y = scaleLinear()
    .domain([0, top])
    .range([height - margin.bottom, margin.top])
    .nice();
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" ${FONT}>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${margin.left}" y="18" font-size="14" font-weight="bold">${escape(options.title)}</text>`,
  ];
  options.keys.forEach((key, i) => {
    const lx = margin.left + i * 150;
    parts.push(
      `<rect x="${lx}" y="28" width="12" height="12" fill="${COLOURS[i % COLOURS.length]}"/>`,
      `<text x="${lx + 16}" y="38">${escape(key)}</text>`,
    );
  });
  for (const tick of y.ticks(5)) {
    parts.push(
      `<line x1="${margin.left}" x2="${width - margin.right}" y1="${round(y(tick))}" y2="${round(y(tick))}" stroke="#e5e5e5"/>`,
      `<text x="${margin.left - 6}" y="${round(y(tick)) + 4}" text-anchor="end">${tick}</text>`,
    );
  }
  parts.push(
    `<text transform="translate(14 ${(margin.top + height - margin.bottom) / 2}) rotate(-90)" text-anchor="middle">${escape(options.yLabel)}</text>`,
  );
  for (const group of options.groups) {
    const gx = x0(group.label) ?? 0;
    parts.push(
      `<text x="${round(gx + x0.bandwidth() / 2)}" y="${height - margin.bottom + 16}" text-anchor="middle">${escape(group.label)}</text>`,
    );
    group.values.forEach((value, i) => {
      if (!Number.isFinite(value)) return;
      const bx = gx + (x1(String(options.keys[i])) ?? 0);
      const by = y(value);
      parts.push(
        `<rect x="${round(bx)}" y="${round(by)}" width="${round(x1.bandwidth())}" height="${round(height - margin.bottom - by)}" fill="${COLOURS[i % COLOURS.length]}"/>`,
        `<text x="${round(bx + x1.bandwidth() / 2)}" y="${round(by) - 3}" text-anchor="middle" font-size="9">${Math.round(value)}</text>`,
      );
    });
  }
  parts.push("</svg>");
  return parts.join("\n");
}
