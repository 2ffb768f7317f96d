/**
 * The one reader of a family's settings: every value of the table present, a choice one of its values, a number
 * finite, within its range and whole where it must be; else it throws with what is valid. What it returns is typed
 * by the table (`ValuesOf`), so `create` never converts or guesses.
 */
import type { SettingSpec, SettingValues, ValuesOf } from "./table.ts";

/** Checks `values` against `specs` and returns them typed; names outside the table (e.g. the dataset) are left out. */
export function readSettings<const T extends readonly SettingSpec[]>(specs: T, values: SettingValues): ValuesOf<T> {
  const out: SettingValues = {};
  for (const spec of specs) {
    const value = values[spec.name];
    if (spec.type === "choice") {
      if (typeof value === "string" && spec.choices.some((c) => c.value === value)) {
        out[spec.name] = value;
        continue;
      }
      throw new Error(
        `Setting "${spec.name}" cannot be ${JSON.stringify(value)}; valid values: ${spec.choices.map((c) => c.value).join(", ")}.`,
      );
    }
    const ok =
      typeof value === "number" &&
      Number.isFinite(value) &&
      value >= spec.min &&
      value <= spec.max &&
      (spec.type === "number" || Number.isInteger(value));
    if (!ok) {
      const kind = spec.type === "integer" ? "a whole number" : "a number";
      throw new Error(
        `Setting "${spec.name}" needs ${kind} from ${spec.min} to ${spec.max}, got ${JSON.stringify(value)}.`,
      );
    }
    out[spec.name] = value;
  }
  return out as ValuesOf<T>;
}
