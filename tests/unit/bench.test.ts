/**
 * The benchmark's arithmetic and report, on made-up measurements: medians and windows, the SVG figures,
 * and the targets table marking what is met and what is missed.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { spread, windowRates } from "../../src/cli/bench/browser-bench.ts";
import { checkHardDatasets, mergeResults, writeReport, type BenchResult } from "../../src/cli/bench/report.ts";
import { FAMILY_SPECS } from "../../src/models/specs.ts";
import { csvFields } from "../../src/cli/bench/compare-bench.ts";
import { barChartSvg, lineChartSvg } from "../../src/cli/bench/svg-charts.ts";
import { soakPlan } from "../../src/cli/bench/family-soak.ts";
import {
  pairedDriftOf,
  quantile,
  summariseFamilySoak,
  summariseResponsiveness,
} from "../../src/cli/bench/soak-summary.ts";
import { summariseLongFrames } from "../../src/cli/bench/long-frames.ts";
import { workerTimeIn } from "../../src/cli/bench/worker-time.ts";
import { responsivenessLines, windowPhrase, windowSentence } from "../../src/cli/bench/soak-report.ts";
import { farApartOrder } from "../../src/cli/bench/all-demos-soak.ts";

/** A report's header with no family measured: each test adds what it measures. */
const BASE_RESULT: BenchResult = {
  startedAt: "2026-01-01T00:00:00Z",
  finishedAt: "2026-01-01T00:10:00Z",
  command: "npm run bench",
  machine: { cpu: "cpu", cores: 2, memoryGiB: 24, os: "Linux", node: "v24", chromium: "156", webglRenderer: null },
  defaultBackend: "wasm",
  durations: { demo: 20, otherBackend: 8, recognisableCap: 12 },
  families: {},
};

describe("spread", () => {
  it("gives the median (mean of the middle two for an even count), min and max", () => {
    expect(spread([3, 1, 2])).toMatchObject({ median: 2, min: 1, max: 3 });
    expect(spread([4, 1, 3, 2])).toMatchObject({ median: 2.5, min: 1, max: 4 });
    expect(spread([NaN, 3, 1])).toMatchObject({ median: 2, min: 1, max: 3 });
  });
});

describe("windowRates", () => {
  it("measures steps per second in equal windows after the warm-up", () => {
    // 10 steps per second for 4 s, then 20 per second; samples every 100 ms from t = 0.
    const series = Array.from({ length: 121 }, (_, i) => {
      const t = i * 100;
      const step = t <= 4000 ? t / 100 : 40 + (t - 4000) / 50;
      return { t, step };
    });
    const rates = windowRates(series, 0, 4, 4);
    expect(rates).toHaveLength(4);
    for (const r of rates) expect(r).toBeCloseTo(20, 6);
    expect(windowRates(series, 0, 0, 2)[0]).toBeLessThan(20);
  });

  it("leaves out the stretches where training was paused", () => {
    // 10 steps per 100 ms, except a pause from 1 s to 2 s.
    const series = Array.from({ length: 31 }, (_, i) => {
      const t = i * 100;
      const running = t < 1000 || t >= 2000;
      const step = t < 1000 ? t / 10 : t < 2000 ? 100 : 100 + (t - 2000) / 10;
      return { t, step, running };
    });
    const [rate] = windowRates(series, 0, 0, 1);
    expect(rate).toBeCloseTo(100, 6);
  });

  it("counts readings that straddle a window's edge in proportion (a slow backend reads out seldom)", () => {
    // 5 steps per second, read out every 2 s: no reading pair falls inside a 1 s window.
    const series = Array.from({ length: 6 }, (_, i) => ({ t: i * 2000, step: i * 10 }));
    const rates = windowRates(series, 0, 0, 10);
    expect(rates).toHaveLength(10);
    for (const r of rates) expect(r).toBeCloseTo(5, 6);
  });
});

describe("SVG figures", () => {
  it("draws one path per series, the reference line and the legend", () => {
    const svg = lineChartSvg({
      title: "t",
      xLabel: "steps",
      yLabel: "score",
      yDomain: [0, 1.5],
      reference: { y: 0.2, label: "target 0.2" },
      series: [
        {
          label: "gan",
          points: [
            [0, 2],
            [100, 0.5],
            [200, 0.1],
          ],
        },
        {
          label: "ddpm",
          points: [
            [0, 1],
            [200, 0.05],
          ],
        },
      ],
    });
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg.match(/<path /g)).toHaveLength(2);
    expect(svg).toContain("target 0.2");
    expect(svg).toContain(">ddpm</text>");
    // Values above the domain are clipped to its top (y = margin.top = 30).
    expect(svg).toMatch(/d="M[\d.]+,30L/);
  });

  it("draws a bar per finite value with its number above it", () => {
    const svg = barChartSvg({
      title: "speed",
      yLabel: "steps/s",
      keys: ["a", "b"],
      groups: [
        { label: "gan", values: [100, NaN] },
        { label: "vae", values: [50, 25] },
      ],
    });
    // 2 legend squares + the background + 3 bars
    expect(svg.match(/<rect /g)).toHaveLength(6);
    expect(svg).toContain(">100</text>");
  });
});

