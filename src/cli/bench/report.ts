/**
 * The benchmark's report: `benchmarks.json` (everything measured), `benchmarks.md` (tables, targets met or
 * missed, figures) and the figures as SVG in `bench/`. A hand-written `benchmarks-notes.md` beside it, when
 * present, is included as is: why a target is missed, and the before/after of each optimisation.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { BackendName } from "../../lab/backend-names.ts";
import type { BareResult, DemoResult, PageWeight } from "./browser-bench.ts";
import type { SoakResult } from "./all-demos-soak.ts";
import type { FamilySoakResult } from "./family-soak.ts";
import type { LighthouseResult } from "./lighthouse.ts";
import type { WorkerTime } from "./worker-time.ts";
import { CHECKPOINTS, QUALITY_TARGET, type QualityCurve } from "./node-quality.ts";
import { barChartSvg, lineChartSvg } from "./svg-charts.ts";
import { FAMILY_SPECS } from "../../models/specs.ts";
import type { FamilyId } from "../../models/ids.ts";
import type { FamilySpec } from "../../models/types.ts";
import type { DatasetName } from "../../lab/dataset-names.ts";
import { fmt, kb, mark, table } from "./markdown.ts";
import { chineseFontsLine, mergedFontsNote } from "./chinese-fonts.ts";
import { familySoakLines, responsivenessLines, windowPhrase } from "./soak-report.ts";

export interface BackendResult {
  bare?: BareResult;
  demo?: DemoResult;
  /** Demo steps/s over bare-loop steps/s (target ≥ 0.9). */
  overhead?: number;
  error?: string;
}

/** Time to recognisable at several seeds: seconds for each seed, null where it was not reached within the cap. */
export interface RecognisableRuns {
  seeds: number[];
  seconds: (number | null)[];
}

/** A family's time to recognisable on one dataset: runs at several seeds, or (older reports) one number. */
export type Recognisable = RecognisableRuns | number | null;

/** Seconds per seed, whichever shape the report holds. */
export function recognisableRuns(value: Recognisable | undefined): (number | null)[] {
  if (value === undefined) return [];
  if (value === null || typeof value === "number") return [value];
  return value.seconds;
}

/**
 * The median of runs where a run not reached counts as longer than any reached: null when the median run was
 * not reached.
 */
export function recognisableMedian(runs: readonly (number | null)[]): number | null {
  if (runs.length === 0) return null;
  const sorted = [...runs].sort((a, b) => (a ?? Infinity) - (b ?? Infinity));
  const mid = sorted.length >> 1;
  if (sorted.length % 2) return sorted[mid] ?? null;
  const [a, b] = [sorted[mid - 1], sorted[mid]];
  return a === null || b === null || a === undefined || b === undefined ? null : (a + b) / 2;
}

/** "2.3 s (2.1–2.6)": the median and the spread of the runs; "–" marks a run not reached. */
function recognisableText(value: Recognisable | undefined): string {
  const runs = recognisableRuns(value);
  if (runs.length === 0) return "–";
  const median = `${fmt(recognisableMedian(runs))} s`;
  if (runs.length === 1) return median;
  return `${median} (${runs.map((r) => fmt(r)).join(", ")})`;
}

/** One full run of the comparison page (/compare/) on one dataset: its table as the page exports it (CSV). */
export interface ComparisonResult {
  dataset: string;
  seed: number;
  budgetSeconds: number;
  backend: string;
  /** Main-thread tasks over 50 ms from the click on start to the end of the run. */
  longTasks?: { count: number; longestMs: number };
  /** The CSV's header and rows, as exported by the page. */
  columns: string[];
  rows: string[][];
}

export interface FamilyResult {
  title: string;
  defaultSteps: number;
  batchSize: number;
  backends: Partial<Record<BackendName, BackendResult>>;
  /** Seconds from Train to a score ≤ 0.2 in the browser, with the backend the demo picks, at seeds 1–3. */
  recognisable: Partial<Record<"8gaussians" | "moons", Recognisable>>;
  /** Seed 1 on 8gaussians and moons, scored at checkpoints: the default run's time to quality in Node. */
  node?: Record<string, QualityCurve>;
  /** Every dataset at several seeds, at the default budget (the part "datasets", not in the default run). */
  datasets?: Record<string, QualityCurve[]>;
}

