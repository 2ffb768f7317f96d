/**
 * A model's weights as JSON, to take away and load again in the demo or `npm run train --weights`: every learnt
 * variable by its stable name (`Model.weights()`), with its shape and values, and what the model was made with.
 * Reading checks everything before anything is assigned, so a bad file leaves the model as it was.
 */
import { tf } from "#tf";
import type { FamilyId } from "../models/ids.ts";
import type { SettingValues } from "../settings/table.ts";

type Variable = import("@tensorflow/tfjs-core").Variable;

export const WEIGHTS_FORMAT = "gen-demo-weights";

export interface WeightsFile {
  format: typeof WEIGHTS_FORMAT;
  version: 1;
  family: FamilyId;
  /** What the weights were trained with (for the reader; loading needs only the family and the shapes). */
  dataset: string;
  seed: number;
  step: number;
  settings: SettingValues;
  /**
   * When the values were rounded to make the file small (`roundWeights`; the shipped snapshots are): each variable's
   * values are multiples of 10^(⌊log₁₀ m⌋ − precision + 1), m its largest magnitude, i.e. `precision` significant
   * digits of its largest value, an integer 1–9. Absent when they are the full float32 values (a demo's export).
   * Either way they are read as float32.
   */
  precision?: number;
  weights: Record<string, { shape: number[]; values: number[] }>;
}

/**
 * A copy of `file` with each variable's values rounded to `precision` significant digits of its largest magnitude
 * (fixed point per variable: a small value keeps fewer digits than the largest), saying so in its `precision`
 * field. The text is much shorter (a snapshot fits in 40 KB gzip) and loads the same way.
 */
export function roundWeights(file: WeightsFile, precision: number): WeightsFile {
  if (!Number.isInteger(precision) || precision < 1 || precision > 9) {
    throw new RangeError(`precision must be a whole number from 1 to 9, got ${precision}`);
  }
  const weights: WeightsFile["weights"] = {};
  for (const [name, { shape, values }] of Object.entries(file.weights)) {
    const largest = values.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
    const decimals = largest > 0 ? precision - 1 - Math.floor(Math.log10(largest)) : 0;
    const round =
      decimals >= 0
        ? (v: number) => Number(v.toFixed(Math.min(decimals, 100)))
        : (v: number) => Math.round(v / 10 ** -decimals) * 10 ** -decimals;
    // `|| 0` writes −0 as 0.
    weights[name] = { shape: [...shape], values: values.map((v) => round(v) || 0) };
  }
  return { ...file, precision, weights };
}

/** The file of `weights` now (read back from the backend). */
export function writeWeights(
  weights: Record<string, Variable>,
  about: Omit<WeightsFile, "format" | "version" | "weights">,
): WeightsFile {
  const out: WeightsFile["weights"] = {};
  for (const [name, variable] of Object.entries(weights)) {
    out[name] = { shape: [...variable.shape], values: Array.from(variable.dataSync()) };
  }
  return { format: WEIGHTS_FORMAT, version: 1, ...about, weights: out };
}

/** Parses a weights file's text; throws a message naming what is wrong (not JSON, not a weights file, another family). */
export function parseWeights(text: string, family: FamilyId): WeightsFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`not valid JSON (${(error as Error).message})`);
  }
  const file = data as Partial<WeightsFile> | null;
  if (typeof file !== "object" || file === null || file.format !== WEIGHTS_FORMAT) {
    throw new Error(`not a weights file (its "format" is not "${WEIGHTS_FORMAT}")`);
  }
  if (file.version !== 1) throw new Error(`weights file version ${String(file.version)} is not supported (only 1)`);
  if (file.family !== family) throw new Error(`the weights are of model "${String(file.family)}", not "${family}"`);
  if (typeof file.weights !== "object" || file.weights === null) throw new Error(`the file has no "weights"`);
  if (
    file.precision !== undefined &&
    !(Number.isInteger(file.precision) && file.precision >= 1 && file.precision <= 9)
  ) {
    throw new Error(`its "precision" must be a whole number from 1 to 9, got ${JSON.stringify(file.precision)}`);
  }
  return file as WeightsFile;
}

/**
 * Assigns the file's values to `weights`. Every name must be there with the same shape and numbers finite in float32,
 * and no other name: otherwise it throws with the first problems (a network of another size, say) and assigns nothing.
 */
export function assignWeights(weights: Record<string, Variable>, file: WeightsFile): void {
  const problems: string[] = [];
  for (const [name, variable] of Object.entries(weights)) {
    const saved = file.weights[name];
    if (!saved) {
      problems.push(`"${name}" is missing`);
      continue;
    }
    const shape = Array.isArray(saved.shape) ? saved.shape : [];
    if (shape.join("×") !== variable.shape.join("×")) {
      problems.push(`"${name}" has shape [${shape.join(", ")}], the model's is [${variable.shape.join(", ")}]`);
    } else if (
      !Array.isArray(saved.values) ||
      saved.values.length !== variable.size ||
      // Finite in float32, as the variable holds them: 1e39 is finite in JSON and Infinity there.
      !saved.values.every((v) => typeof v === "number" && Number.isFinite(Math.fround(v)))
    ) {
      problems.push(`"${name}" needs ${variable.size} finite numbers (within float32's range)`);
    }
  }
  for (const name of Object.keys(file.weights)) {
    // Own names only: `in` would take "toString" or "__proto__" for a variable of the model.
    if (!Object.hasOwn(weights, name)) problems.push(`"${name}" is not in the model`);
  }
  if (problems.length > 0) {
    const shown = problems.slice(0, 3).join("; ");
    throw new Error(`the weights do not fit this model: ${shown}${problems.length > 3 ? "; …" : ""}`);
  }
  for (const [name, variable] of Object.entries(weights)) {
    const saved = file.weights[name]!;
    tf.tidy(() => variable.assign(tf.tensor(saved.values, saved.shape, "float32")));
  }
}