describe("workerTimeIn", () => {
  it("counts each reply's time inside the windows by method, and the rest as the worker waiting", () => {
    const windows = [
      { from: 0, to: 1000 },
      { from: 2000, to: 3000 },
    ];
    const replies = [
      { t: 500, method: "train", ms: 400 }, // 100–500
      { t: 1100, method: "view", ms: 200 }, // 900–1100: 100 ms inside the first window
      { t: 1500, method: "train", ms: 300 }, // between the windows: not counted
      { t: 2100, method: "quality", ms: 200 }, // 1900–2100: 100 inside
      { t: 2900, method: "memory", ms: 50 },
      { t: 3000, method: "train", ms: 500 },
    ];
    const time = workerTimeIn(replies, windows)!;
    expect(time.train).toBeCloseTo(900 / 2000, 9);
    expect(time.view).toBeCloseTo(100 / 2000, 9);
    expect(time.quality).toBeCloseTo(100 / 2000, 9);
    expect(time.other).toBeCloseTo(50 / 2000, 9);
    expect(time.idle).toBeCloseTo(850 / 2000, 9);
    expect(workerTimeIn(replies, [])).toBeNull();
  });
});

describe("the report", () => {
  it("marks each target met or missed from the measurements", () => {
    const curve = (last: number) => ({
      family: "x",
      dataset: "8gaussians" as const,
      budget: 2000,
      points: [
        { step: 0, seconds: 0, normalised: 2 },
        { step: 2000, seconds: 10, normalised: last },
      ],
      reached: last <= 0.2 ? { step: 2000, seconds: 10 } : null,
      stepsPerSecond: 200,
    });
    const snapshot = { numTensors: 10, tensorBytes: 1000, jsHeap: 1e6 };
    const demo = (longest: number, endTensors: number) => ({
      backend: "WASM",
      dataset: "8gaussians" as const,
      seconds: 20,
      stepsPerSecond: spread([90, 95, 100]),
      longTasks: { count: longest > 50 ? 1 : 0, longestMs: longest },
      memory: { start: snapshot, end: { ...snapshot, numTensors: endTensors } },
      firstUpdateMs: 100,
    });
    const bare = {
      backend: "wasm",
      renderer: null,
      firstStepMs: 50,
      stepsPerSecond: spread([100, 100, 100]),
      sample2000Ms: spread([10, 10, 10]),
    };
    const result: BenchResult = {
      ...BASE_RESULT,
      families: {
        good: {
          title: "good",
          defaultSteps: 2000,
          batchSize: 256,
          // The other backend's figures are shown, not judged: readers here get the one the demos pick.
          backends: {
            wasm: {
              bare,
              demo: { ...demo(20, 10), workerTime: { train: 0.9, view: 0.04, quality: 0.02, other: 0.01, idle: 0.03 } },
              overhead: 0.95,
            },
            webgl: { bare, demo: demo(80, 10), overhead: 0.5 },
          },
          recognisable: {
            "8gaussians": { seeds: [1, 2, 3], seconds: [4, 5, null] },
            moons: { seeds: [1, 2, 3], seconds: [2, 3, 1] },
          },
          node: { "8gaussians": curve(0.1), moons: curve(0.15) },
        },
        bad: {
          title: "bad",
          defaultSteps: 6000,
          batchSize: 256,
          backends: { wasm: { bare, demo: demo(80, 12), overhead: 0.8 } },
          recognisable: {
            "8gaussians": { seeds: [1, 2, 3], seconds: [null, 2, null] },
            moons: { seeds: [1, 2, 3], seconds: [6, 9, 7] },
          },
          node: { "8gaussians": curve(0.3), moons: curve(0.1) },
        },
      },
    };
    const dir = mkdtempSync(path.join(os.tmpdir(), "bench-report-"));
    const files = writeReport(result, dir);
    expect(files.map((f) => path.basename(f))).toEqual(
      expect.arrayContaining(["benchmarks.json", "benchmarks.md", "quality-8gaussians.svg", "speed.svg"]),
    );
    const md = readFileSync(path.join(dir, "benchmarks.md"), "utf8");
    const row = (id: string) => md.split("\n").find((l) => l.startsWith(`| ${id} | `))!;
    // The median counts a run not reached as slower than any reached: 4, 5, – has median 5; –, 2, – has none.
    expect(row("good")).toBe(
      "| good | ✅ 0.95 (webgl 0.50) | ✅ 20 ms (webgl 80 ms) | ✅ | ✅ 0.100 / 0.150 | ✅ 2000 | ✅ 5.0 s / 2.0 s |",
    );
    expect(row("bad")).toBe("| bad | ❌ 0.80 | ❌ 80 ms | ❌ | ❌ 0.300 / 0.100 | ❌ 6000 | ❌ – s / 7.0 s |");
    expect(md).toContain("| good | 5.0 s (4.0, 5.0, –) | 2.0 s (2.0, 3.0, 1.0) |");
    // The worker's shares on views / scores / waiting, where measured.
    expect(md).toContain("| good | wasm | 50 | 95.0 (90.0–100.0) | 100.0 (100.0–100.0) | 0.95 | 4.0 / 2.0 / 3.0 % |");
    expect(md).toContain("| bad | wasm | 50 | 95.0 (90.0–100.0) | 100.0 (100.0–100.0) | 0.80 | – |");
    expect(md).toContain("20 s on the backend the demos choose here (wasm), 8 s on the other.");
    expect(md).toContain('"–": not reached within 12 s.');
    expect(JSON.parse(readFileSync(path.join(dir, "benchmarks.json"), "utf8"))).toEqual(result);
  });
});

