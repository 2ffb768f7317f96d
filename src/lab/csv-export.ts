/**
 * Writes what a run produced as CSV text: samples as `x,y` rows under a header (the format `parsePointsCsv` in
 * points-file.ts reads and `npm run score` scores), and the loss history as `step` plus one column per loss series.
 * No Node or DOM here: the CLI writes the text to a file, the demo offers it as a download.
 */

/** `x,y` and one row per point of interleaved `points`; non-finite values as `NaN`, `Infinity`, `-Infinity`. */
export function samplesCsv(points: ArrayLike<number>): string {
  const lines = ["x,y"];
  for (let i = 0; i + 1 < points.length; i += 2) lines.push(`${points[i]},${points[i + 1]}`);
  return `${lines.join("\n")}\n`;
}

/** A CSV field: quoted when it holds a comma, a quote or a line break (RFC 4180). */
function field(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * `step,<key>,<key>…` (the series' keys, in the given order) and one row per recorded step. A series with no value
 * at a step (shorter than the steps) leaves its cell empty.
 */
export function lossHistoryCsv(
  history: { steps: ArrayLike<number>; values: Record<string, ArrayLike<number>> },
  series: readonly { key: string }[],
): string {
  const lines = [["step", ...series.map((s) => s.key)].map(field).join(",")];
  for (let i = 0; i < history.steps.length; i++) {
    const cells = series.map((s) => {
      const values = history.values[s.key];
      return values && i < values.length ? String(values[i]) : "";
    });
    lines.push([String(history.steps[i]), ...cells].join(","));
  }
  return `${lines.join("\n")}\n`;
}
