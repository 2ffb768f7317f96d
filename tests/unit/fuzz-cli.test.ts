/**
 * The commands' flags, fuzzed (fast-check; issue 15): `parseArgs` in-process over many argument lists, then a few
 * dozen real `train`, `score` and `snapshots` processes (each spawns Node, so they are few and run three at a
 * time). A command either does its work (exit 0) or exits 2 with `error: …` on stderr and no stack trace, leaving
 * no file behind; what `train` accepts is cheap by construction (at most 2 steps, 100–150 samples).
 */
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { integer, oneOf, parseArgs, UsageError, type OptionSpec } from "../../src/cli/args.ts";
import { DATASET_NAMES } from "../../src/lab/dataset-names.ts";
import { parsePoints } from "../../src/lab/points-file.ts";
import { FAMILY_IDS } from "../../src/models/ids.ts";
import { snapshotPath } from "../../src/models/snapshot.ts";
import { fuzz, hostileCsv, hostileText, validOrHostile } from "../support/hostile-input.ts";

/** Text a command line can carry: anything but NUL, which no shell passes and `spawn` refuses. */
const arg = hostileText.map((t) => t.replaceAll("\u0000", ""));
const argOr = (valid: fc.Arbitrary<string>) => validOrHostile(valid).map((t) => t.replaceAll("\u0000", ""));

describe("parseArgs, fuzzed", () => {
  const specs: OptionSpec[] = [
    { name: "steps", help: "", parse: integer(0, 1000) },
    { name: "dataset", help: "", parse: oneOf(DATASET_NAMES), default: "moons" },
    { name: "set", help: "", parse: (v) => v },
  ];
  const argv = fc.array(
    fc.oneof(
      fc.constantFrom("--steps", "--dataset", "--set", "--", "-h", "--help", "-", "--steps=", "--dataset=moons"),
      argOr(fc.integer({ min: 0, max: 1000 }).map(String)),
      arg,
    ),
    { maxLength: 6 },
  );

  it("returns values each option accepts, or throws a UsageError naming the option or the argument", () => {
    fc.assert(
      fc.property(argv, fc.boolean(), (list, withOperands) => {
        const operands: string[] = [];
        let out: Record<string, unknown>;
        try {
          out = parseArgs(list, specs, withOperands ? operands : undefined);
        } catch (error) {
          expect(error).toBeInstanceOf(UsageError);
          const message = (error as Error).message;
          if (message !== "")
            expect(message).toMatch(/^(--(steps|dataset|set)[: ]|unexpected argument|unknown option)/);
          else expect(list.some((a) => a === "-h" || a === "--help")).toBe(true);
          return;
        }
        expect(DATASET_NAMES).toContain(out.dataset);
        if (out.steps !== undefined) expect(Number.isInteger(out.steps) && (out.steps as number) <= 1000).toBe(true);
        expect(Object.keys(out).every((k) => ["steps", "dataset", "set"].includes(k))).toBe(true);
      }),
      fuzz(2000),
    );
  });
});

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command (a .ts file under src/cli) with `args` in `cwd`, to its end. */
function run(command: string, args: readonly string[], cwd = process.cwd()): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.resolve(`src/cli/${command}.ts`), ...args], { cwd, timeout: 60_000 });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

/** Runs `jobs` at most `width` at a time. */
async function pool<T>(jobs: readonly (() => Promise<T>)[], width = 3): Promise<T[]> {
  const results: T[] = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await jobs[i]!();
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
  return results;
}

/** Every file under `dir`, relative, with its size (a directory as -1). */
function listing(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .map((name) => {
      const stat = statSync(path.join(dir, name));
      return `${name} ${stat.isDirectory() ? -1 : stat.size}`;
    })
    .sort();
}

/** A refusal: exit code 2, `error: ` and a message on stderr, no stack trace. */
function expectRefused(result: Run, what: string): void {
  expect(result.status, `${what}\n${result.stderr}`).toBe(2);
  expect(result.stderr, what).toMatch(/^error: \S/m);
  expect(result.stderr, what).not.toMatch(/^\s+at /m);
}

/** A file name to write, as a reader might mistype it: fine, in a missing folder, a folder, or hostile. */
function outputName(extension: string): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constant(`out${extension}`),
    fc.constant(`missing/out${extension}`),
    fc.constant(`a-folder${extension}`),
    fc.constant(`existing${extension}`),
    arg.map((t) => `${t.replaceAll("/", "_").slice(0, 60)}${extension}`),
    arg,
  );
}

/** A `--name value` or `--name=value` pair, or anything at all. */
function flag(name: string, value: fc.Arbitrary<string>): fc.Arbitrary<string[]> {
  return fc.tuple(value, fc.boolean()).map(([v, joined]) => (joined ? [`--${name}=${v}`] : [`--${name}`, v]));
}

