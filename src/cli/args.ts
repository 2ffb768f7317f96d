/**
 * Parsing of the commands' arguments (`train`, `score`): `--name value` pairs checked against known options, and,
 * for a command that takes them, operands such as file names. Errors are plain messages; the command prints them with
 * its usage and exits with code 2.
 */
import { accessSync, constants, statSync } from "node:fs";
import { dirname, resolve } from "node:path";

export interface OptionSpec {
  name: string;
  help: string;
  /** Checks and converts a value; throws an Error with a message on bad input. */
  parse(value: string): unknown;
  default?: unknown;
}

export class UsageError extends Error {}

/**
 * The options in `argv`, with their defaults. An argument that is not an option is refused, unless `operands` is
 * given: then it is collected there (and so is everything after a lone `--`).
 */
export function parseArgs(
  argv: readonly string[],
  specs: readonly OptionSpec[],
  operands?: string[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const spec of specs) if (spec.default !== undefined) out[spec.name] = spec.default;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--help" || arg === "-h") throw new UsageError("");
    if (operands && arg === "--") {
      operands.push(...argv.slice(i + 1));
      break;
    }
    if (operands && !arg.startsWith("-")) {
      operands.push(arg);
      continue;
    }
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!match) throw new UsageError(`unexpected argument "${arg}"`);
    const spec = specs.find((s) => s.name === match[1]);
    if (!spec) throw new UsageError(`unknown option --${match[1]}`);
    const value = match[2] ?? argv[++i];
    if (value === undefined) throw new UsageError(`--${spec.name} needs a value`);
    try {
      out[spec.name] = spec.parse(value);
    } catch (error) {
      throw new UsageError(`--${spec.name}: ${(error as Error).message}`);
    }
  }
  return out;
}

/** The usage text: `usage: <command> [options] <operands>` and one line per option. */
export function usage(command: string, specs: readonly OptionSpec[], operands = ""): string {
  const width = Math.max(...specs.map((s) => s.name.length)) + 4;
  return [
    `usage: ${command} [options]${operands ? ` ${operands}` : ""}`,
    "",
    ...specs.map(
      (s) => `  --${s.name.padEnd(width)}${s.help}${s.default !== undefined ? ` (default: ${String(s.default)})` : ""}`,
    ),
  ].join("\n");
}

/** A whole number in [min, max]. */
export function integer(min: number, max: number) {
  return (value: string) => {
    if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
      throw new Error(`expected a whole number from ${min} to ${max}, got "${value}"`);
    }
    return Number(value);
  };
}

/** One of the listed words. */
export function oneOf<T extends string>(choices: readonly T[]) {
  return (value: string) => {
    if (!(choices as readonly string[]).includes(value))
      throw new Error(`expected one of ${choices.join(", ")}, got "${value}"`);
    return value as T;
  };
}

/**
 * A file the command will write, ending in one of `extensions` (e.g. `[".csv", ".json"]`, in any case), checked
 * before any work: its folder exists and can be written to, and it is not itself a folder. So a mistyped path
 * fails at once with exit code 2, not after a long run with a stack trace.
 */
export function outputFile(extensions: readonly string[]) {
  return (value: string) => {
    if (!extensions.some((e) => value.toLowerCase().endsWith(e))) {
      throw new Error(`the file must end in ${extensions.join(" or ")}, got "${value}"`);
    }
    const folder = dirname(resolve(value));
    const stat = (path: string) => statSync(path, { throwIfNoEntry: false });
    if (!stat(folder)?.isDirectory()) throw new Error(`cannot write ${value}: no folder ${folder}`);
    if (stat(value)?.isDirectory()) throw new Error(`cannot write ${value}: it is a folder`);
    try {
      accessSync(folder, constants.W_OK);
    } catch {
      throw new Error(`cannot write ${value}: the folder ${folder} is not writable`);
    }
    return value;
  };
}
