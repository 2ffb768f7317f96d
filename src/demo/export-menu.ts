/**
 * The demo's export menu: a small disclosure ("导出与载入") with one button per file the reader can take away, one
 * to load weights taken away before, and one to load the family's shipped trained model. DOM only; what a button
 * does reaches the controller through the callbacks.
 */
import { button } from "./controls.ts";

/** The files a demo exports. */
export type ExportKind = "samples-csv" | "losses-csv" | "figure-svg" | "figure-png" | "weights-json";

/** Each file's button label, in menu order. */
export const EXPORT_LABELS: Record<ExportKind, string> = {
  "samples-csv": "生成样本（CSV）",
  "losses-csv": "损失曲线（CSV）",
  "figure-svg": "图（SVG）",
  "figure-png": "图（PNG）",
  "weights-json": "模型权重（JSON）",
};

/**
 * The menu; `onLoad` gets the weights file the reader picked with "载入权重", `onSnapshot` is called by
 * "加载训练好的模型".
 */
export function createExportMenu(
  onExport: (kind: ExportKind) => void,
  onLoad: (file: File) => void,
  onSnapshot: () => void,
): HTMLDetailsElement {
  const menu = document.createElement("details");
  menu.className = "demo-export";
  const summary = document.createElement("summary");
  summary.textContent = "导出与载入";
  const list = document.createElement("div");
  list.className = "demo-export-list";
  for (const [kind, label] of Object.entries(EXPORT_LABELS) as [ExportKind, string][]) {
    list.append(button(label, () => onExport(kind), `demo-export-${kind}`));
  }
  const input = Object.assign(document.createElement("input"), { type: "file", accept: ".json,application/json" });
  input.hidden = true;
  input.setAttribute("aria-label", "载入权重文件");
  input.addEventListener("change", () => {
    const file = input.files?.[0];
    input.value = "";
    if (file) onLoad(file);
  });
  list.append(
    button("载入权重（JSON）…", () => input.click(), "demo-load-weights"),
    input,
    button("加载训练好的模型", onSnapshot, "demo-load-snapshot"),
  );
  menu.append(summary, list);
  return menu;
}
