/**
 * A demo's "你的数据" section: drawing points on the plot (a mode the reader enters and leaves with one button; a
 * brush size, undo and clear), pasting or uploading a CSV in a dialog that lists every bad line, and the count of
 * points. It keeps the set in the shared store (own-data-store.ts) and hands it to the controller through
 * `OwnDataActions`; it makes no worker call.
 */
import { tr } from "../i18n/page-lang.ts";
import { checkCount, OWN_LIMITS, readOwnCsv } from "../lab/own-data.ts";
import { button } from "./controls.ts";
import { BRUSH, createDrawTool, type DrawTool } from "./draw-tool.ts";
import { clearOwnData, loadOwnData, saveOwnData } from "./own-data-store.ts";
import { OWN_TEXT, problemText } from "./own-data-messages.ts";
import { A11Y_TEXT } from "../i18n/a11y-text.ts";
import { closeOnEscape } from "./escape.ts";

export interface OwnDataActions {
  /** Training pauses while the reader draws. */
  pause(): void;
  /** Shows `points` alone on the plot (while drawing). */
  showDrawing(points: Float32Array): void;
  /** The set changed and is usable: train on it (switching the dataset to it if need be), from scratch. */
  use(points: Float32Array): void;
  announce(message: string): void;
  /** Drawing was left without using the points (Escape): the plot shows the model again. */
  drawingLeft(): void;
}

let uid = 0;

export class DemoOwnData {
  readonly element: HTMLDetailsElement;
  private readonly tool: DrawTool;
  private readonly actions: OwnDataActions;
  private readonly drawButton: HTMLButtonElement;
  /** The plot's frame: it takes the focus when the draw button starts drawing. */
  private readonly plotFrame: HTMLElement;
  private readonly undoButton: HTMLButtonElement;
  private readonly countOut: HTMLSpanElement;
  private readonly note: HTMLParagraphElement;
  private readonly dialog: HTMLDialogElement;
  private readonly report: HTMLDivElement;
  private readonly csvText: HTMLTextAreaElement;
  /** The stored set when the demo started, or after the reader changed it. */
  private current: Float32Array | null;
  /** Where Escape is heard while drawing (the whole demo), and its listener. */
  private readonly host: HTMLElement;
  private readonly onKey = (event: KeyboardEvent) => this.escape(event);