describe("the report's family × dataset table", () => {
  const curve = (dataset: string, seed: number, last: number) => ({
    family: "x",
    dataset: dataset as "moons",
    seed,
    budget: 1000,
    points: [{ step: 1000, seconds: 5, normalised: last }],
    reached: last <= 0.2 ? { step: 1000, seconds: 5 } : null,
    stepsPerSecond: 200,
  });
  const result = (datasets: Record<string, number[]>): BenchResult => ({
    ...BASE_RESULT,
    command: "npm run bench -- --only datasets",
    families: {
      f: {
        title: "f",
        defaultSteps: 1000,
        batchSize: 256,
        backends: {},
        recognisable: {},
        // Seed 1's curves say 0.1 on both datasets: the target must read the worst seed, not these.
        node: { "8gaussians": curve("8gaussians", 1, 0.1), moons: curve("moons", 1, 0.1) },
        datasets: Object.fromEntries(
          Object.entries(datasets).map(([d, scores]) => [d, scores.map((v, i) => curve(d, i + 1, v))]),
        ),
      },
    },
  });
  const write = (r: BenchResult) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "bench-datasets-"));
    writeReport(r, dir);
    return readFileSync(path.join(dir, "benchmarks.md"), "utf8");
  };

  it("gives each pair's median and range over seeds, learnt only when every seed reaches 0.2", () => {
    const md = write(
      result({ "8gaussians": [0.1, 0.14, 0.12], moons: [0.05, 0.3, 0.1], "2spirals": [0.4, 0.5, 0.45] }),
    );
    expect(md).toContain("| f | 1000 | ✅ 0.120 (0.100–0.140) | ❌ 0.100 (0.050–0.300) | ❌ 0.450 (0.400–0.500) |");
    expect(md).toContain("at seeds 1, 2, 3");
    expect(md).toContain("1 of 3 family × dataset pairs are learnt at every seed.");
  });

  it("holds the budget target to the worst seed", () => {
    const row = (md: string) => md.split("\n").find((l) => l.startsWith("| f | "))!;
    expect(row(write(result({ "8gaussians": [0.1, 0.14, 0.12], moons: [0.05, 0.16, 0.1] })))).toContain(
      "| ❌ 0.140 / 0.160 |",
    );
    expect(row(write(result({ "8gaussians": [0.1, 0.14, 0.12], moons: [0.05, 0.15, 0.1] })))).toContain(
      "| ✅ 0.140 / 0.150 |",
    );
  });

  it("checks the specs' hard datasets against what was measured, both ways", () => {
    const declared = (family: string, dataset: string) => family === "a" && dataset === "circles";
    const { undeclared, stale } = checkHardDatasets(
      [
        { family: "a", dataset: "circles", learnt: false },
        { family: "a", dataset: "moons", learnt: false },
        { family: "b", dataset: "circles", learnt: true },
      ],
      declared,
    );
    expect(undeclared.map((p) => `${p.family}/${p.dataset}`)).toEqual(["a/moons"]);
    expect(stale).toEqual([]);
    expect(checkHardDatasets([{ family: "a", dataset: "circles", learnt: true }], declared).stale).toHaveLength(1);
  });

  it("marks a pair the family's spec declares hard, and names a miss no spec declares", () => {
    const hard = Object.keys(FAMILY_SPECS.gan.hardDatasets ?? {});
    expect(hard.length).toBeGreaterThan(0);
    const r = result({ [hard[0]!]: [0.5, 0.6, 0.7], moons: [0.3, 0.3, 0.3] });
    r.families = { gan: { ...r.families.f!, title: "gan" } };
    const md = write(r);
    const section = md.slice(md.indexOf("## Every dataset at the default budget"));
    const row = section.split("\n").find((l) => l.startsWith("| gan | "))!;
    expect(row).toContain("❌ 0.600 (0.500–0.700) ‡ |");
    expect(row).toContain("❌ 0.300 (0.300–0.300) |");
    expect(md).toContain("Not learnt, and the demo does not say so: gan on moons.");
  });

  it("keeps the datasets a later run did not measure when merged", () => {
    const saved = result({ "8gaussians": [0.1], moons: [0.2] });
    const later = result({ moons: [0.3] });
    const merged = mergeResults(saved, later).families.f!.datasets!;
    expect(Object.keys(merged).sort()).toEqual(["8gaussians", "moons"]);
    expect(merged.moons!.map((c) => c.points[0]!.normalised)).toEqual([0.3]);
  });

  it("takes the budget from the later run when merged (a change of budget is the reason to run again)", () => {
    const saved = result({ moons: [0.1] });
    const later = result({ moons: [0.2] });
    later.families.f!.defaultSteps = 5000;
    expect(mergeResults(saved, later).families.f!.defaultSteps).toBe(5000);
  });

  it("adds a later run's seeds to the saved seeds of a dataset, replacing only the seeds it ran again", () => {
    const saved = result({ moons: [0.1] });
    const later = result({ moons: [0.5, 0.25, 0.35] });
    // The later run measured seeds 2 and 3 only (the seed-1 curve it holds is dropped to stand for that).
    later.families.f!.datasets!.moons!.shift();
    const merged = mergeResults(saved, later).families.f!.datasets!.moons!;
    expect(merged.map((c) => [c.seed, c.points[0]!.normalised])).toEqual([
      [1, 0.1],
      [2, 0.25],
      [3, 0.35],
    ]);
    const again = mergeResults(mergeResults(saved, later), result({ moons: [0.2] })).families.f!.datasets!.moons!;
    expect(again.map((c) => [c.seed, c.points[0]!.normalised])).toEqual([
      [1, 0.2],
      [2, 0.25],
      [3, 0.35],
    ]);
  });
});