describe("npm run train, fuzzed flags", () => {
  const flags = fc.oneof(
    flag("model", argOr(fc.constant("autoregressive"))),
    flag("dataset", argOr(fc.constantFrom(...DATASET_NAMES))),
    flag("steps", argOr(fc.constantFrom("0", "1", "2"))),
    flag("seed", argOr(fc.integer({ min: 0, max: 999_999_999 }).map(String))),
    flag("samples", argOr(fc.constantFrom("100", "150"))),
    flag("backend", argOr(fc.constantFrom("cpu", "wasm"))),
    flag("set", argOr(fc.constantFrom("bins=20", "learningRate=0.01", "x1Input=centre", "bins=20,learningRate=1e-3"))),
    flag("out", outputName(".csv")),
    flag("out", outputName(".json")),
    flag("save-weights", outputName(".json")),
    flag("weights", fc.constantFrom("existing.json", "missing.json", "a-folder.json", "not-json.json")),
    fc.tuple(arg, arg).map(([a, b]) => [a, b]),
  );
  // A cheap valid run first; the fuzzed flags after it override it or break it.
  const argv = fc
    .array(flags, { minLength: 1, maxLength: 3 })
    .map((list) => ["--model", "autoregressive", "--steps", "0", "--samples", "100", ...list.flat()]);

  it("trains and writes what it was asked to, or exits 2 with a message and writes nothing", async () => {
    const cases = fc.sample(argv, { seed: fuzz().seed, numRuns: 16 });
    const results = await pool(
      cases.map((args) => async () => {
        const dir = mkdtempSync(path.join(tmpdir(), "fuzz-train-"));
        for (const folder of ["a-folder.csv", "a-folder.json"]) mkdirSync(path.join(dir, folder));
        writeFileSync(path.join(dir, "existing.csv"), "keep me\n");
        writeFileSync(path.join(dir, "existing.json"), readFileSync(`public/${snapshotPath("autoregressive")}`));
        writeFileSync(path.join(dir, "not-json.json"), "{ cut short");
        const before = listing(dir);
        return { args, dir, before, result: await run("train", args, dir) };
      }),
    );
    for (const { args, dir, before, result } of results) {
      const what = `train ${JSON.stringify(args)}`;
      if (result.status === 0) {
        expect(result.stdout, what).toMatch(/quality: normalised/);
        for (const line of result.stdout.split("\n")) {
          const wrote = /^wrote \d+ samples to (.*)$/.exec(line)?.[1];
          if (wrote)
            expect(
              parsePoints(readFileSync(path.resolve(dir, wrote), "utf8"), undefined, { nonFinite: "refuse" }).problems,
            ).toEqual([]);
        }
      } else {
        expectRefused(result, what);
        expect(listing(dir), `${what} left a file`).toEqual(before);
      }
    }
    const refused = results.filter((r) => r.result.status === 2).length;
    // Both outcomes are exercised.
    expect(refused).toBeGreaterThan(0);
    expect(refused).toBeLessThan(results.length);
  }, 240_000);
});

describe("npm run score and npm run snapshots, fuzzed arguments", () => {
  it("score: scores a file, or exits 2 with a message", async () => {
    const argv = fc
      .tuple(
        fc.array(
          fc.oneof(
            flag("dataset", argOr(fc.constantFrom(...DATASET_NAMES))),
            flag("n", argOr(fc.constantFrom("2", "50"))),
            flag("seed", argOr(fc.constantFrom("0", "7"))),
            fc.tuple(arg).map(([a]) => [a]),
          ),
          { maxLength: 3 },
        ),
        fc.constantFrom("good.csv", "hostile.csv", "missing.csv", "a-folder.csv"),
        hostileCsv,
      )
      .map(([list, file, text]) => ({ args: ["--dataset", "moons", ...list.flat(), "--", file], text }));
    const cases = fc.sample(argv, { seed: fuzz().seed, numRuns: 5 });
    const results = await pool(
      cases.map(({ args, text }) => async () => {
        const dir = mkdtempSync(path.join(tmpdir(), "fuzz-score-"));
        mkdirSync(path.join(dir, "a-folder.csv"));
        writeFileSync(path.join(dir, "good.csv"), "x,y\n0,1\n1,0\n-1,0.5\n");
        writeFileSync(path.join(dir, "hostile.csv"), text);
        const before = listing(dir);
        return { args, dir, before, result: await run("score", args, dir) };
      }),
    );
    for (const { args, dir, before, result } of results) {
      const what = `score ${JSON.stringify(args)}`;
      if (result.status === 0) expect(result.stdout, what).toMatch(/quality: normalised/);
      else expectRefused(result, what);
      expect(listing(dir)).toEqual(before);
    }
  }, 120_000);

  it("snapshots: an unknown family among the names exits 2 before training, and writes no snapshot", async () => {
    const argv = fc
      .tuple(
        fc.array(fc.constantFrom(...FAMILY_IDS), { maxLength: 1 }),
        arg.filter((a) => !(FAMILY_IDS as readonly string[]).includes(a)),
      )
      .chain(([known, unknown]) => fc.shuffledSubarray([...known, unknown], { minLength: known.length + 1 }));
    const cases = fc.sample(argv, { seed: fuzz().seed, numRuns: 3 });
    const before = listing("public/snapshots");
    const results = await pool(cases.map((args) => async () => ({ args, result: await run("snapshots", args) })));
    for (const { args, result } of results) {
      expectRefused(result, `snapshots ${JSON.stringify(args)}`);
      expect(result.stderr).toMatch(/Unknown model .*Valid models: gan, vae/s);
    }
    expect(listing("public/snapshots")).toEqual(before);
  }, 120_000);
});
