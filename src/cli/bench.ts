/**
 * `npm run bench`: builds the site, serves it on localhost, drives headless Chromium and Node, and writes
 * `benchmarks.json` and `benchmarks.md` (with SVG figures) to `--out` (default `docs/`; `bench-results/` for a
 * partial run). See `npm run bench -- --help` for the options, and docs/benchmarks.md for what is measured.
 */
import { spawnSync } from "node:child_process";
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
  openBare,
  type OpenBare,
  measureRecognisable,
  measureTraining,
  openDemo,
  measurePageWeight,
  spread,
} from "./bench/browser-bench.ts";
import { measureSoak } from "./bench/all-demos-soak.ts";
import { chineseFonts } from "./bench/chinese-fonts.ts";
import { measureFamilySoak } from "./bench/family-soak.ts";
import { workerTimeText } from "./bench/worker-time.ts";
import { measureComparison } from "./bench/compare-bench.ts";
import { runLighthouse } from "./bench/lighthouse.ts";
import { runNodeTasks, type NodeTask } from "./bench/node-pool.ts";
import { mergeResults, writeReport, type BackendResult, type BenchResult, type FamilyResult } from "./bench/report.ts";
import type { Browser, Page } from "playwright-core";
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
/**
 * Parts left out of the default run (it must stay short: the 54 time-to-recognisable sessions alone take about ten
 * minutes here): run them with --only, and --merge yes to keep the rest of the report.
 */
const LONG_PARTS: readonly Part[] = ["compare", "family-soak", "datasets"];
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
  { name: "seconds", help: "seconds each demo trains while measured", parse: integer(8, 600), default: 12 },
  { name: "soak", help: "seconds of the memory soak (every demo training)", parse: integer(10, 3600), default: 120 },
  {
    name: "family-soak-minutes",
    help: "minutes each family's demo trains alone in the family soak (part family-soak, run with --only)",
    parse: integer(1, 120),
    default: 10,
  },
  {
    name: "only",
    help: `parts to run, comma-separated (${LONG_PARTS.join(", ")} run only when named here): ${PARTS.join(", ")}`,
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

/** What one run measures, read from its flags. */
interface BenchPlan {
  families: FamilyId[];
  backendChoice: "picked" | "both" | BackendName;
  skip: Set<Part>;
  out: string;
  /** Seconds each demo trains while measured, and the measurement windows per speed figure. */
  seconds: number;
  runs: number;
  soakSeconds: number;
  familySoakMinutes: number;
  jobs: number;
  seeds: number[];
  merge: boolean;
}

function planOf(args: Record<string, unknown>, only: Part[] | undefined): BenchPlan {
  const skip = new Set<Part>(
    only ? PARTS.filter((p) => !only.includes(p)) : [...LONG_PARTS, ...((args.skip as Part[] | undefined) ?? [])],
  );
  const backendChoice = args.backend as BenchPlan["backendChoice"];
  const partial =
    args.family !== undefined || backendChoice !== "picked" || only !== undefined || args.skip !== undefined;
  return {
    families: (args.family as FamilyId[] | undefined) ?? [...FAMILY_IDS],
    backendChoice,
    skip,
    out: String(args.out ?? (partial ? "bench-results" : "docs")),
    seconds: Number(args.seconds),
    runs: Number(args.runs),
    soakSeconds: Number(args.soak),
    familySoakMinutes: Number(args["family-soak-minutes"]),
    jobs: Number(args.jobs),
    seeds: args.seeds as number[],
    merge: args.merge === "yes",
  };
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
  const only = args.only as Part[] | undefined;
  if (only && args.skip) return usageError("--only and --skip: give one of them");
  const plan = planOf(args, only);
  if (args["report-only"] === "yes") {
    const saved = JSON.parse(readFileSync(path.join(plan.out, "benchmarks.json"), "utf8")) as BenchResult;
    progress(`wrote ${writeReport(saved, plan.out).join(", ")}`);
    return 0;
  }
  if (args["no-build"] !== "yes") buildSite();
  const dist = path.resolve("dist");
  if (!existsSync(path.join(dist, BARE_PATH, "index.html"))) {
    throw new Error(`dist/ has no ${BARE_PATH}: build it with BENCH_PAGES=1 npm run build, or leave out --no-build`);
  }

  const server = await serveStatic(dist, "/");
  const browser = await launchChromium(["--enable-precise-memory-info", "--js-flags=--expose-gc"]);
  const result = emptyResult(argv, browser, plan);
  if (result.machine.chineseFonts?.length === 0) {
    progress("no font draws Chinese here: the article's text costs about twice as much to lay out as a reader's");
  }
  try {
    await measureInBrowser(browser, server.origin, plan, result);
  } finally {
    await browser.close();
    await server.close();
  }
  await measureInNode(plan, result);
  result.finishedAt = new Date().toISOString();
  const files = writeReport(plan.merge ? mergeSaved(result, plan.out) : result, plan.out);
  progress(`wrote ${files.join(", ")}`);
  return 0;
}

function buildSite(): void {
  progress("building the site with its bench pages (BENCH_PAGES=1 npm run build)");
  const build = spawnSync("npm", ["run", "build"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, BENCH_PAGES: "1" },
  });
  if (build.status !== 0) throw new Error("the build failed");
}

