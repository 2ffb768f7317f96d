/**
 * The demo's view choice (radio buttons), the view's parameter slider (e.g. the diffusion step t) and its play
 * button for processes such as DDPM's reverse chain, which moves the slider by itself. DOM only: it reports what
 * the reader picks through callbacks.
 */
import type { ViewSpec } from "../models/types.ts";
import { button } from "./controls.ts";
import { Sweep } from "./sweep.ts";
import { DEMO_TEXT } from "../i18n/demo-text.ts";
import { tr } from "../i18n/page-lang.ts";

/** The play button sweeps the slider from its maximum down to 0 in this long. */
const SWEEP_MS = 4000;

export interface ViewPickerActions {
  chooseView(view: ViewSpec): void;
  /** The slider moved to `value` (by the reader, or by a sweep, which waits for the drawing). */
  moveParam(value: number): Promise<void>;
  /** A sweep starts (training pauses while it plays). */
  sweepStarted(): void;
}

export interface ViewPicker {
  readonly element: HTMLElement;
  /** Shows the slider for `view` (hidden when it has none) with `max` as its top; returns the value it shows. */
  configure(view: ViewSpec, max: number, value: number | undefined): number | undefined;
  stopSweep(): void;
}

export function createViewPicker(views: readonly ViewSpec[], idPrefix: string, actions: ViewPickerActions): ViewPicker {
  const element = document.createElement("div");
  element.className = "demo-views";
  const group = document.createElement("fieldset");
  const legend = document.createElement("legend");
  legend.textContent = tr(DEMO_TEXT.views);
  group.append(legend);
  views.forEach((view, index) => {
    const label = document.createElement("label");
    const radio = document.createElement("input");
    radio.type = "radio";
    radio.name = `${idPrefix}-view`;
    radio.value = view.id;
    radio.checked = index === 0;
    radio.addEventListener("change", () => actions.chooseView(view));
    label.append(radio, ` ${tr(view.label)}`);
    group.append(label);
  });
  const row = document.createElement("div");
  row.className = "demo-param";
  const label = document.createElement("label");
  const input = document.createElement("input");
  input.type = "range";
  input.id = `${idPrefix}-param`;
  label.htmlFor = input.id;
  // The slider says its own value to a screen reader; the number beside it is for the eye (not an <output>, a live
  // region that would speak every frame of a sweep).
  const output = document.createElement("span");
  output.className = "demo-param-value";
  output.setAttribute("aria-hidden", "true");
  const sweep = new Sweep();
  const show = (value: number) => {
    input.value = String(value);
    output.textContent = String(value);
  };
  input.addEventListener("input", () => {
    sweep.stop();
    output.textContent = input.value;
    void actions.moveParam(Number(input.value));
  });
  const play = button(
    tr(DEMO_TEXT.playSweep),
    () => {
      if (sweep.running) return sweep.stop();
      actions.sweepStarted();
      play.textContent = tr(DEMO_TEXT.stopSweep);
      const frame = (t: number) => {
        show(t);
        return actions.moveParam(t);
      };
      sweep.start(Number(input.max), SWEEP_MS, frame, () => (play.textContent = tr(DEMO_TEXT.playSweep)));
    },
    "demo-sweep",
  );
  row.append(label, input, output, play);
  element.append(group, row);

  return {
    element,
    configure(view, max, value) {
      const param = view.param;
      row.hidden = !param;
      play.hidden = !view.playable;
      if (!param) return undefined;
      label.textContent = tr(param.label);
      input.min = String(param.min);
      input.max = String(max);
      input.step = String(param.step);
      const shown = Math.min(max, value ?? param.default);
      show(shown);
      return shown;
    },
    stopSweep: () => sweep.stop(),
  };
}