describe("the comparison page's CSV, as the benchmark reads it", () => {
  it("splits quoted fields with commas and doubled quotes (RFC 4180)", () => {
    expect(csvFields('gan,"生成对抗网络（GAN, WGAN）",0.2,,"a ""b"""')).toEqual([
      "gan",
      "生成对抗网络（GAN, WGAN）",
      "0.2",
      "",
      'a "b"',
    ]);
  });
});

describe("the family soak's summary", () => {
  // Readings every second for 120 s: 10 steps/s, then `late` steps/s over the last 40 s.
  const readings = (late: number) =>
    Array.from({ length: 121 }, (_, i) => {
      const t = i * 1000;
      return { t, step: i <= 80 ? i * 10 : 800 + (i - 80) * late, running: true };
    });
  const sample = (t: number, numTensors: number, pageHeap: number, workerHeap: number | null) => ({
    t,
    numTensors,
    tensorBytes: numTensors * 100,
    pageHeap,
    workerHeap,
  });
  const MB = 2 ** 20;
  const flat = [sample(15, 40, 10 * MB, 20 * MB), sample(60, 40, 11 * MB, 20 * MB), sample(120, 40, 12 * MB, 21 * MB)];
  const input = { startMs: 0, warmupSeconds: 15, windowSeconds: 30 };

  it("passes a run with flat tensors, little heap growth and a steady speed", () => {
    const s = summariseFamilySoak({ ...input, samples: flat, readings: readings(10) });
    expect(s.tensors).toEqual({ start: 40, end: 40, min: 40, max: 40, pass: true });
    expect(s.heap).toEqual({ page: 2 * MB, worker: 1 * MB, total: 3 * MB, pass: true });
    expect(s.speed.first).toBeCloseTo(10, 6);
    expect(s.speed.last).toBeCloseTo(10, 6);
    expect(s.pass).toBe(true);
  });

  it("misses on a tensor count that moves, even when it comes back", () => {
    const samples = [flat[0]!, sample(60, 41, 11 * MB, 20 * MB), flat[2]!];
    const s = summariseFamilySoak({ ...input, samples, readings: readings(10) });
    expect(s.tensors).toMatchObject({ start: 40, end: 40, min: 40, max: 41, pass: false });
    expect(s.pass).toBe(false);
  });

  it("misses on 5 MB of heap growth, page and worker together", () => {
    const samples = [flat[0]!, sample(120, 40, 13 * MB, 22 * MB)];
    const s = summariseFamilySoak({ ...input, samples, readings: readings(10) });
    expect(s.heap).toEqual({ page: 3 * MB, worker: 2 * MB, total: 5 * MB, pass: false });
  });

  it("counts the page alone when the worker could not be reached", () => {
    const samples = [sample(15, 40, 10 * MB, null), sample(120, 40, 14 * MB, null)];
    expect(summariseFamilySoak({ ...input, samples, readings: readings(10) }).heap).toEqual({
      page: 4 * MB,
      worker: null,
      total: 4 * MB,
      pass: true,
    });
  });

  it("misses when the last window is more than 10 % off the first, either way", () => {
    const slower = summariseFamilySoak({ ...input, samples: flat, readings: readings(8.5) });
    expect(slower.speed.last).toBeCloseTo(8.5, 6);
    expect(slower.speed.ratio).toBeCloseTo(0.85, 6);
    expect(slower.speed.pass).toBe(false);
    expect(summariseFamilySoak({ ...input, samples: flat, readings: readings(9.5) }).speed.pass).toBe(true);
    expect(summariseFamilySoak({ ...input, samples: flat, readings: readings(12) }).speed.pass).toBe(false);
  });

  it("reads the demo's drift against the machine's, measured by the bare loop before and after", () => {
    // A run at `late` steps/s over its last 40 s, with the bare loop's speed before and after it.
    const soakAgainst = (late: number, machine: { before: number; after: number }) =>
      summariseFamilySoak({ ...input, samples: flat, readings: readings(late), machine });
    // The demo 15 % slower at the end; the bare loop 15 % slower too: the machine's drift, not the demo's.
    const machineToo = soakAgainst(8.5, { before: 100, after: 85 });
    expect(machineToo.speed.pass).toBe(false);
    expect(machineToo.machine).toMatchObject({ before: 100, after: 85, pass: true });
    expect(machineToo.machine!.ratio).toBeCloseTo(0.85, 6);
    expect(machineToo.machine!.demoAgainstMachine).toBeCloseTo(1, 6);
    expect(machineToo.pass).toBe(false);
    // A steady machine: the demo's own 15 %.
    const demoAlone = soakAgainst(8.5, { before: 100, after: 100 });
    expect(demoAlone.machine!.demoAgainstMachine).toBeCloseTo(0.85, 6);
    expect(demoAlone.machine!.pass).toBe(false);
    // A steady demo on a machine that sped up by 20 %: the demo fell behind it.
    const behind = soakAgainst(10, { before: 100, after: 120 });
    expect(behind.speed.pass).toBe(true);
    expect(behind.machine!.pass).toBe(false);
    expect(summariseFamilySoak({ ...input, samples: flat, readings: readings(10) }).machine).toBeUndefined();
  });

  it("reads each window of the demo against the bare loop timed right after it", () => {
    // Readings every second for 120 s; windows of 30 s from 15 s, the demo paused for 5 s after each (the bare
    // loop's time, marked as not training). The demo runs at `rate(i)` steps/s in window i.
    const windowed = (rate: (i: number) => number) => {
      const out: { t: number; step: number; running: boolean }[] = [];
      const windows: { from: number; to: number }[] = [];
      let t = 15_000;
      let step = 0;
      for (let i = 0; i < 3; i++) {
        windows.push({ from: t, to: t + 30_000 });
        for (let s = 0; s <= 30; s++) out.push({ t: t + s * 1000, step: step + s * rate(i), running: true });
        step += 30 * rate(i);
        // Paused: the counter may move as the last tick lands, but the stretch counts for nothing.
        out.push({ t: t + 30_400, step: step + 7, running: false });
        t += 35_000;
        step += 7;
      }
      return { readings: out, windows };
    };
    const soak = (rate: (i: number) => number, bare: number[]) => {
      const { readings, windows } = windowed(rate);
      const paired = windows.map((w, i) => ({ ...w, bare: bare[i]! }));
      return summariseFamilySoak({ ...input, samples: flat, readings, paired });
    };
    // The machine slows by a quarter and the demo with it: the demo keeps its share of the machine.
    const machine = soak((i) => [20, 17.5, 15][i]!, [40, 35, 30]);
    expect(machine.speed.pass).toBe(false);
    expect(machine.paired).toMatchObject({ windows: 3, pass: true });
    expect(machine.paired!.first.demo).toBeCloseTo(20, 6);
    expect(machine.paired!.first.ratio).toBeCloseTo(0.5, 6);
    expect(machine.paired!.last.ratio).toBeCloseTo(0.5, 6);
    expect(machine.paired!.drift).toBeCloseTo(1, 6);
    // A steady machine and a demo 15 % slower at the end: the demo's own drift.
    const demo = soak((i) => [20, 19, 17][i]!, [40, 40, 40]);
    expect(demo.paired!.drift).toBeCloseTo(0.85, 6);
    expect(demo.paired!.pass).toBe(false);
    // A steady demo on a machine 20 % faster at the end: the demo fell behind it.
    expect(soak(() => 20, [40, 44, 48]).paired!.pass).toBe(false);
    expect(() =>
      summariseFamilySoak({ ...input, samples: flat, readings: readings(10), paired: [{ from: 0, to: 1, bare: 1 }] }),
    ).toThrow(/at least 2 windows/);
  });

  it("reads each end of a long run as the median of a third of its windows, so one stray window cannot decide", () => {
    // Nine windows, the demo at half the bare loop's speed throughout.
    const steady = Array.from({ length: 9 }, () => ({ demo: 100, bare: 200 }));
    // The last bare-loop window a third slow: alone it would read the demo as 50 % faster than the machine.
    const stray = steady.map((r, i) => (i === 8 ? { ...r, bare: 133 } : r));
    expect(pairedDriftOf(stray)).toMatchObject({ perEnd: 3, windows: 9, pass: true });
    expect(pairedDriftOf(stray).drift).toBeCloseTo(1, 6);
    // The demo falling behind over its last three minutes is still a miss.
    const slower = steady.map((r, i) => (i >= 6 ? { ...r, demo: 85 } : r));
    expect(pairedDriftOf(slower).drift).toBeCloseTo(0.85, 6);
    expect(pairedDriftOf(slower).pass).toBe(false);
    // Six windows: two at each end, their mean for the median.
    const six = [0.5, 0.6, 0.5, 0.5, 0.4, 0.5].map((ratio) => ({ demo: ratio * 200, bare: 200 }));
    expect(pairedDriftOf(six)).toMatchObject({ perEnd: 2 });
    expect(pairedDriftOf(six).first.ratio).toBeCloseTo(0.55, 6);
    expect(pairedDriftOf(six).last.ratio).toBeCloseTo(0.45, 6);
  });

  it("leaves out the time the demo sat paused at its budget", () => {
    // Paused (step frozen) from 100 s to 110 s; still 10 steps/s while it ran.
    const paused = readings(10).map((r) =>
      r.t > 100_000 && r.t < 110_000
        ? { ...r, step: 1000, running: false }
        : r.t >= 110_000
          ? { ...r, step: r.step - 100 }
          : r,
    );
    expect(summariseFamilySoak({ ...input, samples: flat, readings: paused }).speed.last).toBeCloseTo(10, 6);
  });

  it("refuses a run too short for two windows, or with one sample", () => {
    expect(() => summariseFamilySoak({ ...input, windowSeconds: 60, samples: flat, readings: readings(10) })).toThrow(
      /too short for two 60 s windows/,
    );
    expect(() => summariseFamilySoak({ ...input, samples: [flat[0]!], readings: readings(10) })).toThrow(
      /at least 2 memory samples/,
    );
  });

  it("cuts a run into warm-up, samples and windows of at most a minute", () => {
    expect(soakPlan(600)).toEqual({ warmupSeconds: 60, sampleSeconds: 60, windowSeconds: 60 });
    expect(soakPlan(60)).toEqual({ warmupSeconds: 15, sampleSeconds: 11.25, windowSeconds: 15 });
  });
});