function emptyResult(argv: readonly string[], browser: Browser, plan: BenchPlan): BenchResult {
  return {
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
      chineseFonts: chineseFonts(),
    },
    defaultBackend: "",
    durations: {
      demo: plan.seconds,
      otherBackend: Math.min(plan.seconds, OTHER_BACKEND_SECONDS),
      recognisableCap: RECOGNISABLE_CAP_SECONDS,
    },
    families: {},
  };
}

/** Every browser part of the run, in order, into `result`. */
async function measureInBrowser(browser: Browser, origin: string, plan: BenchPlan, result: BenchResult) {
  const { skip, families } = plan;
  if (!skip.has("page")) {
    progress("page weight");
    result.page = await measurePageWeight(browser, origin);
  }
  const defaultBackend = await backendPickedHere(browser, origin, families[0]!);
  result.defaultBackend = defaultBackend;
  progress(`the demos pick ${defaultBackend} by default here`);
  const backends: BackendName[] =
    plan.backendChoice === "both"
      ? ["wasm", "webgl"]
      : [plan.backendChoice === "picked" ? defaultBackend : plan.backendChoice];
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
      const recognisable = backend === defaultBackend && !skip.has("recognisable");
      await measureFamilyOn(browser, origin, family, backend, plan, slot, recognisable ? entry : null, result);
    }
  }
  if (!skip.has("compare")) result.comparison = await measureComparisons(browser, origin, families, defaultBackend);
  if (!skip.has("lighthouse")) {
    progress("Lighthouse (mobile)");
    try {
      result.lighthouse = await runLighthouse(`${origin}${ARTICLE_PATH}`);
    } catch (error) {
      result.lighthouse = { error: (error as Error).message };
    }
  }
  if (!skip.has("family-soak")) result.familySoak = await measureFamilySoaks(browser, origin, plan, defaultBackend);
  if (!skip.has("soak")) {
    // Alone: the soak times long tasks and input latency, which a Node training beside it would lengthen.
    progress(`soak: every demo training at once for ${plan.soakSeconds} s (memory, long tasks, input latency)`);
    result.soak = await measureSoak(browser, origin, plan.soakSeconds);
  }
}

/** The backend the first family's demo picks by itself here: the backend of "time to recognisable samples". */
async function backendPickedHere(browser: Browser, origin: string, family: FamilyId): Promise<BackendName> {
  const page = await browser.newPage();
  try {
    await page.goto(`${origin}${ARTICLE_PATH}#demo-${family}`);
    await page.locator(`#demo-${family} gen-demo`).scrollIntoViewIfNeeded();
    await page.waitForFunction(
      (f) => document.querySelector(`#demo-${f} gen-demo`)?.getAttribute("data-demo-state") === "ready",
      family,
      { timeout: 120_000 },
    );
    return (
      (await page.locator(`#demo-${family} gen-demo`).getAttribute("data-demo-backend")) ?? ""
    ).toLowerCase() as BackendName;
  } finally {
    await page.close();
  }
}

/**
 * One family on one backend: the bare loop, the demo in the article, and (with `recognisableInto`, on the backend
 * the demos pick) the time to recognisable samples at every seed on both datasets, on the same page.
 */
