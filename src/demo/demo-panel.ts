/**
 * A demo's DOM, and nothing else: the toolbar, the plot and its charts, the view picker, the settings, the status
 * and error lines, and the `data-demo-*` attributes tests read. It makes no worker call; what the reader does
 * reaches the controller through `PanelActions`.
 */
import "../render/render.css";
import "./demo.css";
import type { BackendName } from "../lab/backend-names.ts";
import type { FamilySpec, SettingSpec, SettingValues, ViewFrame } from "../models/types.ts";
import { createBarCharts } from "../render/bar-chart.ts";
import { createLossChart } from "../render/loss-chart.ts";
import { createPlot } from "../render/plot.ts";
import { button, createSettingControl, type SettingControl } from "./controls.ts";
import { drawFrame } from "./frame-drawing.ts";
import type { LoopState } from "./training-loop.ts";
import { BACKEND_SETTING } from "./backend-setting.ts";
import { createViewPicker, type ViewPicker, type ViewPickerActions } from "./view-picker.ts";
import { QUALITY_PENDING } from "./quality-text.ts";
import { createExportMenu, type ExportKind } from "./export-menu.ts";
import { DEMO_TEXT } from "../i18n/demo-text.ts";
import { tr } from "../i18n/page-lang.ts";
import { fill, type Text } from "../i18n/text.ts";
import { closeOnEscape } from "./escape.ts";
import { PacedText } from "./plot-description.ts";

/** Half-width of the square plot, in data units. */
export const EXTENT = 4.5;

export interface PanelActions extends ViewPickerActions {
  togglePlay(): void;
  singleStep(): void;
  reset(): void;
  changeSetting(name: string, value: number | string): void;
  changeBackend(name: BackendName): void;
  /** Measure the backends again (the note shows a race's outcome). */
  remeasureBackend(): void;
  copyLink(): void;
  copyEmbed(): void;
  exportFile(kind: ExportKind): void;
  loadWeights(file: File): void;
  /** Fetch and load the family's shipped snapshot ("加载训练好的模型"). */
  loadSnapshot(): void;
}

const T = DEMO_TEXT;

export class DemoPanel {
  readonly views: ViewPicker;
  private readonly element: HTMLElement;
  private readonly controls: SettingControl[];
  private readonly backendControl: SettingControl;
  private readonly play: HTMLButtonElement;
  // Spans, not <output>s: an <output> is a live region, and these change many times a second while training.
  private readonly stepOut = span("demo-step", tr(fill(T.stepCount, { step: 0 })));
  private readonly rateOut = span("demo-rate", "");
  private readonly backendBadge = Object.assign(document.createElement("span"), {
    className: "demo-backend",
    textContent: tr(fill(T.backendBadge, { label: T.backendLoading })),
  });
  private readonly caption = paragraph("demo-caption");
  /** What is known of the family on the picked dataset (FamilySpec.hardDatasets), hidden when nothing is. */
  private readonly datasetNote = paragraph("demo-dataset-note");
  private readonly quality = paragraph("demo-quality", tr(QUALITY_PENDING));
  private readonly backendNote = paragraph("demo-backend-note");
  private readonly backendNoteText = document.createElement("span");
  private readonly remeasure: HTMLButtonElement;
  private readonly status = paragraph("demo-status");
  private readonly error = paragraph("demo-error");
  private readonly plot;
  private readonly lossChart;
  private readonly barCharts;
  private readonly side: HTMLDivElement;
  /** The plot's text alternative, written at a modest pace (plot-description.ts). */
  private readonly plotText = new PacedText((text) => this.plot.setDescription(tr(text)));