describe("the all-at-once run's responsiveness", () => {
  const event = (interactionId: number, duration: number, name = "click") => ({
    name,
    startTime: 0,
    duration,
    interactionId,
  });

  it("takes an interaction's latency as its longest event, and counts unreported ones as the threshold", () => {
    const r = summariseResponsiveness({
      longTasks: [{ duration: 30 }],
      events: [event(1, 40, "pointerdown"), event(1, 120), event(2, 24, "keydown"), event(0, 32, "mouseover")],
      interactions: 20,
      steps: { gan: 100, vae: 5 },
    });
    expect(r.longTasks).toEqual({ count: 1, longestMs: 30, pass: true });
    // 18 interactions under 16 ms, then 24 and 120: the 95th percentile (19th of 20) is 24.
    expect(r.input).toEqual({ interactions: 20, reported: 4, worstMs: 120, p95Ms: 24, pass: true });
    expect(r.progress.pass).toBe(true);
    expect(r.pass).toBe(true);
  });

  it("misses on a long task over 50 ms, an event over 200 ms, a demo that made no step, or no input at all", () => {
    const base = { longTasks: [], events: [event(1, 40)], interactions: 5, steps: { gan: 10 } };
    expect(summariseResponsiveness(base).pass).toBe(true);
    expect(summariseResponsiveness({ ...base, longTasks: [{ duration: 51 }] }).longTasks.pass).toBe(false);
    expect(summariseResponsiveness({ ...base, events: [event(1, 208)] }).input.pass).toBe(false);
    expect(summariseResponsiveness({ ...base, steps: { gan: 10, ebm: 0 } }).progress.pass).toBe(false);
    expect(summariseResponsiveness({ ...base, interactions: 0 }).input.pass).toBe(false);
    expect(summariseResponsiveness({ ...base, steps: {} }).pass).toBe(false);
  });

  /** An all-at-once run with nothing but its memory figures: each test adds what it reads. */
  const SOAK_BASE = {
    seconds: 120,
    warmupSeconds: 15,
    demos: 9,
    start: { numTensors: 1, tensorBytes: 1, jsHeap: 1 },
    end: { numTensors: 1, tensorBytes: 1, jsHeap: 1 },
    steps: {},
  };

  it("says which window the demos trained in: a reader's with each held on screen, or (older runs) a tall one", () => {
    const soak = SOAK_BASE;
    expect(windowSentence({ ...soak, viewport: { width: 1280, height: 900 } })).toContain(
      "a reader's (1280 × 900 px), and the benchmark holds every demo as if on screen",
    );
    expect(windowSentence(soak)).toContain("the viewport is as tall as the page");
    expect(windowPhrase({ ...soak, viewport: { width: 1280, height: 900 } })).toBe(
      "in a 1280 × 900 px window, each held on screen",
    );
    expect(windowPhrase(soak)).toBe("a viewport as tall as the page");
  });

  it("says how the benchmark moved between demos, and gives the jumps' cost apart from the reader's scrolling", () => {
    const soak = {
      ...SOAK_BASE,
      viewport: { width: 1280, height: 900 },
      responsiveness: summariseResponsiveness({
        longTasks: [],
        events: [],
        interactions: 4,
        steps: { gan: 10, vae: 5 },
      }),
    };
    const older = responsivenessLines(soak).join("\n");
    expect(older).toContain("clicks scroll the page to their target");
    expect(older).not.toContain("Jumps across the page");
    const text = responsivenessLines({
      ...soak,
      moves: "wheel",
      jumps: {
        toDemos: {
          training: { jumps: 9, longTasks: 1, longestMs: 52 },
          idle: { jumps: 9, longTasks: 0, longestMs: 0 },
        },
        toText: {
          training: { jumps: 9, longTasks: 7, longestMs: 131.6 },
          idle: { jumps: 9, longTasks: 3, longestMs: 80 },
        },
      },
    }).join("\n");
    expect(text).toContain("it scrolls with the mouse wheel (120 px a notch, a notch every 50 ms)");
    expect(text).toContain("it moves between demos with the mouse wheel.");
    expect(text).not.toContain("clicks scroll the page to their target");
    expect(text).toContain(
      "| to each demo (`scrollIntoView()`, as a link to a demo) | 1 long task in 9 jumps, longest 52 ms | 0 long tasks in 9 jumps |",
    );
    expect(text).toContain("| 7 long tasks in 9 jumps, longest 132 ms | 3 long tasks in 9 jumps, longest 80 ms |");
  });

  it("gives where the processors' time went over the measured window, when the run measured it", () => {
    const soak = {
      ...SOAK_BASE,
      responsiveness: summariseResponsiveness({ longTasks: [], events: [], interactions: 4, steps: { gan: 10 } }),
    };
    expect(responsivenessLines(soak).join("\n")).not.toContain("Processor time");
    const text = responsivenessLines({
      ...soak,
      processor: {
        seconds: 140,
        cores: 2,
        pageMain: 0.152,
        worker: 0.884,
        pageOther: 0.24,
        restOfChromium: 0.05,
        machine: 1.45,
      },
    }).join("\n");
    expect(text).toContain("this machine has 2): the page's main thread 15 %, the training worker 88 %");
    expect(text).toContain("the page's other threads (compositor, raster, garbage collection) 24 %");
    expect(text).toContain(
      "the rest of Chromium (the GPU process, the browser process) 5 %; the whole machine 145 % of 200 %",
    );
  });

  it("orders places far apart in turn for the jumps", () => {
    expect(farApartOrder([0, 1, 2, 3, 4, 5, 6, 7, 8])).toEqual([0, 8, 1, 7, 2, 6, 3, 5, 4]);
    expect(farApartOrder(["a", "b", "c", "d"])).toEqual(["a", "d", "b", "c"]);
    expect(farApartOrder([])).toEqual([]);
  });

  it("takes quantiles by nearest rank", () => {
    expect(quantile([5, 1, 4, 2, 3], 0.95)).toBe(5);
    expect(quantile([5, 1, 4, 2, 3], 0.5)).toBe(3);
    expect(quantile([], 0.5)).toBeNaN();
  });
});

