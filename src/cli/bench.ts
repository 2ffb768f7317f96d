/**
 * `npm run bench`: builds the site, serves it on localhost, drives headless Chromium and Node, and writes
 * `benchmarks.json` and `benchmarks.md` (with SVG figures) to `--out` (default `docs/`; `bench-results/` for a
 * partial run). See `npm run bench -- --help` for the options, and docs/benchmarks.md for what is measured.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { BackendName } from "../lab/backend-names.ts";
import { DATASET_NAMES, type DatasetName } from "../lab/dataset-names.ts";
import { FAMILY_IDS, type FamilyId } from "../models/ids.ts";
import { FAMILY_SPECS } from "../models/specs.ts";
import { integer, oneOf, parseArgs, usage, UsageError, type OptionSpec } from "./args.ts";
import {
  ARTICLE_PATH,
  BARE_PATH,
  measureBare,
  measureRecognisable,
  measureTraining,
  openDemo,
  measurePageWeight,
} from "./bench/browser-bench.ts";
import { measureSoak } from "./bench/all-demos-soak.ts";
import { measureFamilySoak } from "./bench/family-soak.ts";
import { measureComparison } from "./bench/compare-bench.ts";
import { runLighthouse } from "./bench/lighthouse.ts";
import type { QualityCurve } from "./bench/node-quality.ts";
import { mergeResults, writeReport, type BackendResult, type BenchResult, type FamilyResult } from "./bench/report.ts";
import type { Page } from "playwright-core";
import { launchChromium } from "./chromium.ts";
import { serveStatic } from "./static-server.ts";
import { runIfMain } from "./run-main.ts";

const PARTS = [
  "page",
  "browser",
  "recognisable",
  "compare",
  "soak",
  "lighthouse",
  "node",
  "family-soak",
  "datasets",
] as const;
/** Parts left out of the default run (it must stay short): run them with --only. */
const LONG_PARTS: readonly Part[] = ["family-soak", "datasets"];
type Part = (typeof PARTS)[number];
/** The datasets of the default run's Node curves (seed 1; the part "datasets" covers every dataset and seed). */
const NODE_DATASETS: DatasetName[] = ["8gaussians", "moons"];
/** Checkpoints of a run in the part "datasets": its score at the budget only, as it runs 21 trainings per family. */
const DATASETS_CHECKPOINTS = 1;
/** How long a session waits for a recognisable shape (the target is 5 s; a family that misses must be ≤ 10 s). */
const RECOGNISABLE_CAP_SECONDS = 12;
/** The seeds of every time-to-recognisable figure (the report gives their median and each). */
const RECOGNISABLE_SEEDS = [1, 2, 3];
/** The datasets of the comparison page's runs, at its default budget. */
const COMPARE_DATASETS: DatasetName[] = ["8gaussians", "moons"];
/** The comparison page's default budget per family, in seconds. */
const COMPARE_BUDGET_SECONDS = 10;
/** Seconds of training watched on the backend the demos do not choose by themselves here. */
const OTHER_BACKEND_SECONDS = 8;