async function measureFamilyOn(
  browser: Browser,
  origin: string,
  family: FamilyId,
  backend: BackendName,
  plan: BenchPlan,
  slot: BackendResult,
  recognisableInto: FamilyResult | null,
  result: BenchResult,
): Promise<void> {
  // The backend readers get here is watched for the full time; the other one for a shorter stretch.
  const trainSeconds = backend === result.defaultBackend ? plan.seconds : Math.min(plan.seconds, OTHER_BACKEND_SECONDS);
  let page: Page | null = null;
  let bare: OpenBare | null = null;
  try {
    progress(`${family} on ${backend}: bare loop`);
    // Its model stays for windows between the demo's: the machine's speed drifts by more than the demo's overhead
    // over the minute this takes, so each demo window is read against the bare window right after it.
    const opened = await openBare(browser, origin, family, backend, 1);
    bare = opened;
    if (backend === "webgl") result.machine.webglRenderer ??= opened.result.renderer;
    progress(`${family} on ${backend}: demo in the article (${trainSeconds} s), the bare loop between its windows`);
    page = await openDemo(browser, origin, family, backend, "8gaussians");
    const demo = await measureTraining(page, family, {
      seconds: trainSeconds,
      windows: plan.runs,
      bareWindow: opened.window,
    });
    await opened.close();
    bare = null;
    const paired = demo.bareAfterEach ?? [];
    const ratios = demo.stepsPerSecond.runs.map((rate, i) => rate / paired[i]!);
    const overhead = spread(ratios).median;
    slot.bare = { ...opened.result, stepsPerSecond: spread(paired) };
    slot.demo = demo;
    slot.overhead = overhead;
    progress(
      `${family} on ${backend}: ${demo.stepsPerSecond.median.toFixed(1)} steps/s in the demo, ` +
        `${slot.bare.stepsPerSecond.median.toFixed(1)} bare (ratio ${overhead.toFixed(2)}, ` +
        `window by window ${ratios.map((r) => r.toFixed(2)).join(", ")}), ` +
        `${demo.longTasks.count} long tasks (longest ${demo.longTasks.longestMs.toFixed(0)} ms), ` +
        (demo.workerTime ? `worker: ${workerTimeText(demo.workerTime)}, ` : "") +
        `tensors ${demo.memory.start.numTensors} → ${demo.memory.end.numTensors}`,
    );
    if (!recognisableInto) return;
    // On the same page, from a fresh model each time (the dataset chosen in the settings, or Reset).
    for (const dataset of ["8gaussians", "moons"] as const) {
      const seconds: (number | null)[] = [];
      for (const seed of RECOGNISABLE_SEEDS) {
        const run = await measureRecognisable(page, family, dataset, seed, RECOGNISABLE_CAP_SECONDS);
        seconds.push(run.seconds);
        const reached =
          run.seconds === null
            ? `not ≤ 0.2 within ${RECOGNISABLE_CAP_SECONDS} s`
            : `≤ 0.2 after ${run.seconds.toFixed(1)} s`;
        progress(
          `${family}: ${dataset} seed ${seed} ${reached} ` +
            `(last score ${run.lastScore.normalised.toFixed(3)} at step ${run.lastScore.step})`,
        );
      }
      recognisableInto.recognisable[dataset] = { seeds: RECOGNISABLE_SEEDS, seconds };
    }
  } catch (error) {
    slot.error = (error as Error).message;
    progress(`${family} on ${backend}: failed: ${slot.error}`);
  } finally {
    await bare?.close();
    await page?.close();
  }
}

/** One full run of the comparison page per dataset of COMPARE_DATASETS (a failed one is left out, and said). */
async function measureComparisons(
  browser: Browser,
  origin: string,
  families: FamilyId[],
  backend: BackendName,
): Promise<NonNullable<BenchResult["comparison"]>> {
  const runs: NonNullable<BenchResult["comparison"]> = [];
  for (const dataset of COMPARE_DATASETS) {
    progress(`the comparison page on ${dataset} (${COMPARE_BUDGET_SECONDS} s per family)`);
    try {
      runs.push(
        await measureComparison(browser, origin, {
          dataset,
          seed: 1,
          budgetSeconds: COMPARE_BUDGET_SECONDS,
          backend,
          families,
        }),
      );
    } catch (error) {
      progress(`the comparison on ${dataset} failed: ${(error as Error).message}`);
    }
  }
  return runs;
}