describe("the report's long runs", () => {
  const MB = 2 ** 20;

  const familySoak = (
    tensors: [number, number],
    heapEnd: number,
    lastRate: number,
    machine?: { before: number; after: number },
    bare?: [number, number],
  ) => {
    const samples = [
      { t: 15, numTensors: tensors[0], tensorBytes: 0, pageHeap: 10 * MB, workerHeap: 20 * MB },
      { t: 600, numTensors: tensors[1], tensorBytes: 0, pageHeap: 10 * MB, workerHeap: heapEnd },
    ];
    const readings = Array.from({ length: 601 }, (_, i) => ({
      t: i * 1000,
      step: i <= 300 ? i * 100 : 30_000 + (i - 300) * lastRate,
      running: true,
    }));
    const paired = bare && [
      { from: 15_000, to: 75_000, bare: bare[0], demo: 100 },
      { from: 540_000, to: 600_000, bare: bare[1], demo: lastRate },
    ];
    return {
      backend: "wasm",
      seconds: 600,
      warmupSeconds: 15,
      steps: 60_000,
      samples,
      ...(paired && { paired }),
      summary: summariseFamilySoak({
        samples,
        readings,
        startMs: 0,
        warmupSeconds: 15,
        windowSeconds: 60,
        ...(machine && { machine }),
        ...(paired && { paired }),
      }),
    };
  };

  it("states each family soak target as pass or miss, with the figures", () => {
    const result: BenchResult = {
      ...BASE_RESULT,
      familySoak: {
        minutes: 10,
        families: {
          good: familySoak([40, 40], 21 * MB, 95),
          leaky: familySoak([40, 46], 26 * MB, 80),
          drifting: familySoak([40, 40], 21 * MB, 80, { before: 200, after: 170 }),
          paired: familySoak([40, 40], 21 * MB, 80, { before: 200, after: 150 }, [200, 160]),
          broken: { error: "the demo did not start" },
        },
      },
    };
    const dir = mkdtempSync(path.join(os.tmpdir(), "bench-soak-"));
    writeReport(result, dir);
    const md = readFileSync(path.join(dir, "benchmarks.md"), "utf8");
    const row = (id: string) => md.split("\n").find((l) => l.startsWith(`| ${id} | `))!;
    expect(md).toContain("## Long runs: each family alone");
    expect(md).toContain(
      "`npm run bench -- --only family-soak --family-soak-minutes 10`: about 60 minutes for 5 families",
    );
    expect(md).toContain('they say "before and after only"');
    expect(md).toContain("The demo ÷ its bare loop in each window, first to last");
    expect(md).toContain("\n- paired: 0.50, 0.50\n");
    expect(md).not.toContain("\n- drifting:");
    expect(row("good")).toBe(
      "| good | wasm, 10.0 min, 2 samples | ✅ 40 → 40 | ✅ +1.00 MB (page +0.00 MB, worker +1.00 MB) | ✅ 100.0 → 95.0 (−5 %) | not measured | ✅ |",
    );
    expect(row("leaky")).toBe(
      "| leaky | wasm, 10.0 min, 2 samples | ❌ 40 → 46 (40–46) | ❌ +6.00 MB (page +0.00 MB, worker +6.00 MB) | ❌ 100.0 → 80.0 (−20 %) | not measured | ❌ |",
    );
    expect(row("drifting")).toBe(
      "| drifting | wasm, 10.0 min, 2 samples | ✅ 40 → 40 | ✅ +1.00 MB (page +0.00 MB, worker +1.00 MB) | ❌ 100.0 → 80.0 (−20 %) | ✅ −6 % (before and after only: bare loop 200.0 → 170.0, −15 %) | ❌ |",
    );
    // Read window by window where measured: the demo kept its half of the machine, which slowed by a fifth.
    expect(row("paired")).toBe(
      "| paired | wasm, 10.0 min, 2 samples | ✅ 40 → 40 | ✅ +1.00 MB (page +0.00 MB, worker +1.00 MB) | ❌ 100.0 → 80.0 (−20 %) | ✅ +0 % (demo ÷ bare loop 0.50 → 0.50, first and last window; bare loop 200.0 → 160.0, −20 %) | ❌ |",
    );
    expect(row("broken")).toBe("| broken | failed: the demo did not start |  |  |  |  |  |");
  });

  it("states the all-at-once run's responsiveness against its targets", () => {
    const snapshot = { numTensors: 172, tensorBytes: 1000, jsHeap: 5e6 };
    const result: BenchResult = {
      ...BASE_RESULT,
      soak: {
        seconds: 120,
        warmupSeconds: 15,
        demos: 2,
        start: snapshot,
        end: snapshot,
        steps: { gan: 500, vae: 10 },
        responsiveness: summariseResponsiveness({
          longTasks: [{ duration: 70 }, { duration: 30 }],
          events: [{ name: "click", startTime: 0, duration: 96, interactionId: 3 }],
          interactions: 40,
          steps: { gan: 400, vae: 0 },
        }),
      },
    };
    const dir = mkdtempSync(path.join(os.tmpdir(), "bench-load-"));
    writeReport(result, dir);
    const md = readFileSync(path.join(dir, "benchmarks.md"), "utf8");
    expect(md).toContain("| no main-thread task over 50 ms | ❌ | 2 long tasks, longest 70 ms |");
    expect(md).toContain(
      "| input answered within 200 ms | ✅ | worst event 96 ms, 95th percentile of 40 interactions 16 ms (1 events over 16 ms reported) |",
    );
    expect(md).toContain("| each demo makes progress | ❌ | steps after the warm-up: gan 400, vae 0 |");
  });

  it("merges a later partial run into a saved report, keeping what it did not measure", () => {
    const saved: BenchResult = {
      ...BASE_RESULT,
      families: { gan: { title: "GAN", defaultSteps: 5000, batchSize: 256, backends: {}, recognisable: { moons: 3 } } },
      page: {
        initialJs: { bytes: 1, gzip: 1, files: 1 },
        firstLoad: { bytes: 1, gzip: 1, requests: 1 },
        lazy: { demoCode: [], tfjsWorker: [], wasm: [] },
      },
      familySoak: { minutes: 10, families: { vae: { error: "old" }, gan: { error: "old" } } },
    };
    const later: BenchResult = {
      ...BASE_RESULT,
      command: "npm run bench -- --only family-soak",
      finishedAt: "2026-01-02T00:00:00Z",
      families: { gan: { title: "GAN", defaultSteps: 5000, batchSize: 256, backends: {}, recognisable: {} } },
      familySoak: { minutes: 10, families: { gan: { error: "new" } } },
    };
    const merged = mergeResults(saved, later);
    expect(merged.page).toEqual(saved.page);
    expect(merged.families.gan!.recognisable).toEqual({ moons: 3 });
    expect(merged.familySoak!.families).toEqual({ vae: { error: "old" }, gan: { error: "new" } });
    expect(merged.command).toBe("npm run bench");
    expect(merged.mergedRuns).toEqual([
      { command: "npm run bench -- --only family-soak", finishedAt: "2026-01-02T00:00:00Z" },
    ]);
  });
});

