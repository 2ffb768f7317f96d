/**
 * Form controls built from setting specs: real, labelled, keyboard-operable elements.
 * A bad value is refused with a message beside the control and never reaches the model.
 */
import type { SettingSpec } from "../models/types.ts";
import { parseSetting } from "../settings/resolve.ts";
import { DEMO_TEXT } from "../i18n/demo-text.ts";
import { tr } from "../i18n/page-lang.ts";
import { fill, type Text } from "../i18n/text.ts";

export interface SettingControl {
  readonly spec: SettingSpec;
  readonly element: HTMLElement;
  /** The value last accepted (entered, or set by `setValue`). */
  readonly value: number | string;
  setValue(value: number | string): void;
}

let uid = 0;

function formatValue(spec: SettingSpec, value: number | string): string {
  if (spec.type === "number" && spec.log && typeof value === "number") return value.toExponential();
  return String(value);
}

/**
 * A labelled control for one setting. `onValid` receives checked values; `onInvalid` the message shown.
 */
export function createSettingControl(
  spec: SettingSpec,
  value: number | string,
  onValid: (value: number | string) => void,
  onInvalid: (message: Text) => void,
): SettingControl {
  const id = `gen-demo-setting-${++uid}`;
  const wrapper = document.createElement("div");
  wrapper.className = "demo-setting";
  const label = document.createElement("label");
  label.htmlFor = id;
  label.textContent = tr(spec.label);
  const message = document.createElement("p");
  message.className = "demo-setting-error";
  message.id = `${id}-error`;
  message.hidden = true;
  let input: HTMLInputElement | HTMLSelectElement;
  if (spec.type === "choice") {
    const select = document.createElement("select");
    for (const choice of spec.choices) select.add(new Option(tr(choice.label), choice.value));
    input = select;
  } else {
    const field = document.createElement("input");
    field.type = "text";
    field.inputMode = spec.type === "integer" ? "numeric" : "decimal";
    field.autocomplete = "off";
    field.spellcheck = false;
    input = field;
  }
  input.id = id;
  input.name = spec.name;
  input.value = formatValue(spec, value);
  let accepted = input.value;
  let current = value;
  const commit = () => {
    const parsed = parseSetting(spec, input.value);
    if (parsed.ok) {
      message.hidden = true;
      input.removeAttribute("aria-invalid");
      input.removeAttribute("aria-describedby");
      accepted = input.value;
      current = parsed.value;
      onValid(parsed.value);
    } else {
      message.hidden = false;
      message.textContent = tr(fill(DEMO_TEXT.stillUsing, { message: parsed.message, value: accepted }));
      input.setAttribute("aria-invalid", "true");
      input.setAttribute("aria-describedby", message.id);
      onInvalid(parsed.message);
    }
  };
  input.addEventListener("change", commit);
  if (spec.help) input.title = tr(spec.help);
  wrapper.append(label, input, message);
  return {
    spec,
    element: wrapper,
    get value() {
      return current;
    },
    setValue(next) {
      current = next;
      input.value = formatValue(spec, next);
      accepted = input.value;
      message.hidden = true;
      input.removeAttribute("aria-invalid");
    },
  };
}

/** A button with a visible label. */
export function button(label: string, onClick: () => void, className = ""): HTMLButtonElement {
  const b = document.createElement("button");
  b.type = "button";
  b.textContent = label;
  if (className) b.className = className;
  b.addEventListener("click", onClick);
  return b;
}