export interface BenchResult {
  startedAt: string;
  finishedAt: string;
  command: string;
  machine: {
    cpu: string;
    cores: number;
    memoryGiB: number;
    os: string;
    node: string;
    chromium: string;
    webglRenderer: string | null;
    /** The fonts that draw Chinese (see chinese-fonts.ts): absent in older reports, null where not known. */
    chineseFonts?: string[] | null;
  };
  /** The backend the demos choose by themselves on this machine. */
  defaultBackend: string;
  /** How long each part ran, in seconds. */
  durations: { demo: number; otherBackend: number; recognisableCap: number };
  families: Record<string, FamilyResult>;
  soak?: SoakResult;
  /** Each family's demo training alone for minutes (part family-soak, not in the default run). */
  familySoak?: { minutes: number; families: Record<string, FamilySoakResult | { error: string }> };
  /**
   * Runs merged into this report after it (`--merge yes`): their commands, when they finished, and the fonts that
   * drew Chinese in each (absent in runs from before that was recorded).
   */
  mergedRuns?: { command: string; finishedAt: string; chineseFonts?: string[] | null }[];
  page?: PageWeight;
  lighthouse?: LighthouseResult | { error: string };
  /** The comparison page, one full run per dataset. */
  comparison?: ComparisonResult[];
}

export const TARGETS = {
  overhead: 0.9,
  /** The score every family must reach at its default budget on 8gaussians and moons, at every seed. */
  budgetScore: 0.15,
  longTaskMs: 50,
  recognisableSeconds: 5,
  budgetSteps: 5000,
  initialJsGzip: 30 * 1024,
} as const;

function atBudget(curve: QualityCurve | undefined): number | null {
  return curve?.points.at(-1)?.normalised ?? null;
}

/** The scores at the default budget on `dataset`, one per seed: the part "datasets" if run, else seed 1's curve. */
function budgetScores(f: FamilyResult, dataset: string): number[] {
  const curves = f.datasets?.[dataset] ?? (f.node?.[dataset] ? [f.node[dataset]] : []);
  return curves.map(atBudget).filter((v): v is number => v !== null);
}

/** The worst (highest) score of several seeds, or null with none. */
function worst(scores: readonly number[]): number | null {
  return scores.length ? Math.max(...scores) : null;
}

/** "0.120 (0.100–0.150)": the median score over seeds and their range; "–" with none. */
function seedsText(scores: readonly number[]): string {
  if (scores.length === 0) return "–";
  const sorted = [...scores].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  if (sorted.length === 1) return fmt(median, 3);
  return `${fmt(median, 3)} (${fmt(sorted[0], 3)}–${fmt(sorted.at(-1), 3)})`;
}

/**
 * The family × dataset curves of two runs, dataset by dataset and seed by seed: a later run's seed replaces the
 * same seed saved, the other seeds stay (so seeds 2 and 3 can be run after seed 1).
 */
function mergeDatasetSeeds(
  saved: Record<string, QualityCurve[]>,
  later: Record<string, QualityCurve[]>,
): Record<string, QualityCurve[]> {
  const merged = { ...saved };
  for (const [dataset, curves] of Object.entries(later)) {
    const bySeed = new Map((saved[dataset] ?? []).map((c) => [c.seed ?? 1, c]));
    for (const c of curves) bySeed.set(c.seed ?? 1, c);
    merged[dataset] = [...bySeed.entries()].sort(([a], [b]) => a - b).map(([, c]) => c);
  }
  return merged;
}

/**
 * A later, partial run laid over a saved report: the parts it measured replace the saved ones, each family's
 * figures merge backend by backend, and the rest stays; the header stays the saved run's, the later command is
 * listed in `mergedRuns`.
 */