describe("the all-at-once run's long animation frames", () => {
  it("splits each frame into scripts, rendering and style and layout, and sums script time by invoker", () => {
    const summary = summariseLongFrames([
      {
        startTime: 1000,
        duration: 120,
        renderStart: 1080,
        styleAndLayoutStart: 1100,
        blockingDuration: 70,
        scripts: [
          { invoker: "DedicatedWorkerGlobalScope.onmessage", duration: 50, forcedStyleAndLayoutDuration: 5 },
          { invoker: "TimerHandler:setTimeout 17", duration: 20, forcedStyleAndLayoutDuration: 0 },
        ],
      },
      {
        startTime: 2000,
        duration: 60,
        renderStart: 0,
        styleAndLayoutStart: 0,
        blockingDuration: 10,
        scripts: [{ invoker: "TimerHandler:setTimeout 18", duration: 55, forcedStyleAndLayoutDuration: 0 }],
      },
    ]);
    expect(summary).toMatchObject({
      count: 2,
      longestMs: 120,
      totalMs: 180,
      scriptMs: 125,
      forcedLayoutMs: 5,
      renderMs: 20,
      styleAndLayoutMs: 20,
    });
    // The two timers (ids 17 and 18) are one invoker, with more time than the worker's message.
    expect(summary.topInvokers).toEqual([
      { invoker: "TimerHandler:setTimeout #", ms: 75, count: 2 },
      { invoker: "DedicatedWorkerGlobalScope.onmessage", ms: 50, count: 1 },
    ]);
  });

  it("is empty for a run with no long frame", () => {
    expect(summariseLongFrames([])).toMatchObject({ count: 0, longestMs: 0, totalMs: 0, topInvokers: [] });
  });
});
