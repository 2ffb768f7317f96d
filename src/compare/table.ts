/**
 * The comparison's table as data: one row per family from its run, sorting by any column (missing values last,
 * whichever the direction), the text of each cell, and the CSV export. No DOM.
 */
import { FAMILY_IDS, FAMILY_TITLES, type FamilyId } from "../models/ids.ts";
import type { LikelihoodEstimate } from "../models/types.ts";
import { stepsPerSecond, TARGET_SCORE, type FamilyRun, type RunState } from "./race.ts";
import { COMPARE_TEXT } from "../i18n/compare-text.ts";
import { tr } from "../i18n/page-lang.ts";
import { fill, type Text } from "../i18n/text.ts";

const C = COMPARE_TEXT;

export interface TableRow {
  id: FamilyId;
  title: Text;
  state: RunState;
  score: number | null;
  likelihood: LikelihoodEstimate | null;
  steps: number;
  trainedSeconds: number;
  stepsPerSecond: number | null;
  secondsToTarget: number | null;
  evaluations: number;
  evaluationsHow: Text;
  sampleMs: number | null;
}

/** The columns one can sort by. */
export const SORT_KEYS = [
  "family",
  "score",
  "likelihood",
  "stepsPerSecond",
  "secondsToTarget",
  "evaluations",
  "sampleMs",
] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = "ascending" | "descending";

/** The direction a column sorts in when first clicked: lower is better for every number but the speed. */
export const FIRST_DIRECTION: Record<SortKey, SortDirection> = {
  family: "ascending",
  score: "ascending",
  likelihood: "ascending",
  stepsPerSecond: "descending",
  secondsToTarget: "ascending",
  evaluations: "ascending",
  sampleMs: "ascending",
};

export function rowOf(run: FamilyRun): TableRow {
  return {
    id: run.id,
    title: FAMILY_TITLES[run.id],
    state: run.state,
    score: run.score,
    likelihood: run.likelihood,
    steps: run.steps,
    trainedSeconds: run.trainedMs / 1000,
    stepsPerSecond: stepsPerSecond(run),
    secondsToTarget: run.secondsToTarget,
    evaluations: run.evaluations.count,
    evaluationsHow: run.evaluations.how,
    sampleMs: run.sampleMs,
  };
}

/** The value a row sorts by: a number, or null when it has none (e.g. no likelihood). `family` is its list order. */
function sortValue(row: TableRow, key: SortKey): number | null {
  switch (key) {
    case "family":
      return FAMILY_IDS.indexOf(row.id);
    case "likelihood":
      return row.likelihood?.meanNll ?? null;
    default: {
      const value = row[key];
      return typeof value === "number" && Number.isFinite(value) ? value : null;
    }
  }
}

/** The rows sorted by `key`; rows without a value come last either way, ties keep the families' order. */
export function sortRows(rows: readonly TableRow[], key: SortKey, direction: SortDirection): TableRow[] {
  const sign = direction === "ascending" ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = sortValue(a, key);
    const y = sortValue(b, key);
    if (x === null || y === null) {
      if (x !== y) return x === null ? 1 : -1;
    } else if (x !== y) return sign * (x - y);
    return FAMILY_IDS.indexOf(a.id) - FAMILY_IDS.indexOf(b.id);
  });
}

const DASH = "—";
const fixed = (value: number | null, digits: number) =>
  value === null || !Number.isFinite(value) ? DASH : value.toFixed(digits);

/** The likelihood cell: "1.23（精确 NLL）", "≤ 2.34（ELBO 上界）" or "—". */
export function likelihoodText(likelihood: LikelihoodEstimate | null): string {
  if (!likelihood || !Number.isFinite(likelihood.meanNll)) return DASH;
  return likelihood.kind === "exact"
    ? tr(fill(C.exactNll, { value: likelihood.meanNll.toFixed(3) }))
    : tr(fill(C.elbo, { value: likelihood.meanNll.toFixed(3) }));
}

/** Each cell's text, by column. */
export function cellTexts(row: TableRow): Record<SortKey, string> {
  return {
    family: tr(row.title),
    score: fixed(row.score, 3),
    likelihood: likelihoodText(row.likelihood),
    stepsPerSecond: fixed(row.stepsPerSecond, 0),
    secondsToTarget:
      row.secondsToTarget !== null ? row.secondsToTarget.toFixed(1) : row.state === "done" ? tr(C.notReached) : DASH,
    evaluations: tr(fill(C.evaluationsCell, { count: row.evaluations, how: row.evaluationsHow })),
    sampleMs: fixed(row.sampleMs, 1),
  };
}

/** The CSV's columns: plain names and plain numbers, an empty field where a row has no value. */
export const CSV_COLUMNS = [
  "family",
  "title",
  "state",
  "score",
  "likelihood_kind",
  "nll_nats_per_point",
  "steps",
  "trained_seconds",
  "steps_per_second",
  `seconds_to_score_${TARGET_SCORE}`,
  "network_evaluations_per_sample",
  "ms_per_1000_samples",
] as const;

/** A CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180). */
export function csvField(value: string | number | null): string {
  if (value === null || (typeof value === "number" && !Number.isFinite(value))) return "";
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The table as CSV (header, then one line per row, CRLF line ends), numbers unrounded but for float noise. */
export function toCsv(rows: readonly TableRow[]): string {
  const round = (value: number | null, digits = 6) => (value === null ? null : Number(value.toPrecision(digits)));
  const lines = [CSV_COLUMNS.join(",")];
  for (const row of rows) {
    lines.push(
      [
        row.id,
        tr(row.title),
        row.state,
        round(row.score),
        row.likelihood?.kind ?? null,
        round(row.likelihood?.meanNll ?? null),
        row.steps,
        round(row.trainedSeconds),
        round(row.stepsPerSecond),
        round(row.secondsToTarget),
        row.evaluations,
        round(row.sampleMs),
      ]
        .map(csvField)
        .join(","),
    );
  }
  return lines.join("\r\n") + "\r\n";
}
