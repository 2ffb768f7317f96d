/**
 * Reads 2D points from the text of a CSV or JSON file, the formats `npm run train --out` writes: CSV rows `x,y`
 * with an optional header line, or a JSON array of `[x, y]` pairs or `{x, y}` objects. No Node or DOM here, so the
 * same parser serves the `score` command and the browser. Bad lines are reported with where they are and kept out of
 * the points; the good ones are kept, and the caller decides whether a file with problems is usable.
 *
 * Non-finite values are samples, not errors: a model that diverged writes them (`NaN`, `Infinity`, `-Infinity` in
 * CSV; `null` in JSON, which is what `JSON.stringify` makes of them), and the quality score counts them as misses.
 * Also read as non-finite: `nan`, `inf`, `-inf` (NumPy's spelling), in any case. Pass `{ nonFinite: "refuse" }` to
 * report them as problems instead, and numbers beyond float32's range (which the points would hold as ±Infinity).
 */

/** Where a problem is: a CSV line (1-based), a JSON array entry (0-based index), or the whole file. */
export type ProblemPlace = { line: number } | { entry: number } | { file: true };

export interface PointsProblem {
  place: ProblemPlace;
  /** What is wrong, in a sentence without a final full stop, e.g. `"abc" is not a number`. */
  message: string;
  /** The same as data, for CSV lines, so a page can say it in its own words (and language). */
  reason?: LineReason;
}

/** What is wrong with one value of a CSV line. */
export interface ValueIssue {
  what: "x" | "y";
  issue: "empty" | "not-a-number" | "not-finite";
  /** The text of the value (cut to a readable length). */
  text: string;
}

/** What is wrong with a CSV line: its number of columns (the header's or a row's), or some of its values. */
export type LineReason =
  { kind: "header-columns"; got: number } | { kind: "columns"; got: number } | { kind: "values"; issues: ValueIssue[] };

export interface ParsedPoints {
  /** The good points, interleaved `[x0, y0, x1, y1, …]`. Values beyond float32's range read as ±Infinity. */
  points: Float32Array;
  problems: PointsProblem[];
}

export type PointsFormat = "csv" | "json";

export interface PointsOptions {
  /** Accept NaN and ±Infinity as sample values (the default), or report them and values beyond float32 as problems. */
  nonFinite?: "accept" | "refuse";
}

/** A problem as one line of text: `line 4: "abc" is not a number`, `entry [3]: …`, or the message alone for the file. */
export function formatProblem(problem: PointsProblem): string {
  const { place } = problem;
  if ("line" in place) return `line ${place.line}: ${problem.message}`;
  if ("entry" in place) return `entry [${place.entry}]: ${problem.message}`;
  return problem.message;
}

