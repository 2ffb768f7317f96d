/**
 * Reads a family's setting values inside `create`: a choice must be one of its valid names and a number must be
 * finite, else it throws with the valid list. No silent defaults: a value the table let through but the model does
 * not know is a bug to see, not a model to train with other settings.
 */
import type { SettingValues } from "./types.ts";

/** The value of choice setting `name`, which must be one of `valid`. */
export function readChoice<T extends string>(settings: SettingValues, name: string, valid: readonly T[]): T {
  const value = settings[name];
  if (typeof value === "string" && (valid as readonly string[]).includes(value)) return value as T;
  throw new Error(`Setting "${name}" cannot be ${JSON.stringify(value)}; valid values: ${valid.join(", ")}.`);
}

/** The value of number setting `name`, which must be a finite number (or a string of one). */
export function readNumber(settings: SettingValues, name: string): number {
  const raw = settings[name];
  const value = typeof raw === "number" ? raw : typeof raw === "string" && raw.trim() !== "" ? Number(raw) : NaN;
  if (Number.isFinite(value)) return value;
  throw new Error(`Setting "${name}" needs a finite number, got ${JSON.stringify(raw)}.`);
}
