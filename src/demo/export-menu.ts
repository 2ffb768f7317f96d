/**
 * The demo's export menu: a small disclosure ("导出与载入") with one button per file the reader can take away, one
 * to load weights taken away before, and one to load the family's shipped trained model. DOM only; what a button
 * does reaches the controller through the callbacks.
 */
import { button } from "./controls.ts";
import { closeOnEscape } from "./escape.ts";
import { DEMO_TEXT } from "../i18n/demo-text.ts";
import { tr } from "../i18n/page-lang.ts";
import type { Text } from "../i18n/text.ts";

const M = DEMO_TEXT.exportMenu;

/** The files a demo exports. */
export type ExportKind = "samples-csv" | "losses-csv" | "figure-svg" | "figure-png" | "weights-json";

/** Each file's button label, in menu order. */
export const EXPORT_LABELS: Record<ExportKind, Text> = {
  "samples-csv": M["samples-csv"],
  "losses-csv": M["losses-csv"],
  "figure-svg": M["figure-svg"],
  "figure-png": M["figure-png"],
  "weights-json": M["weights-json"],
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
  closeOnEscape(menu);
  const summary = document.createElement("summary");
  summary.textContent = tr(M.summary);
  const list = document.createElement("div");
  list.className = "demo-export-list";
  for (const [kind, label] of Object.entries(EXPORT_LABELS) as [ExportKind, Text][]) {
    list.append(button(tr(label), () => onExport(kind), `demo-export-${kind}`));
  }
  const input = Object.assign(document.createElement("input"), { type: "file", accept: ".json,application/json" });
  input.hidden = true;
  input.setAttribute("aria-label", tr(M.weightsFile));
  input.addEventListener("change", () => {
    const file = input.files?.[0];
    input.value = "";
    if (file) onLoad(file);
  });
  list.append(
    button(tr(M.loadWeights), () => input.click(), "demo-load-weights"),
    input,
    button(tr(M.loadSnapshot), onSnapshot, "demo-load-snapshot"),
  );
  menu.append(summary, list);
  return menu;
}