export function mergeResults(saved: BenchResult, later: BenchResult): BenchResult {
  const families: Record<string, FamilyResult> = { ...saved.families };
  for (const [id, f] of Object.entries(later.families)) {
    const old = families[id];
    families[id] = old
      ? {
          ...old,
          // What the spec says now (a later run may follow a change of budget); the measurements merge below.
          title: f.title,
          defaultSteps: f.defaultSteps,
          batchSize: f.batchSize,
          backends: { ...old.backends, ...f.backends },
          recognisable: { ...old.recognisable, ...f.recognisable },
          ...(f.node ? { node: f.node } : {}),
          ...(f.datasets ? { datasets: mergeDatasetSeeds(old.datasets ?? {}, f.datasets) } : {}),
        }
      : f;
  }
  const familySoak =
    later.familySoak && saved.familySoak
      ? { ...later.familySoak, families: { ...saved.familySoak.families, ...later.familySoak.families } }
      : (later.familySoak ?? saved.familySoak);
  const merged: BenchResult = {
    ...saved,
    families,
    mergedRuns: [
      ...(saved.mergedRuns ?? []),
      {
        command: later.command,
        finishedAt: later.finishedAt,
        ...(later.machine.chineseFonts !== undefined ? { chineseFonts: later.machine.chineseFonts } : {}),
      },
    ],
  };
  if (familySoak) merged.familySoak = familySoak;
  for (const part of ["soak", "page", "lighthouse", "comparison"] as const) {
    if (later[part] !== undefined) (merged as unknown as Record<string, unknown>)[part] = later[part];
  }
  return merged;
}

/**
 * The family × dataset table of the part "datasets": each family's score at its default budget on every dataset,
 * the median over seeds and their range, marked where every seed reaches 0.2.
 */
function datasetLines(families: [string, FamilyResult][]): string[] {
  const withData = families.filter(([, f]) => f.datasets && Object.keys(f.datasets).length);
  if (withData.length === 0) return [];
  const datasets = [...new Set(withData.flatMap(([, f]) => Object.keys(f.datasets!)))];
  const seeds = [
    ...new Set(
      withData.flatMap(([, f]) =>
        Object.values(f.datasets!)
          .flat()
          .map((c) => c.seed ?? 1),
      ),
    ),
  ];
  let pairs = 0;
  let learnt = 0;
  const measured: MeasuredPair[] = [];
  const rows = withData.map(([id, f]) => [
    id,
    String(f.defaultSteps),
    ...datasets.map((d) => {
      const scores = (f.datasets![d] ?? []).map(atBudget).filter((v): v is number => v !== null);
      if (scores.length === 0) return "–";
      const ok = scores.every((v) => v <= QUALITY_TARGET);
      pairs++;
      if (ok) learnt++;
      measured.push({ family: id, dataset: d, learnt: ok });
      return `${mark(ok)} ${seedsText(scores)}${declaredHard(id, d) ? " ‡" : ""}`;
    }),
  ]);
  const { undeclared, stale } = checkHardDatasets(measured, declaredHard);
  const pairList = (list: MeasuredPair[]) => list.map((p) => `${p.family} on ${p.dataset}`).join(", ") || "none";
  return [
    "## Every dataset at the default budget (Node, WASM)",
    "",
    `Each family with its default settings, trained for its default budget on every dataset at seeds ${seeds.sort((a, b) => a - b).join(", ")}, scored with 10,000 samples: the median over seeds (lowest–highest). ✅: every seed ≤ ${QUALITY_TARGET}. ${learnt} of ${pairs} family × dataset pairs are learnt at every seed. ‡: the family's spec declares the dataset hard (\`hardDatasets\`), and its demo says so, with why, when the dataset is picked.`,
    "",
    table(["family", "budget (steps)", ...datasets], rows),
    "",
    `Not learnt, and the demo does not say so: ${pairList(undeclared)}. Declared hard, yet learnt at every seed: ${pairList(stale)}.`,
    "",
  ];
}

/** One family × dataset pair of the table: learnt when every seed reached 0.2 at the default budget. */
export interface MeasuredPair {
  family: string;
  dataset: string;
  learnt: boolean;
}