  constructor(
    element: HTMLElement,
    family: FamilySpec,
    specs: readonly SettingSpec[],
    values: SettingValues,
    idPrefix: string,
    actions: PanelActions,
  ) {
    this.element = element;
    const play = button(tr(T.play), () => actions.togglePlay(), "demo-play");
    play.setAttribute("aria-pressed", "false");
    this.play = play;
    const stats = paragraph("demo-stats");
    stats.append(this.stepOut, this.rateOut, this.backendBadge);
    const toolbar = div("demo-toolbar");
    toolbar.append(
      play,
      button(tr(T.step), () => actions.singleStep()),
      button(tr(T.reset), () => actions.reset()),
      stats,
    );

    this.views = createViewPicker(family.views, idPrefix, actions);
    const plotBox = div("demo-plot");
    const chartBox = div("demo-chart");
    const settings = document.createElement("details");
    settings.className = "demo-settings";
    const summary = document.createElement("summary");
    summary.textContent = tr(T.settings);
    closeOnEscape(settings);
    this.controls = specs.map((spec) =>
      createSettingControl(
        spec,
        values[spec.name]!,
        (value) => actions.changeSetting(spec.name, value),
        (message) => this.announce(fill(T.refusedInput, { message })),
      ),
    );
    this.backendControl = createSettingControl(
      BACKEND_SETTING,
      "webgl",
      (value) => actions.changeBackend(value as BackendName),
      (message) => this.announce(message),
    );
    const share = div("demo-share");
    share.append(
      button(tr(T.copyLink), () => actions.copyLink(), "demo-link"),
      button(tr(T.copyEmbed), () => actions.copyEmbed(), "demo-embed"),
    );
    settings.append(summary, ...this.controls.map((c) => c.element), this.backendControl.element, share);
    const side = div("demo-side");
    this.side = side;
    side.append(
      this.views.element,
      chartBox,
      this.quality,
      settings,
      createExportMenu(
        (kind) => actions.exportFile(kind),
        (file) => actions.loadWeights(file),
        () => actions.loadSnapshot(),
      ),
    );
    const body = div("demo-body");
    body.append(plotBox, side);

    this.remeasure = button(tr(T.remeasure), () => actions.remeasureBackend(), "demo-remeasure");
    this.remeasure.hidden = true;
    this.backendNote.append(this.backendNoteText, " ", this.remeasure);
    this.backendNote.hidden = true;
    this.status.setAttribute("role", "status");
    this.error.setAttribute("role", "alert");
    this.error.hidden = true;
    const root = div("demo");
    this.datasetNote.hidden = true;
    root.append(toolbar, body, this.caption, this.datasetNote, this.backendNote, this.error, this.status);
    element.querySelector(".demo-placeholder")?.remove();
    element.append(root);

    this.plot = createPlot(plotBox, { extent: EXTENT, label: tr(fill(T.plotLabel, { title: family.title })) });
    this.barCharts = createBarCharts(plotBox);
    this.lossChart = createLossChart(chartBox, {
      series: family.lossSeries.map((s) => ({ key: s.key, label: tr(s.label) })),
      label: tr(fill(T.lossLabel, { title: family.title })),
    });
  }

  /** The plot's element (its CSS custom properties hold the colours shown). */
  get plotElement(): HTMLElement {
    return this.plot.element;
  }

  /** The plot's data area (where the reader draws points). */
  get plotArea(): HTMLElement {
    return this.plot.element.querySelector<HTMLElement>(".gm-plot__area")!;
  }

  /** Adds a section after the settings (e.g. the reader's own data). */
  addSection(section: HTMLElement): void {
    this.side.querySelector(".demo-settings")!.after(section);
  }

  /** Shows only `points`, the reader's drawing, on the plot. */
  showDrawing(points: Float32Array, label: string): void {
    this.plot.setField(null, 1, "sequential");
    this.plot.setPoints(points, null);
    this.plot.setColouredPoints(null, null);
    this.plot.setArrows(null, null);
    this.plot.setPaths(null);
    this.plot.setLegend([{ label, kind: "data" }]);
    this.plot.render();
    this.barCharts.update([]);
  }

  /** Sets the plot's description (what it shows now, after its name), at most every 2 s. */
  describePlot(text: Text): void {
    this.plotText.set(text);
  }

  /** Draws a view of the model over `data` (the real points shown behind the samples). */
  draw(frame: ViewFrame, data: Float32Array): void {
    drawFrame(this.plot, this.barCharts, frame, data);
    this.caption.textContent = frame.caption ? tr(frame.caption) : "";
    this.element.dataset.demoDrawn = String(Number(this.element.dataset.demoDrawn ?? 0) + 1);
  }

