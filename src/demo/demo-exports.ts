/**
 * What each export of a demo writes: the model's samples and the loss history as CSV, the figure shown as SVG or
 * PNG (legend and caption included, in the colours shown), the weights as JSON; and loading such weights back. The
 * controller hands over what it holds; this file turns it into a download, named after the family and the step.
 */
import { samplesCsv, lossHistoryCsv } from "../lab/csv-export.ts";
import type { WeightsFile } from "../lab/weights-file.ts";
import type { LossHistory } from "../models/trainer.ts";
import type { FamilySpec, ViewFrame } from "../models/types.ts";
import { figureSvg, type FigureInput } from "../render/render-export.ts";
import { svgToPng } from "../render/svg-image.ts";
import { downloadBlob, downloadText } from "./download.ts";
import type { ExportKind } from "./export-menu.ts";
import { readExportTheme } from "./export-theme.ts";
import { frameLegend } from "./frame-drawing.ts";
import { DEMO_TEXT } from "../i18n/demo-text.ts";
import { tr } from "../i18n/page-lang.ts";
import { fill, type Text } from "../i18n/text.ts";

const E = DEMO_TEXT.exported;

/** Samples written to the CSV: as many as the quality score reads on the page. */
export const EXPORT_SAMPLES = 2000;

export interface ExportSource {
  family: FamilySpec;
  /** The model in the worker: its step, its loss history, and fresh samples. */
  session: {
    step: number;
    history: LossHistory;
    sample(n: number): Promise<Float32Array>;
    weights(): Promise<WeightsFile>;
  };
  dataset: string;
  /** The view on the plot now (null before the first one), and the real points drawn behind it. */
  frame: ViewFrame | null;
  data: Float32Array;
  extent: number;
  /** The plot's element: its CSS custom properties give the colours. */
  plot: HTMLElement;
}

/** Writes the file `kind` and returns what to tell the reader. */
export async function exportDemo(kind: ExportKind, source: ExportSource): Promise<Text> {
  const name = `${source.family.id}-step${source.session.step}`;
  switch (kind) {
    case "samples-csv": {
      const samples = await source.session.sample(EXPORT_SAMPLES);
      downloadText(samplesCsv(samples), `${name}-samples.csv`, "text/csv");
      return fill(E.samples, { count: samples.length / 2, file: `${name}-samples.csv` });
    }
    case "losses-csv":
      downloadText(lossHistoryCsv(source.session.history, source.family.lossSeries), `${name}-losses.csv`, "text/csv");
      return fill(E.losses, { count: source.session.history.steps.length, file: `${name}-losses.csv` });
    case "weights-json": {
      const file = await source.session.weights();
      downloadText(JSON.stringify(file), `${name}-weights.json`, "application/json");
      return fill(E.weights, { file: `${name}-weights.json` });
    }
    case "figure-svg":
    case "figure-png": {
      const { svg, width, height } = figureSvg(figureInput(source));
      if (kind === "figure-svg") {
        downloadText(svg, `${name}.svg`, "image/svg+xml");
        return fill(E.figure, { file: `${name}.svg` });
      }
      downloadBlob(await svgToPng(svg, width, height), `${name}.png`);
      return fill(E.figure, { file: `${name}.png` });
    }
  }
}

/** The figure of what the plot shows now, with its legend and a caption naming the step and the data set. */
function figureInput(source: ExportSource): FigureInput {
  const frame = source.frame ?? {};
  const showData = frame.showData ?? true;
  return {
    title: tr(fill(DEMO_TEXT.demoTitle, { title: source.family.title })),
    caption: [
      frame.caption ? tr(frame.caption) : "",
      tr(fill(E.caption, { step: source.session.step, dataset: source.dataset })),
    ],
    extent: source.extent,
    theme: readExportTheme(source.plot),
    legend: frameLegend(frame),
    data: showData ? source.data : null,
    samples: frame.samples ?? null,
    colouredPoints: frame.colouredPoints ?? null,
    field: frame.field ?? null,
    arrows: frame.arrows ?? null,
    paths: frame.paths ?? null,
  };
}

/** Loads the weights in `file` into the session's model; returns what to tell the reader, or throws what is wrong. */
export async function importWeights(file: File, session: { loadWeights(text: string): Promise<void> }): Promise<Text> {
  await session.loadWeights(await file.text());
  return fill(DEMO_TEXT.weights.loaded, { file: file.name });
}