  constructor(area: HTMLElement, extent: number, initial: Float32Array | null, actions: OwnDataActions) {
    this.actions = actions;
    this.current = initial;
    const id = `gen-demo-own-${++uid}`;
    // From the keyboard, the plot's frame is where one draws (see ./draw-tool.ts).
    const frame = area.closest<HTMLElement>(".gm-plot__frame") ?? area;
    this.tool = createDrawTool(area, extent, (points) => this.drawn(points), Math.random, {
      host: frame,
      label: tr(OWN_TEXT.drawingArea),
      moved: (x, y) => this.say(tr(OWN_TEXT.brushAt(x, y))),
      dropped: (x, y, added, count) => this.say(tr(OWN_TEXT.dropped(x, y, added, count))),
    });
    this.plotFrame = frame;
    if (initial) this.tool.setPoints(initial);

    this.element = Object.assign(document.createElement("details"), { className: "demo-own" });
    const summary = Object.assign(document.createElement("summary"), { textContent: tr(OWN_TEXT.section) });
    const intro = Object.assign(document.createElement("p"), {
      className: "demo-own-intro",
      textContent: tr(OWN_TEXT.intro),
    });
    this.drawButton = button(tr(OWN_TEXT.draw), () => this.toggleDrawing(true), "demo-own-draw");
    this.drawButton.setAttribute("aria-pressed", "false");
    const brushLabel = Object.assign(document.createElement("label"), {
      htmlFor: `${id}-brush`,
      textContent: tr(OWN_TEXT.brush),
    });
    const brush = Object.assign(document.createElement("input"), {
      type: "range",
      id: `${id}-brush`,
      min: String(BRUSH.min),
      max: String(BRUSH.max),
      step: String(BRUSH.step),
      value: String(BRUSH.default),
    });
    brush.addEventListener("input", () => this.tool.setRadius(Number(brush.value)));
    this.undoButton = button(tr(OWN_TEXT.undo), () => this.tool.undo(), "demo-own-undo");
    const clear = button(tr(OWN_TEXT.clear), () => this.clear(), "demo-own-clear");
    const openCsv = button(tr(OWN_TEXT.csvOpen), () => this.dialog.showModal(), "demo-own-csv");
    // Not an <output> (a live region): the count changes at every move of a stroke; `say` announces what matters.
    this.countOut = Object.assign(document.createElement("span"), { className: "demo-own-count" });
    this.note = Object.assign(document.createElement("p"), { className: "demo-own-note" });
    this.note.setAttribute("role", "status");
    const row = (...items: HTMLElement[]) => {
      const div = Object.assign(document.createElement("div"), { className: "demo-own-row" });
      div.append(...items);
      return div;
    };
    this.element.append(
      summary,
      intro,
      row(this.drawButton, this.countOut),
      row(brushLabel, brush),
      row(this.undoButton, clear, openCsv),
      this.note,
    );

    // The CSV dialog: paste or choose a file, then "use"; every bad line is listed by its number.
    this.dialog = Object.assign(document.createElement("dialog"), { className: "demo-own-dialog" });
    this.dialog.setAttribute("aria-labelledby", `${id}-title`);
    const title = Object.assign(document.createElement("h2"), {
      id: `${id}-title`,
      textContent: tr(OWN_TEXT.csvTitle),
    });
    const help = Object.assign(document.createElement("p"), { textContent: tr(OWN_TEXT.csvHelp) });
    const textLabel = Object.assign(document.createElement("label"), {
      htmlFor: `${id}-csv`,
      textContent: tr(OWN_TEXT.csvText),
    });
    this.csvText = Object.assign(document.createElement("textarea"), { id: `${id}-csv`, rows: 8, spellcheck: false });
    const fileLabel = Object.assign(document.createElement("label"), {
      htmlFor: `${id}-file`,
      textContent: tr(OWN_TEXT.csvFile),
    });
    const file = Object.assign(document.createElement("input"), {
      type: "file",
      id: `${id}-file`,
      accept: ".csv,.txt,text/csv,text/plain",
    });
    file.addEventListener("change", () => void this.readFile(file));
    this.report = Object.assign(document.createElement("div"), { className: "demo-own-report" });
    this.report.setAttribute("role", "status");
    const actionsRow = row(
      button(tr(OWN_TEXT.csvUse), () => this.useCsv(this.csvText.value), "demo-own-use"),
      button(tr(OWN_TEXT.csvCancel), () => this.dialog.close(), "demo-own-close"),
    );
    this.dialog.append(title, help, textLabel, this.csvText, fileLabel, file, actionsRow, this.report);
    this.element.append(this.dialog);
    // Closed by Escape or its button, the dialog gives the focus back to the button that opened it, unless the
    // reader has already moved it on: the close event comes a task later, and a busy page may run the next Tab first.
    this.dialog.addEventListener("close", () => {
      const now = document.activeElement;
      if (!now || now === document.body || this.dialog.contains(now)) openCsv.focus();
    });
    closeOnEscape(this.element);
    // Heard before the section's own Escape (capture), so Escape while drawing leaves drawing first.
    this.host = area.closest<HTMLElement>("gen-demo") ?? area;
    this.host.addEventListener("keydown", this.onKey, { capture: true });
    this.showCount();
  }

  /** Escape while drawing leaves drawing without using what was drawn (as choosing another data set does). */
  private escape(event: KeyboardEvent): void {
    if (event.key !== "Escape" || !this.tool.drawing || this.dialog.open) return;
    event.preventDefault();
    this.stopDrawing();
    this.actions.drawingLeft();
    this.drawButton.focus();
    this.say(tr(A11Y_TEXT.drawingLeft));
  }

  /** The usable set now (stored, drawn or pasted), or null. */
  get points(): Float32Array | null {
    return this.current;
  }

  get drawing(): boolean {
    return this.tool.drawing;
  }

  /** Opens the section and starts drawing (the reader chose "你的数据" with no data yet). */
  startDrawing(): void {
    this.element.open = true;
    if (!this.tool.drawing) this.toggleDrawing();
    this.say(tr(OWN_TEXT.noData));
  }

  /** Leaves drawing without using what was drawn (the reader chose another dataset); the stored set stays. */
  stopDrawing(): void {
    this.setDrawingMode(false);
    this.tool.setPoints(this.current ?? new Float32Array());
    this.showCount();
  }