  showStep(step: number, stepsPerSecond: number | null): void {
    this.stepOut.textContent = tr(fill(T.stepCount, { step }));
    this.element.dataset.demoStep = String(step);
    if (stepsPerSecond !== null)
      this.rateOut.textContent = tr(fill(T.stepsPerSecond, { rate: stepsPerSecond.toFixed(0) }));
  }

  showLosses(losses: Record<string, number> | null): void {
    if (losses) this.element.dataset.demoLoss = JSON.stringify(losses);
    else delete this.element.dataset.demoLoss;
  }

  updateLossChart(steps: number[], values: Record<string, number[]>): void {
    this.lossChart.update(steps, values);
  }

  /** The quality line, and the score and step as attributes (null: no score yet). */
  showQuality(text: Text, score: { normalised: number; step: number } | null): void {
    this.quality.textContent = tr(text);
    if (!score) return;
    this.element.dataset.demoQuality = score.normalised.toFixed(3);
    this.element.dataset.demoQualityStep = String(score.step);
  }

  /** The backend badge and note; `measured`: the note is a race's outcome, which the reader may measure again. */
  showBackend({ label, note, measured }: { label: string; note: string; measured: boolean }, chosen?: BackendName) {
    this.backendBadge.textContent = tr(fill(T.backendBadge, { label }));
    this.element.dataset.demoBackend = label;
    this.backendNote.hidden = note === "";
    this.backendNoteText.textContent = note;
    this.remeasure.hidden = !measured;
    if (chosen) this.backendControl.setValue(chosen);
  }

  /** Shows what is known of the family on the dataset just picked, or hides the note (null). */
  showDatasetNote(text: Text | null): void {
    this.datasetNote.textContent = text ? tr(text) : "";
    this.datasetNote.hidden = text === null;
  }

  showLoopState(state: LoopState): void {
    const playing = state !== "paused";
    this.play.textContent = tr(playing ? T.pause : T.play);
    this.play.setAttribute("aria-pressed", String(playing));
    this.element.dataset.demoLoop = state;
    this.announce(T.loop[state]);
  }

  setState(state: "starting" | "ready" | "error"): void {
    this.element.dataset.demoState = state;
  }

  /** Shows `values` in the setting controls whose value differs; returns those controls' specs. */
  showValues(values: SettingValues, except: string): SettingSpec[] {
    const changed = this.controls.filter((c) => c.spec.name !== except && c.value !== values[c.spec.name]);
    for (const control of changed) control.setValue(values[control.spec.name]!);
    return changed.map((c) => c.spec);
  }

  /** Says `message` in the status line (a live region), in the page's language. */
  announce(message: Text | string): void {
    this.status.textContent = tr(message);
  }

  /** Adds `message` to the error lines, in the page's language. */
  showError(text: Text | string): void {
    const message = tr(text);
    this.error.hidden = false;
    this.error.textContent = this.error.textContent ? `${this.error.textContent}\n${message}` : message;
  }

  clearError(): void {
    this.error.hidden = true;
    this.error.textContent = "";
  }

  /** Turns every control off (the demo cannot work), so nothing invites a click that cannot work. */
  disable(): void {
    this.setState("error");
    for (const control of this.element.querySelectorAll<HTMLButtonElement | HTMLInputElement | HTMLSelectElement>(
      ".demo button, .demo input, .demo select",
    )) {
      control.disabled = true;
    }
    if (this.backendBadge.textContent === tr(fill(T.backendBadge, { label: T.backendLoading })))
      this.backendBadge.textContent = tr(fill(T.backendBadge, { label: T.backendNone }));
  }

  destroy(): void {
    this.plotText.cancel();
    this.plot.destroy();
    this.lossChart.destroy();
    this.barCharts.destroy();
  }
}

function div(className: string): HTMLDivElement {
  return Object.assign(document.createElement("div"), { className });
}

function paragraph(className: string, text = ""): HTMLParagraphElement {
  return Object.assign(document.createElement("p"), { className, textContent: text });
}

function span(className: string, text: string): HTMLSpanElement {
  return Object.assign(document.createElement("span"), { className, textContent: text });
}