const OPTIONS: OptionSpec[] = [
  { name: "family", help: `one family, or a comma-separated list: ${FAMILY_IDS.join(", ")}`, parse: list(FAMILY_IDS) },
  {
    name: "backend",
    help: "picked (the backend the demos choose here), webgl, wasm or both",
    parse: oneOf(["picked", "webgl", "wasm", "both"] as const),
    default: "picked",
  },
  { name: "runs", help: "measurement windows per speed figure (median, min, max)", parse: integer(3, 20), default: 3 },
  { name: "seconds", help: "seconds each demo trains while measured", parse: integer(8, 600), default: 20 },
  { name: "soak", help: "seconds of the memory soak (every demo training)", parse: integer(10, 3600), default: 120 },
  {
    name: "family-soak-minutes",
    help: "minutes each family's demo trains alone in the family soak (part family-soak, run with --only)",
    parse: integer(1, 120),
    default: 10,
  },
  {
    name: "only",
    help: `parts to run, comma-separated (family-soak and datasets run only when named here): ${PARTS.join(", ")}`,
    parse: list(PARTS),
  },
  {
    name: "merge",
    help: "yes: keep what the --out folder's benchmarks.json holds and replace only the parts measured now",
    parse: oneOf(["yes"] as const),
  },
  { name: "skip", help: `parts to leave out, comma-separated: ${PARTS.join(", ")}`, parse: list(PARTS) },
  { name: "jobs", help: "Node trainings run at once", parse: integer(1, 16), default: 2 },
  {
    name: "seeds",
    help: "seeds of the part datasets (every family on every dataset at its default budget), comma-separated",
    parse: seedList,
    default: [1, 2, 3],
  },
  { name: "out", help: "folder for the report (default: docs, or bench-results for a partial run)", parse: (v) => v },
  { name: "no-build", help: "yes: use the existing dist/", parse: oneOf(["yes"] as const) },
  {
    name: "report-only",
    help: "yes: measure nothing, write the report again from the --out folder's benchmarks.json (after editing the notes)",
    parse: oneOf(["yes"] as const),
  },
];

function list<T extends string>(choices: readonly T[]) {
  return (value: string): T[] => {
    const items = value.split(",").map((v) => v.trim());
    const bad = items.filter((v) => !(choices as readonly string[]).includes(v));
    if (bad.length) throw new Error(`unknown: ${bad.join(", ")}; expected ${choices.join(", ")}`);
    return items as T[];
  };
}

function seedList(value: string): number[] {
  const seeds = value.split(",").map((v) => Number(v.trim()));
  if (seeds.some((n) => !Number.isInteger(n) || n < 0 || n > 2 ** 31 - 1)) {
    throw new Error(`seeds must be whole numbers from 0 to 2147483647, comma-separated: got "${value}"`);
  }
  return [...new Set(seeds)];
}

const started = Date.now();
function progress(message: string): void {
  const seconds = Math.round((Date.now() - started) / 1000);
  console.log(
    `[${String(Math.floor(seconds / 60)).padStart(2, "0")}:${String(seconds % 60).padStart(2, "0")}] ${message}`,
  );
}

/** One Node training run to score, in a child process. */
interface NodeTask {
  family: string;
  dataset: DatasetName;
  seed: number;
  /** The part of the report it is for: the default run's curves, or the family × dataset table. */
  part: "node" | "datasets";
  /** Scored checkpoints; node-quality.ts's own count when left out. */
  checkpoints?: number;
}

