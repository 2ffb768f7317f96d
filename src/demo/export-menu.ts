/**
 * The demo's export menu: a small disclosure ("导出") with one button per file the reader can take away. DOM only;
 * what a button does reaches the controller through `onExport`.
 */
import { button } from "./controls.ts";

/** The files a demo exports. */
export type ExportKind = "samples-csv" | "losses-csv" | "figure-svg" | "figure-png";

/** Each file's button label, in menu order. */
export const EXPORT_LABELS: Record<ExportKind, string> = {
  "samples-csv": "生成样本（CSV）",
  "losses-csv": "损失曲线（CSV）",
  "figure-svg": "图（SVG）",
  "figure-png": "图（PNG）",
};

export function createExportMenu(onExport: (kind: ExportKind) => void): HTMLDetailsElement {
  const menu = document.createElement("details");
  menu.className = "demo-export";
  const summary = document.createElement("summary");
  summary.textContent = "导出";
  const list = document.createElement("div");
  list.className = "demo-export-list";
  for (const [kind, label] of Object.entries(EXPORT_LABELS) as [ExportKind, string][]) {
    list.append(button(label, () => onExport(kind), `demo-export-${kind}`));
  }
  menu.append(summary, list);
  return menu;
}
