/** Small Markdown helpers of the benchmark report. */
/** A number with `digits` decimals, or "–" when missing. */
export const fmt = (v: number | null | undefined, digits = 1) =>
  v === null || v === undefined || !Number.isFinite(v) ? "–" : v.toFixed(digits);
/** Bytes as KB with one decimal. */
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
/** ✅ met, ❌ missed, – not measured. */
export const mark = (ok: boolean | null) => (ok === null ? "–" : ok ? "✅" : "❌");

/** A Markdown table. */
export function table(header: string[], rows: string[][]): string {
  return [
    `| ${header.join(" | ")} |`,
    `| ${header.map(() => "---").join(" | ")} |`,
    ...rows.map((r) => `| ${r.join(" | ")} |`),
  ].join("\n");
}