/** One Node training run (family × dataset × seed) in a child process; resolves with its curve. */
function runNodeCurve({ family, dataset, seed, checkpoints }: NodeTask): Promise<QualityCurve> {
  const script = path.resolve("src/cli/bench/node-quality.ts");
  return new Promise((resolve, reject) => {
    const extra = checkpoints === undefined ? [] : [String(checkpoints)];
    const child = spawn(process.execPath, [script, family, dataset, String(seed), ...extra], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let stdout = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.on("close", (code) =>
      code === 0
        ? resolve(JSON.parse(stdout) as QualityCurve)
        : reject(new Error(`${family}/${dataset}/seed ${seed}: exit ${code}`)),
    );
  });
}

/**
 * Node training runs, by a pool whose size can grow: none while the browser is timed, one beside the memory soak
 * (which only counts tensors and bytes), then `jobs` at once. Resolves with the curves in the order of `tasks`.
 */
function startNodeCurves(tasks: NodeTask[]) {
  const curves: QualityCurve[] = [];
  let limit = 0;
  let active = 0;
  let next = 0;
  let finished = 0;
  let settle: (error?: Error) => void = () => {};
  const done = new Promise<QualityCurve[]>((resolve, reject) => {
    settle = (error) => (error ? reject(error) : resolve(curves));
    if (tasks.length === 0) resolve(curves);
  });
  const pump = () => {
    while (active < limit && next < tasks.length) {
      const index = next++;
      const task = tasks[index]!;
      active++;
      runNodeCurve(task).then(
        (curve) => {
          active--;
          curves[index] = curve;
          finished++;
          progress(
            `node ${finished}/${tasks.length}: ${task.family} on ${task.dataset}, seed ${task.seed}: ${curve.points.at(-1)?.normalised.toFixed(3)} after ${curve.budget} steps, ` +
              (curve.reached
                ? `≤ 0.2 at step ${curve.reached.step} (${curve.reached.seconds.toFixed(1)} s)`
                : "never ≤ 0.2"),
          );
          if (finished === tasks.length) settle();
          else pump();
        },
        (error: Error) => settle(error),
      );
    }
  };
  // Handled where it is awaited; this keeps an early failure from ending the process before then.
  done.catch(() => {});
  return {
    done,
    setJobs(jobs: number) {
      limit = jobs;
      pump();
    },
  };
}

/**
 * `result` laid over the --out folder's saved benchmarks.json: parts measured now replace the saved ones, the rest
 * (and each family's figures not measured now) stay.
 */
export function mergeSaved(result: BenchResult, out: string): BenchResult {
  const file = path.join(out, "benchmarks.json");
  if (!existsSync(file)) return result;
  return mergeResults(JSON.parse(readFileSync(file, "utf8")) as BenchResult, result);
}

function usageError(message: string): number {
  console.error(`error: ${message}\n`);
  console.error(usage("npm run bench --", OPTIONS));
  return 2;
}

async function main(argv: readonly string[]): Promise<number> {
  let args: Record<string, unknown>;
  try {
    args = parseArgs(argv, OPTIONS);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    if (error.message) console.error(`error: ${error.message}\n`);
    console.error(usage("npm run bench --", OPTIONS));
    return error.message ? 2 : 0;
  }
  const families = (args.family as FamilyId[] | undefined) ?? [...FAMILY_IDS];
  const backendChoice = args.backend as "picked" | "both" | BackendName;
  const only = args.only as Part[] | undefined;
  if (only && args.skip) return usageError("--only and --skip: give one of them");
  const skip = new Set<Part>(
    only ? PARTS.filter((p) => !only.includes(p)) : [...LONG_PARTS, ...((args.skip as Part[] | undefined) ?? [])],
  );
  const partial =
    args.family !== undefined || backendChoice !== "picked" || only !== undefined || args.skip !== undefined;
  const out = String(args.out ?? (partial ? "bench-results" : "docs"));
  const seconds = Number(args.seconds);
  const runs = Number(args.runs);
  if (args["report-only"] === "yes") {
    const saved = JSON.parse(readFileSync(path.join(out, "benchmarks.json"), "utf8")) as BenchResult;
    progress(`wrote ${writeReport(saved, out).join(", ")}`);
    return 0;
  }

  if (args["no-build"] !== "yes") {
    progress("building the site with its bench pages (BENCH_PAGES=1 npm run build)");
    const build = spawnSync("npm", ["run", "build"], {
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, BENCH_PAGES: "1" },
    });
    if (build.status !== 0) throw new Error("the build failed");
  }
  const dist = path.resolve("dist");
  if (!existsSync(path.join(dist, BARE_PATH, "index.html"))) {
    throw new Error(`dist/ has no ${BARE_PATH}: build it with BENCH_PAGES=1 npm run build, or leave out --no-build`);
  }
  const server = await serveStatic(dist, "/");
  const browser = await launchChromium(["--enable-precise-memory-info", "--js-flags=--expose-gc"]);
  const curveTasks: NodeTask[] = skip.has("node")
    ? []
    : families.flatMap((family) =>
        NODE_DATASETS.map((dataset) => ({ family, dataset, seed: 1, part: "node" as const })),
      );
  const seeds = args.seeds as number[];
  const datasetTasks: NodeTask[] = skip.has("datasets")
    ? []
    : families.flatMap((family) =>
        DATASET_NAMES.flatMap((dataset) =>
          seeds.map((seed) => ({
            family,
            dataset,
            seed,
            part: "datasets" as const,
            checkpoints: DATASETS_CHECKPOINTS,
          })),
        ),
      );
  const nodeTasks = [...curveTasks, ...datasetTasks];
  const nodeCurves = nodeTasks.length ? startNodeCurves(nodeTasks) : null;
  const result: BenchResult = {
    startedAt: new Date(started).toISOString(),
    finishedAt: "",
    command: `npm run bench -- ${argv.join(" ")}`.trim(),
    machine: {
      cpu: os.cpus()[0]?.model ?? "unknown",
      cores: os.cpus().length,
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      os: `${os.type()} ${os.release()}`,
      node: process.version,
      chromium: browser.version(),
      webglRenderer: null,
    },
    defaultBackend: "",
    durations: {
      demo: seconds,
      otherBackend: Math.min(seconds, OTHER_BACKEND_SECONDS),
      recognisableCap: RECOGNISABLE_CAP_SECONDS,
    },
    families: {},
  };
  try {
    if (!skip.has("page")) {
      progress("page weight");
      result.page = await measurePageWeight(browser, server.origin);
    }
    // What the demo picks by itself on this machine: the backend of "time to recognisable samples".
    const page = await browser.newPage();
    await page.goto(`${server.origin}${ARTICLE_PATH}#demo-${families[0]}`);
    await page.locator(`#demo-${families[0]} gen-demo`).scrollIntoViewIfNeeded();
    await page.waitForFunction(
      (f) => document.querySelector(`#demo-${f} gen-demo`)?.getAttribute("data-demo-state") === "ready",
      families[0],
      { timeout: 120_000 },
    );
    result.defaultBackend = (
      (await page.locator(`#demo-${families[0]} gen-demo`).getAttribute("data-demo-backend")) ?? ""
    ).toLowerCase();
    await page.close();
    const defaultBackend = result.defaultBackend as BackendName;
    progress(`the demos pick ${defaultBackend} by default here`);
    const backends: BackendName[] =
      backendChoice === "both" ? ["wasm", "webgl"] : [backendChoice === "picked" ? defaultBackend : backendChoice];

    for (const family of families) {
      const spec = FAMILY_SPECS[family];
      const entry: FamilyResult = {
        title: spec.title.zh,
        defaultSteps: spec.defaultSteps,
        batchSize: spec.batchSize,
        backends: {},
        recognisable: {},
      };
      result.families[family] = entry;
      if (skip.has("browser")) continue;
      for (const backend of backends) {
        const slot: BackendResult = {};
        entry.backends[backend] = slot;
        const isDefault = backend === defaultBackend;
        // The backend readers get here is watched for the full time; the other one for a shorter stretch.
        const trainSeconds = isDefault ? seconds : Math.min(seconds, OTHER_BACKEND_SECONDS);
        let page: Page | null = null;
        try {
          progress(`${family} on ${backend}: bare loop`);
          const bare = await measureBare(browser, server.origin, family, backend, runs);
          slot.bare = bare;
          if (backend === "webgl") result.machine.webglRenderer ??= bare.renderer;
          progress(`${family} on ${backend}: demo in the article (${trainSeconds} s)`);
          page = await openDemo(browser, server.origin, family, backend, "8gaussians");
          const demo = await measureTraining(page, family, { seconds: trainSeconds, windows: runs });
          slot.demo = demo;
          slot.overhead = demo.stepsPerSecond.median / bare.stepsPerSecond.median;
          progress(
            `${family} on ${backend}: ${demo.stepsPerSecond.median.toFixed(1)} steps/s in the demo, ` +
              `${bare.stepsPerSecond.median.toFixed(1)} bare (ratio ${slot.overhead.toFixed(2)}), ` +
              `${demo.longTasks.count} long tasks (longest ${demo.longTasks.longestMs.toFixed(0)} ms), ` +
              `tensors ${demo.memory.start.numTensors} → ${demo.memory.end.numTensors}`,
          );
          if (isDefault && !skip.has("recognisable")) {
            // On the same page, from a fresh model each time (the dataset chosen in the settings, or Reset).
            for (const dataset of ["8gaussians", "moons"] as const) {
              const seconds: (number | null)[] = [];
              for (const seed of RECOGNISABLE_SEEDS) {
                const run = await measureRecognisable(page, family, dataset, seed, RECOGNISABLE_CAP_SECONDS);
                seconds.push(run.seconds);
                progress(
                  `${family}: ${dataset} seed ${seed} ${run.seconds === null ? `not ≤ 0.2 within ${RECOGNISABLE_CAP_SECONDS} s` : `≤ 0.2 after ${run.seconds.toFixed(1)} s`} ` +
                    `(last score ${run.lastScore.normalised.toFixed(3)} at step ${run.lastScore.step})`,
                );
              }
              entry.recognisable[dataset] = { seeds: RECOGNISABLE_SEEDS, seconds };
            }
          }
        } catch (error) {
          slot.error = (error as Error).message;
          progress(`${family} on ${backend}: failed: ${slot.error}`);
        } finally {
          await page?.close();
        }
      }
    }
    if (!skip.has("compare")) {
      result.comparison = [];
      for (const dataset of COMPARE_DATASETS) {
        progress(`the comparison page on ${dataset} (${COMPARE_BUDGET_SECONDS} s per family)`);
        try {
          const run = await measureComparison(browser, server.origin, {
            dataset,
            seed: 1,
            budgetSeconds: COMPARE_BUDGET_SECONDS,
            backend: defaultBackend,
            families,
          });
          result.comparison.push(run);
        } catch (error) {
          progress(`the comparison on ${dataset} failed: ${(error as Error).message}`);
        }
      }
    }
    if (!skip.has("lighthouse")) {
      progress("Lighthouse (mobile)");
      try {
        result.lighthouse = await runLighthouse(`${server.origin}${ARTICLE_PATH}`);
      } catch (error) {
        result.lighthouse = { error: (error as Error).message };
      }
    }
    if (!skip.has("family-soak")) {
      const minutes = Number(args["family-soak-minutes"]);
      result.familySoak = { minutes, families: {} };
      for (const family of families) {
        progress(`family soak: ${family} alone on its embed page for ${minutes} min`);
        try {
          const soak = await measureFamilySoak(browser, server.origin, family, minutes * 60, progress);
          result.familySoak.families[family] = soak;
          const s = soak.summary;
          progress(
            `${family} soak: tensors ${s.tensors.start} → ${s.tensors.end}, heap +${(s.heap.total / 1024).toFixed(0)} KB, ` +
              `steps/s ${s.speed.first.toFixed(1)} → ${s.speed.last.toFixed(1)}: ${s.pass ? "pass" : "miss"}`,
          );
        } catch (error) {
          result.familySoak.families[family] = { error: (error as Error).message };
          progress(`${family} soak failed: ${(error as Error).message}`);
        }
      }
    }
    if (!skip.has("soak")) {
      // The soak counts tensors and bytes, not time: the Node trainings (timed in processor time) run beside it.
      progress(
        `soak: every demo training at once for ${args.soak} s (memory, long tasks, input latency)${nodeCurves ? ", Node trainings beside it" : ""}`,
      );
      nodeCurves?.setJobs(Number(args.jobs));
      result.soak = await measureSoak(browser, server.origin, Number(args.soak));
    }
  } finally {
    await browser.close();
    await server.close();
  }
  if (nodeCurves) {
    progress(`${nodeTasks.length} trainings in Node (WASM), ${args.jobs} at a time`);
    nodeCurves.setJobs(Number(args.jobs));
    const curves = await nodeCurves.done;
    curves.forEach((curve, i) => {
      const entry = result.families[curve.family]!;
      if (nodeTasks[i]!.part === "node") (entry.node ??= {})[curve.dataset] = curve;
      else ((entry.datasets ??= {})[curve.dataset] ??= []).push(curve);
    });
  }
  result.finishedAt = new Date().toISOString();
  const files = writeReport(args.merge === "yes" ? mergeSaved(result, out) : result, out);
  progress(`wrote ${files.join(", ")}`);
  return 0;
}

runIfMain(import.meta.url, main);