  private setDrawingMode(on: boolean): void {
    this.tool.setDrawing(on);
    this.drawButton.textContent = on ? tr(OWN_TEXT.stopDrawing) : tr(OWN_TEXT.draw);
    this.drawButton.setAttribute("aria-pressed", String(on));
    this.showCount(this.tool.points.length / 2);
  }

  /** Takes a set another demo of the page stored. */
  reload(): void {
    const stored = loadOwnData();
    if (this.tool.drawing || !stored) return;
    this.current = stored;
    this.tool.setPoints(stored);
    this.showCount();
  }

  /** `focusPlot`: the draw button was pressed, so the plot takes the focus (the keys draw there at once). */
  private toggleDrawing(focusPlot = false): void {
    const on = !this.tool.drawing;
    if (on) {
      this.actions.pause();
      this.setDrawingMode(true);
      this.actions.showDrawing(this.tool.points);
      if (focusPlot) this.plotFrame.focus();
      this.say(tr(OWN_TEXT.drawingHint));
      return;
    }
    const points = this.tool.points;
    const count = points.length / 2;
    if (checkCount(count)) {
      this.say(tr(OWN_TEXT.tooFewToTrain(count, OWN_LIMITS.min)));
      return;
    }
    this.setDrawingMode(false);
    this.store(points);
    this.actions.use(points);
    this.say(tr(OWN_TEXT.usingOwn(count)));
  }

  private drawn(points: Float32Array): void {
    this.showCount(points.length / 2);
    if (this.tool.drawing) this.actions.showDrawing(points);
  }

  /** Removes every point (one undo step) and the stored set; the reader is left drawing, on an empty plot. */
  private clear(): void {
    if (!this.tool.drawing) this.toggleDrawing();
    this.tool.clear();
    this.current = null;
    clearOwnData();
    this.showCount();
    this.say(tr(OWN_TEXT.cleared));
  }

  private store(points: Float32Array): void {
    this.current = points;
    if (!saveOwnData(points)) this.say(tr(OWN_TEXT.storageFailed));
  }

  private async readFile(input: HTMLInputElement): Promise<void> {
    const chosen = input.files?.[0];
    if (!chosen) return;
    try {
      this.csvText.value = await chosen.text();
      this.useCsv(this.csvText.value);
    } catch {
      this.report.replaceChildren(tr(OWN_TEXT.emptyFile));
    }
  }

  /** Reads the CSV, lists what was wrong line by line and, when enough good points remain, trains on them. */
  private useCsv(text: string): void {
    const read = readOwnCsv(text);
    const count = read.points.length / 2;
    const lines: string[] = [];
    if (read.refused) lines.push(tr(OWN_TEXT.refused(read.refused)));
    else lines.push(tr(OWN_TEXT.accepted(count, read.problems.length)));
    const summary = Object.assign(document.createElement("p"), { textContent: lines.join(" ") });
    const list = document.createElement("ul");
    list.className = "demo-own-problems";
    for (const problem of read.problems) {
      const item = document.createElement("li");
      item.textContent = tr(problemText(problem));
      list.append(item);
    }
    const parts: HTMLElement[] = [summary];
    if (read.problems.length > 0) parts.push(list);
    if (read.rescale && !read.refused) {
      parts.push(Object.assign(document.createElement("p"), { textContent: tr(OWN_TEXT.scale(read.rescale)) }));
    }
    this.report.replaceChildren(...parts);
    if (read.refused) return;
    if (this.tool.drawing) this.setDrawingMode(false);
    this.tool.setPoints(read.points);
    this.store(read.points);
    this.showCount();
    this.actions.use(read.points);
    const scale = read.rescale ? ` ${tr(OWN_TEXT.scale(read.rescale))}` : "";
    this.say(`${tr(OWN_TEXT.usingOwn(count))}${scale}`);
  }

  private showCount(count = (this.current?.length ?? 0) / 2): void {
    this.countOut.textContent = tr(OWN_TEXT.count(count));
    this.undoButton.disabled = !(this.tool.drawing && this.tool.canUndo);
  }

  private say(message: string): void {
    this.note.textContent = message;
    this.actions.announce(message);
  }

  destroy(): void {
    this.host.removeEventListener("keydown", this.onKey, { capture: true });
    this.tool.destroy();
  }
}