/** Which format a file is in: by its name's extension (`.json`, `.csv`), else by whether its text starts with `[`. */
export function pointsFormat(text: string, fileName = ""): PointsFormat {
  if (/\.json$/i.test(fileName)) return "json";
  if (/\.csv$/i.test(fileName)) return "csv";
  return /^\uFEFF?\s*\[/.test(text) ? "json" : "csv";
}

/** Parses the text of a points file in the given format (by default, guessed from the text by `pointsFormat`). */
export function parsePoints(text: string, format?: PointsFormat, options: PointsOptions = {}): ParsedPoints {
  return (format ?? pointsFormat(text)) === "json" ? parsePointsJson(text, options) : parsePointsCsv(text, options);
}

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;
const NOT_A_NUMBER = /^[+-]?nan$/i;
const INFINITE = /^([+-]?)(?:inf|infinity)$/i;
/** A column name in a header line: a word such as `x`, `y`, `x_1` or `sample x`. */
const HEADER_NAME = /^[a-z_][\w .-]*$/i;

type Value = { value: number } | { problem: string; issue?: ValueIssue };

/**
 * One value written as text. Only plain decimals (`-1.5`, `.5`, `2e-3`) and the non-finite words are numbers: `Number`
 * alone would read `""` as 0 and `0x10` as 16.
 */
function textValue(token: string, what: string, options: PointsOptions): Value {
  const text = token.trim();
  const axis = what === "y" ? "y" : "x";
  if (text === "") return { problem: `the ${what} value is empty`, issue: { what: axis, issue: "empty", text } };
  if (DECIMAL.test(text)) return numberValue(Number(text), text, what, options);
  const infinite = INFINITE.exec(text);
  const value = NOT_A_NUMBER.test(text) ? Number.NaN : infinite ? (infinite[1] === "-" ? -1 : 1) * Infinity : null;
  if (value === null) {
    const short = shorten(text);
    return {
      problem: `the ${what} value "${short}" is not a number`,
      issue: { what: axis, issue: "not-a-number", text: short },
    };
  }
  if (options.nonFinite === "refuse") {
    return { problem: `the ${what} value "${text}" is not finite`, issue: { what: axis, issue: "not-finite", text } };
  }
  return { value };
}

/**
 * A number read: kept, unless non-finite values are refused and it is beyond float32's range (`1e39`, `1e309`),
 * which the points would hold as ±Infinity.
 */
function numberValue(value: number, written: string, what: string, options: PointsOptions): Value {
  if (options.nonFinite === "refuse" && !Number.isFinite(Math.fround(value))) {
    const text = shorten(written);
    return {
      problem: `the ${what} value "${text}" is beyond float32's range (not finite)`,
      issue: { what: what === "y" ? "y" : "x", issue: "not-finite", text },
    };
  }
  return { value };
}

/** Text quoted in a message, cut to a readable length. */
function shorten(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Both coordinates, or the problems of those that are bad, joined into one message. */
function pairOf(x: Value, y: Value): [number, number] | string {
  if ("value" in x && "value" in y) return [x.value, y.value];
  return [x, y].flatMap((v) => ("problem" in v ? [v.problem] : [])).join("; ");
}

/**
 * CSV: one point per line, `x,y` (spaces around the values and one pair of double quotes around each are allowed).
 * Blank lines are skipped; line ends may be LF or CRLF. The first non-blank line is a header, and skipped, when all
 * its values are names, none of them a number (e.g. `x,y`).
 */
export function parsePointsCsv(text: string, options: PointsOptions = {}): ParsedPoints {
  const values: number[] = [];
  const problems: PointsProblem[] = [];
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n|\r/);
  let seenContent = false;
  lines.forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === "") return;
    const fields = raw.split(",").map((field) => field.trim().replace(/^"(.*)"$/, "$1"));
    const isFirst = !seenContent;
    seenContent = true;
    if (isFirst && fields.every((field) => HEADER_NAME.test(field) && "problem" in textValue(field, "", {}))) {
      if (fields.length !== 2) {
        problems.push({
          place: { line },
          message: `the header has ${fields.length} columns, expected 2 (x,y)`,
          reason: { kind: "header-columns", got: fields.length },
        });
      }
      return;
    }
    if (fields.length !== 2) {
      problems.push({
        place: { line },
        message: `expected 2 values separated by a comma (x,y), got ${fields.length}`,
        reason: { kind: "columns", got: fields.length },
      });
      return;
    }
    const x = textValue(fields[0]!, "x", options);
    const y = textValue(fields[1]!, "y", options);
    const pair = pairOf(x, y);
    if (typeof pair === "string") {
      const issues = [x, y].flatMap((v) => ("problem" in v && v.issue ? [v.issue] : []));
      problems.push({ place: { line }, message: pair, reason: { kind: "values", issues } });
    } else values.push(...pair);
  });
  return { points: Float32Array.from(values), problems };
}

/** One coordinate of a JSON entry: a number, `null` (non-finite, as JSON.stringify writes it) or a number as text. */
function jsonValue(value: unknown, what: string, options: PointsOptions): Value {
  if (typeof value === "number") return numberValue(value, String(value), what, options);
  if (value === null) {
    return options.nonFinite === "refuse"
      ? { problem: `the ${what} value is null (not finite)` }
      : { value: Number.NaN };
  }
  if (typeof value === "string") return textValue(value, what, options);
  if (value === undefined) return { problem: `the ${what} value is missing` };
  const kind = Array.isArray(value) ? "an array" : typeof value === "object" ? "an object" : `a ${typeof value}`;
  return { problem: `the ${what} value is ${kind}, not a number` };
}

/**
 * JSON: an array whose entries are `[x, y]` pairs or `{x, y}` objects (other keys are ignored). A coordinate is a
 * number, `null` (read as NaN: JSON has no NaN or Infinity, and JSON.stringify writes `null` for them) or a string
 * holding a number or a non-finite word. A problem names the entry's 0-based index.
 */
export function parsePointsJson(text: string, options: PointsOptions = {}): ParsedPoints {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    return {
      points: new Float32Array(),
      problems: [{ place: { file: true }, message: `not valid JSON (${(error as Error).message})` }],
    };
  }
  if (!Array.isArray(data)) {
    return {
      points: new Float32Array(),
      problems: [{ place: { file: true }, message: "expected a JSON array of [x, y] pairs or {x, y} objects" }],
    };
  }
  const values: number[] = [];
  const problems: PointsProblem[] = [];
  data.forEach((item: unknown, entry) => {
    let pair: [number, number] | string;
    if (Array.isArray(item)) {
      pair =
        item.length === 2
          ? pairOf(jsonValue(item[0], "x", options), jsonValue(item[1], "y", options))
          : `expected a pair [x, y], got ${item.length} values`;
    } else if (typeof item === "object" && item !== null) {
      const point = item as Record<string, unknown>;
      pair = pairOf(jsonValue(point.x, "x", options), jsonValue(point.y, "y", options));
    } else {
      pair = `expected [x, y] or {x, y}, got ${shorten(JSON.stringify(item))}`;
    }
    if (typeof pair === "string") problems.push({ place: { entry }, message: pair });
    else values.push(...pair);
  });
  return { points: Float32Array.from(values), problems };
}
