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
export async function exportDemo(kind: ExportKind, source: ExportSource): Promise<string> {
  const name = `${source.family.id}-step${source.session.step}`;
  switch (kind) {
    case "samples-csv": {
      const samples = await source.session.sample(EXPORT_SAMPLES);
      downloadText(samplesCsv(samples), `${name}-samples.csv`, "text/csv");
      return `已导出 ${samples.length / 2} 个生成样本（${name}-samples.csv）。`;
    }
    case "losses-csv":
      downloadText(lossHistoryCsv(source.session.history, source.family.lossSeries), `${name}-losses.csv`, "text/csv");
      return `已导出损失曲线，共 ${source.session.history.steps.length} 个记录点（${name}-losses.csv）。`;
    case "weights-json": {
      const file = await source.session.weights();
      downloadText(JSON.stringify(file), `${name}-weights.json`, "application/json");
      return `已导出模型权重（${name}-weights.json）：可在此演示的“载入权重”或 npm run train -- --weights 中再用。`;
    }
    case "figure-svg":
    case "figure-png": {
      const { svg, width, height } = figureSvg(figureInput(source));
      if (kind === "figure-svg") {
        downloadText(svg, `${name}.svg`, "image/svg+xml");
        return `已导出图（${name}.svg）。`;
      }
      downloadBlob(await svgToPng(svg, width, height), `${name}.png`);
      return `已导出图（${name}.png）。`;
    }
  }
}

/** The figure of what the plot shows now, with its legend and a caption naming the step and the data set. */
function figureInput(source: ExportSource): FigureInput {
  const frame = source.frame ?? {};
  const showData = frame.showData ?? true;
  return {
    title: `交互演示：${source.family.title}`,
    caption: [frame.caption ?? "", `第 ${source.session.step} 步 · 数据集 ${source.dataset}`],
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
export async function importWeights(
  file: File,
  session: { loadWeights(text: string): Promise<void> },
): Promise<string> {
  await session.loadWeights(await file.text());
  return `已载入权重（${file.name}），从这些权重继续：点击“训练”接着训练，“重置”则从头开始。`;
}
