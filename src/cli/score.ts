/**
 * `npm run score -- --dataset moons samples.csv`
 * Scores a file of 2D points made anywhere against a dataset, with the same quality score as the demos, `npm run
 * train` and the benchmark (src/lab/metrics.ts), and prints it with its parts. A file with any bad line is refused
 * (exit code 2) with the lines named; so are bad arguments, with the usage.
 */
import { readFileSync } from "node:fs";
import { DATASET_NAMES, type DatasetName } from "../lab/dataset-names.ts";
import { qualityScore } from "../lab/metrics.ts";
import { formatProblem, parsePoints, pointsFormat } from "../lab/points-file.ts";
import { integer, oneOf, parseArgs, usage, UsageError, type OptionSpec } from "./args.ts";
import { qualityLine } from "./quality-line.ts";

const OPTIONS: OptionSpec[] = [
  {
    name: "dataset",
    help: `the data to compare with (required): ${DATASET_NAMES.join(", ")}`,
    parse: oneOf(DATASET_NAMES),
  },
  { name: "n", help: "score the file's first n points (default: all)", parse: integer(2, 10_000_000) },
  { name: "seed", help: "seed of the reference draws of the data", parse: integer(0, 999_999_999), default: 1 },
];

const FILE_HELP = [
  "",
  "FILE is CSV (rows x,y; an optional header line such as x,y; blank lines skipped; LF or CRLF) or JSON (an array",
  "of [x, y] pairs or {x, y} objects), by its extension (.csv, .json) or else by its text: the formats that",
  "`npm run train -- --out` writes. NaN, Infinity and -Infinity (also nan, inf, -inf; null in JSON) are read as",
  "non-finite samples, as a model that diverged writes them: they are scored, as misses, and counted. Any other",
  "text that is not a number refuses the whole file, with its line numbers (for JSON, the index of the entry).",
  "",
  "The score is the Jensen-Shannon divergence between 40x40 histograms over [-4.5, 4.5]^2 (plus one cell for",
  "points off the grid or not finite) of the file's points and fresh data, normalised: 0 = as good as a fresh",
  "draw of the data, 1 = no better than one Gaussian fitted to the data.",
].join("\n");

/** Problems listed when a file is refused; the rest are counted. */
const PROBLEMS_SHOWN = 5;
/** Below this many points the 1,601 cells are mostly pseudocount and the references nearly meet: a noisy score. */
const FEW_POINTS = 1000;

/** Why a file cannot be scored, already worded for the user; printed without the usage. */
class FileError extends Error {}

function readPoints(file: string): Float32Array {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : (error as Error).message;
    throw new FileError(`cannot read ${file}: ${reason}`);
  }
  const format = pointsFormat(text, file);
  const { points, problems } = parsePoints(text, format);
  if (problems.length) {
    const shown = problems.slice(0, PROBLEMS_SHOWN).map((p) => `  ${file}: ${formatProblem(p)}`);
    const more = problems.length - shown.length;
    throw new FileError(
      [
        `${file} is not a valid ${format.toUpperCase()} points file (${problems.length} problem${problems.length === 1 ? "" : "s"}):`,
        ...shown,
        ...(more > 0 ? [`  … and ${more} more`] : []),
      ].join("\n"),
    );
  }
  const count = points.length / 2;
  if (count < 2) throw new FileError(`${file} holds ${count} point${count === 1 ? "" : "s"}; scoring needs at least 2`);
  return points;
}

export function main(argv: readonly string[]): number {
  const operands: string[] = [];
  let args: Record<string, unknown>;
  try {
    args = parseArgs(argv, OPTIONS, operands);
    if (args.dataset === undefined) throw new UsageError(`--dataset is required: ${DATASET_NAMES.join(", ")}`);
    if (operands.length !== 1) {
      throw new UsageError(operands.length ? `expected one file, got ${operands.length}` : "no file to score");
    }
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    if (error.message) console.error(`error: ${error.message}\n`);
    const text = `${usage("npm run score --", OPTIONS, "FILE")}\n${FILE_HELP}`;
    if (error.message) console.error(text);
    else console.log(text);
    return error.message ? 2 : 0;
  }
  const file = operands[0]!;
  const dataset = args.dataset as DatasetName;
  let points: Float32Array;
  try {
    points = readPoints(file);
  } catch (error) {
    if (!(error instanceof FileError)) throw error;
    console.error(`error: ${error.message}`);
    return 2;
  }
  const count = points.length / 2;
  const n = Math.min(count, Number(args.n ?? count));
  const score = qualityScore(points, dataset, { n, seed: Number(args.seed) });
  console.log(
    `${file}: ${count} points${n < count ? `, the first ${n} scored` : ""}, against ${dataset} (reference seed ${args.seed})`,
  );
  console.log(qualityLine(score));
  if (n < FEW_POINTS) {
    console.error(
      `note: ${n} points are few for the 40×40 histogram; below about ${FEW_POINTS} the score is noisy (the demos and the benchmark score 10,000)`,
    );
  }
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    console.error(error);
    process.exitCode = 1;
  }
}
