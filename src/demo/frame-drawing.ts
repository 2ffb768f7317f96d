/** Turns a model's view (plain arrays, see `ViewFrame`) into calls on the plot, its legend and its bar charts. */
import type { ViewFrame } from "../models/types.ts";
import type { BarCharts } from "../render/bar-chart.ts";
import type { LegendItem } from "../render/legend.ts";
import type { Plot } from "../render/plot.ts";
import { DEMO_TEXT } from "../i18n/demo-text.ts";
import { tr } from "../i18n/page-lang.ts";

/** The grid size of a field when the frame does not say. */
const GRID = 48;

/** The legend of `frame`'s layers, in drawing order (the live plot's and the exported figure's). */
export function frameLegend(frame: ViewFrame): LegendItem[] {
  const legend: LegendItem[] = [];
  if (frame.showData ?? true) legend.push({ label: tr(DEMO_TEXT.legendData), kind: "data" });
  if (frame.samples) legend.push({ label: tr(frame.samplesLabel ?? DEMO_TEXT.legendSamples), kind: "samples" });
  if (frame.colouredPoints) legend.push({ label: tr(frame.colouredPoints.label), kind: "coloured" });
  if (frame.field) legend.push({ label: tr(frame.field.label), kind: "field" });
  if (frame.arrows) legend.push({ label: tr(frame.arrows.label), kind: "arrows" });
  if (frame.paths) legend.push({ label: tr(frame.paths.label), kind: frame.paths.dots === false ? "lines" : "paths" });
  return legend;
}

/** Draws `frame` over `data`, the real points shown behind the samples unless the frame says otherwise. */
export function drawFrame(plot: Plot, barCharts: BarCharts, frame: ViewFrame, data: Float32Array): void {
  const legend = frameLegend(frame);
  const showData = frame.showData ?? true;
  plot.setField(frame.field?.values ?? null, frame.field?.gridSize ?? GRID, frame.field?.kind ?? "sequential");
  plot.setPoints(showData ? data : null, frame.samples ?? null);
  plot.setColouredPoints(frame.colouredPoints?.points ?? null, frame.colouredPoints?.hues ?? null);
  plot.setArrows(frame.arrows?.origins ?? null, frame.arrows?.vectors ?? null);
  plot.setPaths(frame.paths?.lines ?? null, frame.paths?.dots ?? true);
  plot.setLegend(legend);
  plot.render();
  barCharts.update((frame.bars ?? []).map((bar) => ({ ...bar, label: tr(bar.label) })));
}