/**
 * Each family's demo alone on its embed page for the soak's minutes, with its bare loop on `backend` (the one the
 * demos pick here) on a page of its own, kept open: timed just before and just after the soak, and after each of
 * the demo's windows while the demo waits, so that each window is read against the machine's speed of that minute.
 */
async function measureFamilySoaks(
  browser: Browser,
  origin: string,
  plan: BenchPlan,
  backend: BackendName,
): Promise<NonNullable<BenchResult["familySoak"]>> {
  const minutes = plan.familySoakMinutes;
  const soaks: NonNullable<BenchResult["familySoak"]> = { minutes, families: {} };
  for (const family of plan.families) {
    progress(`family soak: ${family} alone on its embed page for ${minutes} min`);
    let bare: OpenBare | null = null;
    try {
      const opened = await openBare(browser, origin, family, backend, 1);
      bare = opened;
      const bareSpeed = async (windows: number) => {
        const rates: number[] = [];
        for (let i = 0; i < windows; i++) rates.push(await opened.window());
        return spread(rates).median;
      };
      const soak = await measureFamilySoak(browser, origin, family, minutes * 60, progress, bareSpeed);
      soaks.families[family] = soak;
      const s = soak.summary;
      progress(
        `${family} soak: tensors ${s.tensors.start} → ${s.tensors.end}, ` +
          `heap ${s.heap.total >= 0 ? "+" : ""}${(s.heap.total / 1024).toFixed(0)} KB, ` +
          `steps/s ${s.speed.first.toFixed(1)} → ${s.speed.last.toFixed(1)}` +
          (s.machine ? ` (bare loop ${s.machine.before.toFixed(1)} → ${s.machine.after.toFixed(1)})` : "") +
          (s.paired ? `, demo ÷ bare ${s.paired.first.ratio.toFixed(2)} → ${s.paired.last.ratio.toFixed(2)}` : "") +
          `: ${s.pass ? "pass" : "miss"}`,
      );
    } catch (error) {
      soaks.families[family] = { error: (error as Error).message };
      progress(`${family} soak failed: ${(error as Error).message}`);
    } finally {
      await bare?.close();
    }
  }
  return soaks;
}

/** The Node parts, after the browser: the curves (seed 1) and the family × dataset table (every seed). */
async function measureInNode(plan: BenchPlan, result: BenchResult): Promise<void> {
  const curveTasks: NodeTask[] = plan.skip.has("node")
    ? []
    : plan.families.flatMap((family) =>
        NODE_DATASETS.map((dataset) => ({ family, dataset, seed: 1, part: "node" as const })),
      );
  const datasetTasks: NodeTask[] = plan.skip.has("datasets")
    ? []
    : plan.families.flatMap((family) =>
        DATASET_NAMES.flatMap((dataset) =>
          plan.seeds.map((seed) => ({
            family,
            dataset,
            seed,
            part: "datasets" as const,
            checkpoints: DATASETS_CHECKPOINTS,
          })),
        ),
      );
  const tasks = [...curveTasks, ...datasetTasks];
  if (tasks.length === 0) return;
  progress(`${tasks.length} trainings in Node (WASM), ${plan.jobs} at a time`);
  const curves = await runNodeTasks(tasks, plan.jobs, (task, curve, finished) =>
    progress(
      `node ${finished}/${tasks.length}: ${task.family} on ${task.dataset}, seed ${task.seed}: ` +
        `${curve.points.at(-1)?.normalised.toFixed(3)} after ${curve.budget} steps, ` +
        (curve.reached ? `≤ 0.2 at step ${curve.reached.step} (${curve.reached.seconds.toFixed(1)} s)` : "never ≤ 0.2"),
    ),
  );
  curves.forEach((curve, i) => {
    const entry = result.families[curve.family]!;
    if (tasks[i]!.part === "node") (entry.node ??= {})[curve.dataset] = curve;
    else ((entry.datasets ??= {})[curve.dataset] ??= []).push(curve);
  });
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

runIfMain(import.meta.url, main);
