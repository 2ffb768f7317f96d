/**
 * Uploaded points files, fuzzed (fast-check; issue 15): any text, CSV or JSON, hostile cells, files cut short. The
 * parser never throws; every line it does not keep is reported with a message; what it keeps, when told to refuse
 * non-finite values, is finite as float32 (what reaches a model or a score); and a file the train command writes,
 * or a prefix of it that stops mid-value, reads back exactly or is refused.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { samplesCsv } from "../../src/lab/csv-export.ts";
import {
  formatProblem,
  parsePoints,
  parsePointsCsv,
  parsePointsJson,
  type ParsedPoints,
  type PointsFormat,
  type PointsOptions,
} from "../../src/lab/points-file.ts";
import { cutShort, fuzz, hostileCsv, hostileJson, hostileText } from "../support/hostile-input.ts";

const anyFile = fc.oneof(hostileCsv, hostileJson, hostileText);
const format = fc.constantFrom<PointsFormat | undefined>("csv", "json", undefined);
const options = fc.constantFrom<PointsOptions>({}, { nonFinite: "accept" }, { nonFinite: "refuse" });

/** Every problem has a place and a message that reads as one line. */
function expectWellFormed({ points, problems }: ParsedPoints): void {
  expect(points).toBeInstanceOf(Float32Array);
  expect(points.length % 2).toBe(0);
  for (const problem of problems) {
    expect(problem.message.length).toBeGreaterThan(0);
    expect(formatProblem(problem).length).toBeGreaterThan(0);
  }
}

/** Finite points a model could write, as float32 (what the train command and the demo's export hold). */
const goodPoints = fc
  .array(fc.float({ noNaN: true, noDefaultInfinity: true }), { maxLength: 40 })
  .map((values) => Float32Array.from(values.length % 2 ? values.slice(1) : values));

describe("parsePoints, fuzzed", () => {
  it("never throws, and reports every problem with a message", () => {
    fc.assert(
      fc.property(anyFile, format, options, (text, as, how) => {
        expectWellFormed(parsePoints(text, as, how));
      }),
      fuzz(1500),
    );
  });

  it("keeps only finite float32 values when told to refuse non-finite ones", () => {
    fc.assert(
      fc.property(anyFile, format, (text, as) => {
        const { points } = parsePoints(text, as, { nonFinite: "refuse" });
        expect(points.every(Number.isFinite), `${[...points]}`).toBe(true);
      }),
      fuzz(1500),
    );
  });

  it("keeps or reports each non-blank CSV line: the points plus the problems cover every line but a header", () => {
    fc.assert(
      fc.property(hostileCsv, options, (text, how) => {
        const { points, problems } = parsePointsCsv(text, how);
        const lines = text.replace(/^\uFEFF/, "").split(/\r?\n|\r/);
        const nonBlank = lines.filter((l) => l.trim() !== "").length;
        const kept = points.length / 2 + problems.length;
        expect(kept === nonBlank || kept === nonBlank - 1, `${kept} of ${nonBlank} lines`).toBe(true);
        for (const problem of problems) {
          expect("line" in problem.place).toBe(true);
          const { line } = problem.place as { line: number };
          expect(lines[line - 1]!.trim()).not.toBe("");
        }
      }),
      fuzz(1000),
    );
  });

  it("reads back exactly what the train command writes, as CSV and as JSON", () => {
    fc.assert(
      fc.property(goodPoints, (points) => {
        const pairs = Array.from({ length: points.length / 2 }, (_, i) => [points[2 * i], points[2 * i + 1]]);
        for (const [text, as] of [
          [samplesCsv(points), "csv"],
          [JSON.stringify(pairs), "json"],
        ] as const) {
          const read = parsePoints(text, as, { nonFinite: "refuse" });
          expect(read.problems).toEqual([]);
          expect(read.points).toEqual(points.map((v) => v + 0)); // −0 is written as 0
        }
      }),
      fuzz(300),
    );
  });

  it("reads a CSV file cut short as its whole lines, and refuses or reads the cut line alone", () => {
    const arb = goodPoints
      .filter((p) => p.length > 0)
      .chain((points) => fc.tuple(fc.constant(points), cutShort(samplesCsv(points))));
    fc.assert(
      fc.property(arb, ([points, text]) => {
        const read = parsePointsCsv(text, { nonFinite: "refuse" });
        const whole = text.split("\n").length - 2; // rows before the cut line (the first line is the header)
        expect(read.problems.length).toBeLessThanOrEqual(1);
        expect(read.points.slice(0, 2 * Math.max(0, whole))).toEqual(
          points.slice(0, 2 * Math.max(0, whole)).map((v) => v + 0),
        );
        expect(read.points.length / 2 + read.problems.length).toBeLessThanOrEqual(Math.max(0, whole) + 1);
      }),
      fuzz(300),
    );
  });

  it("refuses a JSON file cut short, as a whole, keeping no point", () => {
    const arb = goodPoints
      .filter((p) => p.length > 0)
      .map((p) => JSON.stringify(Array.from({ length: p.length / 2 }, (_, i) => ({ x: p[2 * i], y: p[2 * i + 1] }))))
      .chain(cutShort);
    fc.assert(
      fc.property(arb, (text) => {
        const read = parsePointsJson(text);
        expect(read.points.length).toBe(0);
        expect(read.problems).toHaveLength(1);
        expect(read.problems[0]!.place).toEqual({ file: true });
      }),
      fuzz(300),
    );
  });
});