/** Whether the family's spec declares the dataset hard (its demo then says so when it is picked). */
function declaredHard(family: string, dataset: string): boolean {
  const spec = FAMILY_SPECS[family as FamilyId] as FamilySpec | undefined;
  return Boolean(spec?.hardDatasets?.[dataset as DatasetName]);
}

/**
 * The measured pairs against the specs' `hardDatasets`: pairs not learnt that no spec declares (the demo would stay
 * silent), and pairs declared hard that every seed learnt (the demo would warn of nothing).
 */
export function checkHardDatasets(
  measured: readonly MeasuredPair[],
  isDeclared: (family: string, dataset: string) => boolean,
): { undeclared: MeasuredPair[]; stale: MeasuredPair[] } {
  return {
    undeclared: measured.filter((p) => !p.learnt && !isDeclared(p.family, p.dataset)),
    stale: measured.filter((p) => p.learnt && isDeclared(p.family, p.dataset)),
  };
}

/** Writes the report files into `outDir`; returns their paths. */
export function writeReport(result: BenchResult, outDir: string): string[] {
  mkdirSync(path.join(outDir, "bench"), { recursive: true });
  const files: string[] = [];
  const write = (name: string, text: string) => {
    const file = path.join(outDir, name);
    writeFileSync(file, text);
    files.push(file);
  };
  write("benchmarks.json", `${JSON.stringify(result, null, 2)}\n`);

  const families = Object.entries(result.families);
  const figures: string[] = [];
  for (const dataset of ["8gaussians", "moons", "checkerboard"]) {
    const series = families
      .filter(([, f]) => f.node?.[dataset])
      .map(([id, f]) => ({
        label: id,
        points: f.node![dataset]!.points.map((p) => [p.step, p.normalised] as const),
      }));
    if (series.length === 0) continue;
    const name = `bench/quality-${dataset}.svg`;
    write(
      name,
      lineChartSvg({
        title: `Normalised quality score on ${dataset} (Node, WASM, 10,000 samples)`,
        xLabel: "training steps",
        yLabel: "normalised score (0 = as good as data)",
        series,
        yDomain: [0, 1.5],
        reference: { y: QUALITY_TARGET, label: `target ${QUALITY_TARGET}` },
      }),
    );
    figures.push(`![Quality against steps on ${dataset}](${name})`);
  }
  const keys: [BackendName, "demo" | "bare", string][] = [
    ["wasm", "demo", "WASM, demo"],
    ["wasm", "bare", "WASM, bare loop"],
    ["webgl", "demo", "WebGL, demo"],
    ["webgl", "bare", "WebGL, bare loop"],
  ];
  const speedGroups = families.map(([id, f]) => ({
    label: id,
    values: keys.map(([b, kind]) => {
      const slot = f.backends[b];
      return kind === "demo" ? (slot?.demo?.stepsPerSecond.median ?? NaN) : (slot?.bare?.stepsPerSecond.median ?? NaN);
    }),
  }));
  if (speedGroups.some((g) => g.values.some(Number.isFinite))) {
    write(
      "bench/speed.svg",
      barChartSvg({
        title: "Training speed in headless Chromium (median steps/s)",
        yLabel: "steps per second",
        keys: keys.map((k) => k[2]),
        groups: speedGroups,
      }),
    );
    figures.push("![Training speed per family and backend](bench/speed.svg)");
  }

  const m = result.machine;
  const lines: string[] = [
    "# Benchmarks",
    "",
    "Generated by `npm run bench`; do not edit by hand (notes go in `benchmarks-notes.md`, included below).",
    "",
    `- Run: ${result.startedAt} → ${result.finishedAt}, \`${result.command}\``,
    ...(result.mergedRuns ?? []).map(
      (r) => `- Merged in: \`${r.command}\`, finished ${r.finishedAt}${mergedFontsNote(r.chineseFonts)}`,
    ),
    `- Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.os}; Node ${m.node}`,
    `- Browser: headless Chromium ${m.chromium}; WebGL renderer: ${m.webglRenderer ?? "not measured"}`,
    ...chineseFontsLine(m.chineseFonts),
    `- The demos choose **${result.defaultBackend || "?"}** by themselves here (an automatic choice passes over software-rendered WebGL).`,
    "",
  ];

  // Targets
  const rowsTargets: string[][] = [];
  for (const [id, f] of families) {
    const slots = Object.entries(f.backends) as [BackendName, BackendResult][];
    // Judged on the backend the demos pick here, which is what readers on this machine get; the other backend's
    // figure follows in brackets (here it is software WebGL, which no demo picks by itself).
    const picked = f.backends[result.defaultBackend as BackendName];
    const others = slots.filter(([b]) => b !== result.defaultBackend);
    const overheadOk = picked?.overhead === undefined ? null : picked.overhead >= TARGETS.overhead;
    const longOk = picked?.demo ? picked.demo.longTasks.longestMs <= TARGETS.longTaskMs : null;
    const overheadCell = [
      `${mark(overheadOk)} ${fmt(picked?.overhead, 2)}`,
      ...others.filter(([, s]) => s.overhead !== undefined).map(([b, s]) => `(${b} ${fmt(s.overhead, 2)})`),
    ].join(" ");
    const longCell = [
      `${mark(longOk)} ${picked?.demo ? `${fmt(picked.demo.longTasks.longestMs, 0)} ms` : "–"}`,
      ...others.filter(([, s]) => s.demo).map(([b, s]) => `(${b} ${fmt(s.demo!.longTasks.longestMs, 0)} ms)`),
    ].join(" ");
    const memoryOk = slots.every(([, s]) => !s.demo || s.demo.memory.end.numTensors === s.demo.memory.start.numTensors);
    const g8 = worst(budgetScores(f, "8gaussians"));
    const moons = worst(budgetScores(f, "moons"));
    const qualityOk = g8 === null || moons === null ? null : g8 <= TARGETS.budgetScore && moons <= TARGETS.budgetScore;
    const rec = [f.recognisable["8gaussians"], f.recognisable.moons];
    const medians = rec.map((r) => recognisableMedian(recognisableRuns(r)));
    const recOk =
      rec[0] === undefined && rec[1] === undefined
        ? null
        : medians.every((m) => m !== null && m <= TARGETS.recognisableSeconds);
    rowsTargets.push([
      id,
      overheadCell,
      longCell,
      mark(slots.length ? memoryOk : null),
      `${mark(qualityOk)} ${fmt(g8, 3)} / ${fmt(moons, 3)}`,
      `${mark(f.defaultSteps <= TARGETS.budgetSteps)} ${f.defaultSteps}`,
      `${mark(recOk)} ${fmt(medians[0])} s / ${fmt(medians[1])} s`,
    ]);
  }
  lines.push(
    "## Targets",
    "",
    table(
      [
        "family",
        "demo/bare ≥ 0.9 (picked backend; other)",
        "no long task > 50 ms, longest (picked backend; other)",
        "tensors flat",
        `≤ ${TARGETS.budgetScore} at budget, worst seed (8gaussians / moons)`,
        "budget ≤ 5000",
        `recognisable ≤ ${TARGETS.recognisableSeconds} s, median (8gaussians / moons)`,
      ],
      rowsTargets,
    ),
    "",
  );
  if (result.page) {
    const ok = result.page.initialJs.gzip <= TARGETS.initialJsGzip;
    lines.push(
      `Initial JavaScript of the article page: ${kb(result.page.initialJs.gzip)} gzip ${mark(ok)} (budget 30 KB).`,
      "",
    );
  }

  // Speed
  const speedRows: string[][] = [];
  for (const [id, f] of families) {
    for (const [backend, s] of Object.entries(f.backends) as [BackendName, BackendResult][]) {
      if (s.error) {
        speedRows.push([id, backend, `failed: ${s.error}`, "", "", "", "", "", "", ""]);
        continue;
      }
      const d = s.demo?.stepsPerSecond;
      const b = s.bare?.stepsPerSecond;
      speedRows.push([
        id,
        backend,
        fmt(s.bare?.firstStepMs, 0),
        d ? `${fmt(d.median)} (${fmt(d.min)}–${fmt(d.max)})` : "–",
        b ? `${fmt(b.median)} (${fmt(b.min)}–${fmt(b.max)})` : "–",
        fmt(s.overhead, 2),
        s.demo?.workerTime ? workerTimeCell(s.demo.workerTime) : "–",
        s.demo ? `${s.demo.longTasks.count} / ${fmt(s.demo.longTasks.longestMs, 0)} ms` : "–",
        s.demo ? `${s.demo.memory.start.numTensors} → ${s.demo.memory.end.numTensors}` : "–",
        s.bare ? fmt(s.bare.sample2000Ms.median, 0) : "–",
      ]);
    }
  }
  if (speedRows.length) {
    lines.push(
      "## Training in the browser",
      "",
      `Each demo trains on \`8gaussians\` in the article (the page's other demos hidden, so the worker holds this demo alone) while the page scrolls a little every half second: ${result.durations.demo} s on the backend the demos choose here (${result.defaultBackend}), ${result.durations.otherBackend} s on the other. Speed is measured in equal windows after a 4 s warm-up (median, min–max). The bare loop drives the same worker code with no demo element, no views and no drawing, on a page of its own, in 2 s windows between the demo's (the demo paused meanwhile): demo / bare is the median, window by window, of the demo's speed over the bare loop's right after it, so that the machine's drift over the minute this takes cancels out. Worker: of the demo's windows, the share of time its worker spent on views and on scores (each reply carries the worker's time on it), and the share it waited for the page; unlike demo / bare, these do not move with the machine's speed. First step: one step of a fresh model in the worker, shader compilation included. Long tasks: main-thread tasks over 50 ms while the demo trains. Tensors: after the warm-up and at the end.`,
      "",
      table(
        [
          "family",
          "backend",
          "first step (ms)",
          "demo steps/s",
          "bare steps/s",
          "demo / bare",
          "worker: views / scores / idle",
          "long tasks (count / longest)",
          "tensors start → end",
          "2,000 samples (ms)",
        ],
        speedRows,
      ),
      "",
    );
  }

  // Quality in Node
  const qualityRows = families
    .filter(([, f]) => f.node)
    .map(([id, f]) => [
      id,
      String(f.defaultSteps),
      fmt(f.node?.["8gaussians"]?.stepsPerSecond, 0),
      ...["8gaussians", "moons"].map((d) => {
        const c = f.node?.[d];
        if (!c) return "–";
        const reached = c.reached ? `step ${c.reached.step}, ${fmt(c.reached.seconds)} s` : "not reached";
        return `${fmt(atBudget(c), 3)} (≤ 0.2: ${reached})`;
      }),
    ]);
  if (qualityRows.length) {
    lines.push(
      "## Time to quality (Node, WASM)",
      "",
      `Seed 1, default settings, 10,000 samples scored at ${CHECKPOINTS} checkpoints; seconds count training only, as processor time (two runs at a time, after the browser parts). The score at the default budget, and the first checkpoint at or below 0.2.`,
      "",
      table(["family", "budget (steps)", "steps/s", "8gaussians", "moons"], qualityRows),
      "",
    );
  }
  lines.push(...datasetLines(families));
  const recRows = families
    .filter(([, f]) => Object.keys(f.recognisable).length)
    .map(([id, f]) => [id, recognisableText(f.recognisable["8gaussians"]), recognisableText(f.recognisable.moons)]);
  if (recRows.length) {
    lines.push(
      "## Time to recognisable samples in the browser",
      "",
      `Seconds from clicking Train to the first 10,000-sample score ≤ 0.2, with the backend the demo picks by itself (${result.defaultBackend}), at seeds 1, 2 and 3 (the median, then each seed's); the benchmark's own scoring calls (every second) are not counted. "–": not reached within ${result.durations.recognisableCap} s.`,
      "",
      table(["family", "8gaussians", "moons"], recRows),
      "",
    );
  }
  for (const c of result.comparison ?? []) {
    lines.push(
      `## The comparison page: ${c.dataset}`,
      "",
      `One full run of /compare/ (every family with its default settings, ${c.budgetSeconds} s of training each, seed ${c.seed}, ${c.backend}), its table as the page exports it. Empty: the family has no such number.` +
        (c.longTasks
          ? ` Main-thread tasks over 50 ms during the run: ${c.longTasks.count} (longest ${fmt(c.longTasks.longestMs, 0)} ms).`
          : ""),
      "",
      table(c.columns, c.rows),
      "",
    );
  }
  if (figures.length) lines.push("## Figures", "", ...figures.flatMap((f) => [f, ""]));

  if (result.soak) {
    const s = result.soak;
    lines.push(
      "## Every demo at once: memory and responsiveness",
      "",
      `Soak: all ${s.demos} demos of the article training at once (${windowPhrase(s)}) on ${result.defaultBackend}, for ${fmt(s.seconds, 0)} s, measured after a ${fmt(s.warmupSeconds, 0)} s warm-up and at the end, both while training; steps reached: ${Object.entries(
        s.steps,
      )
        .map(([k, v]) => `${k} ${v}`)
        .join(", ")}.`,
      "",
      table(
        ["", "start", "end"],
        [
          ["tensors (worker)", String(s.start.numTensors), String(s.end.numTensors)],
          ["tensor bytes (worker)", kb(s.start.tensorBytes), kb(s.end.tensorBytes)],
          ["JS heap (page, after GC)", kb(s.start.jsHeap), kb(s.end.jsHeap)],
        ],
      ),
      "",
      ...responsivenessLines(s),
    );
  }
  if (result.familySoak) lines.push(...familySoakLines(result.familySoak));
  if (result.page) {
    const p = result.page;
    const sum = (list: { bytes: number; gzip: number }[]) =>
      `${kb(list.reduce((a, t) => a + t.bytes, 0))} (${kb(list.reduce((a, t) => a + t.gzip, 0))} gzip)`;
    lines.push(
      "## Page",
      "",
      table(
        ["", "size"],
        [
          [
            `initial JavaScript (${p.initialJs.files} files)`,
            `${kb(p.initialJs.bytes)} (${kb(p.initialJs.gzip)} gzip)`,
          ],
          [
            `first load, everything (${p.firstLoad.requests} requests)`,
            `${kb(p.firstLoad.bytes)} (${kb(p.firstLoad.gzip)} gzip)`,
          ],
          ["demo code, when a demo nears the viewport", sum(p.lazy.demoCode)],
          ["tfjs + models (the training worker)", sum(p.lazy.tfjsWorker)],
          ["WASM binaries", sum(p.lazy.wasm)],
        ],
      ),
      "",
    );
  }
  if (result.lighthouse) {
    const l = result.lighthouse;
    lines.push(
      "## Lighthouse (mobile)",
      "",
      "error" in l
        ? `Lighthouse failed: ${l.error}`
        : `Performance **${l.performance}**, accessibility **${l.accessibility}**. FCP ${fmt(l.metrics.firstContentfulPaint, 0)} ms, LCP ${fmt(l.metrics.largestContentfulPaint, 0)} ms, TBT ${fmt(l.metrics.totalBlockingTime, 0)} ms, CLS ${fmt(l.metrics.cumulativeLayoutShift, 3)}, speed index ${fmt(l.metrics.speedIndex, 0)} ms.`,
      "",
    );
  }
  const notes = path.join(outDir, "benchmarks-notes.md");
  if (existsSync(notes)) lines.push(readFileSync(notes, "utf8").trim(), "");
  write("benchmarks.md", `${lines.join("\n")}\n`);
  return files;
}

/** "4.1 / 2.0 / 2.6 %": the worker's shares of a demo's windows on views, scores and waiting. */
function workerTimeCell(time: WorkerTime): string {
  return `${[time.view, time.quality, time.idle].map((x) => fmt(100 * x, 1)).join(" / ")} %`;
}
