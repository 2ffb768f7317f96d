/**
 * The colours an exported figure takes: those the plot shows now, read from the page's CSS custom properties (the
 * light or the dark scheme, whichever the reader sees), each falling back to the light theme's.
 */
import { EXPORT_THEMES, type ExportTheme } from "../render/render-export.ts";

export function readExportTheme(plot: HTMLElement): ExportTheme {
  const style = getComputedStyle(plot);
  const page = getComputedStyle(plot.ownerDocument.body);
  const fallback = EXPORT_THEMES.light;
  const css = (name: string, value: string) => style.getPropertyValue(name).trim() || value;
  const opacity = Number(css("--gm-field-opacity", String(fallback.fieldOpacity)));
  return {
    background: page.backgroundColor || fallback.background,
    text: css("--gm-text", fallback.text),
    axis: css("--gm-axis", fallback.axis),
    rule: css("--gm-rule", fallback.rule),
    halo: css("--gm-halo", fallback.halo),
    data: css("--gm-data", fallback.data),
    samples: css("--gm-samples", fallback.samples),
    arrows: css("--gm-arrows", fallback.arrows),
    paths: css("--gm-paths", fallback.paths),
    fieldStops: [
      css("--gm-field-low", fallback.fieldStops[0]),
      css("--gm-field-mid", fallback.fieldStops[1]),
      css("--gm-field-high", fallback.fieldStops[2]),
    ],
    fieldOpacity: Number.isFinite(opacity) ? opacity : fallback.fieldOpacity,
  };
}
