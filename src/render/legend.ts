/**
 * The plot's legend, in HTML (not in a canvas) so its text is sharp, wraps on a phone and is read by
 * screen readers. Each entry is a small swatch drawn like the mark it names, then its label.
 */
import type { FieldKind } from "./field-image.ts";
import { divergingColor, rgbaToCss, sequentialColor } from "./palette.ts";

/** What a legend entry names: one of the plot's layers. */
export type LegendKind = "data" | "samples" | "coloured" | "field" | "arrows" | "paths" | "lines";

export interface LegendItem {
  label: string;
  kind: LegendKind;
}

/** Swatch shapes drawn with the same colours (CSS custom properties) and shapes as the marks. */
const SWATCH_SVG: Record<Exclude<LegendKind, "field">, string> = {
  data: '<circle cx="8" cy="6" r="3.5" fill="var(--gm-data)" stroke="var(--gm-halo)" stroke-width="1"/>',
  samples:
    '<path d="M4.5 2.5l7 7M4.5 9.5l7-7" stroke="var(--gm-samples)" stroke-width="2" stroke-linecap="round" fill="none"/>',
  arrows:
    '<path d="M1.5 6h12M10 3l3.5 3-3.5 3" stroke="var(--gm-arrows)" stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round" fill="none"/>',
  paths:
    '<path d="M1.5 10c3-7 6 0 10-5" stroke="var(--gm-paths)" stroke-width="1.5" fill="none"/><circle cx="12" cy="4.5" r="2" fill="var(--gm-paths)"/>',
  lines: '<path d="M1.5 10c3-7 6 0 13-5" stroke="var(--gm-paths)" stroke-width="1.5" fill="none"/>',
  coloured:
    '<circle cx="3.5" cy="6" r="2.5" fill="#6e40aa"/><circle cx="8" cy="6" r="2.5" fill="#ee4395"/><circle cx="12.5" cy="6" r="2.5" fill="#1ddfa3"/>',
};

/** Replaces the entries of `list` with `items`. */
export function renderLegend(list: HTMLElement, items: readonly LegendItem[]): void {
  const doc = list.ownerDocument;
  list.replaceChildren(
    ...items.map((item) => {
      const entry = doc.createElement("li");
      entry.className = "gm-legend__item";
      entry.dataset["kind"] = item.kind;
      if (item.kind === "field") {
        const ramp = doc.createElement("span");
        ramp.className = "gm-legend__ramp";
        ramp.setAttribute("aria-hidden", "true");
        entry.append(ramp);
      } else {
        const swatch = doc.createElementNS("http://www.w3.org/2000/svg", "svg");
        swatch.setAttribute("class", "gm-legend__swatch");
        swatch.setAttribute("viewBox", "0 0 16 12");
        swatch.setAttribute("aria-hidden", "true");
        swatch.innerHTML = SWATCH_SVG[item.kind];
        entry.append(swatch);
      }
      const label = doc.createElement("span");
      label.textContent = item.label;
      entry.append(label);
      if (item.kind === "field") {
        const range = doc.createElement("span");
        range.className = "gm-legend__range";
        entry.append(range);
      }
      return entry;
    }),
  );
}

/**
 * The ends of a field's domain for the legend, rounded to a tenth of the order of magnitude of the larger
 * end (so 4.2e−16 … 1 reads "0 … 1"), with a true minus sign.
 */
export function formatLegendRange(domain: readonly [number, number]): string {
  const largest = Math.max(Math.abs(domain[0]), Math.abs(domain[1]));
  const step = Number.isFinite(largest) && largest > 0 ? 10 ** (Math.floor(Math.log10(largest)) - 1) : 1;
  const formatEnd = (value: number): string => {
    if (!Number.isFinite(value)) return String(value).replace("-", "−");
    const rounded = Number((Math.round(value / step) * step).toPrecision(12));
    return (Object.is(rounded, -0) ? 0 : rounded).toString().replace("-", "−");
  };
  return `${formatEnd(domain[0])} … ${formatEnd(domain[1])}`;
}

/** A CSS linear-gradient showing a colour map from left (low) to right (high). */
export function rampGradient(kind: FieldKind, stops: readonly [string, string, string]): string {
  const colors: string[] = [];
  for (let i = 0; i <= 8; i++) {
    const t = i / 8;
    colors.push(rgbaToCss(kind === "diverging" ? divergingColor(t, stops) : sequentialColor(t)));
  }
  return `linear-gradient(to right, ${colors.join(", ")})`;
}

/** Shows the current colour map and domain ("low … high") in the field entries of `list`. */
export function updateLegendField(
  list: HTMLElement,
  kind: FieldKind,
  domain: readonly [number, number],
  stops: readonly [string, string, string],
): void {
  const gradient = rampGradient(kind, stops);
  for (const ramp of list.querySelectorAll<HTMLElement>(".gm-legend__ramp")) ramp.style.background = gradient;
  const text = formatLegendRange(domain);
  for (const range of list.querySelectorAll<HTMLElement>(".gm-legend__range")) range.textContent = text;
}
