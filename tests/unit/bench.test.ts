/**
 * The benchmark's arithmetic and report, on made-up measurements: medians and windows, the SVG figures,
 * and the targets table marking what is met and what is missed.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { spread, windowRates } from "../../src/cli/bench/browser-bench.ts";
import { writeReport, type BenchResult } from "../../src/cli/bench/report.ts";
import { csvFields } from "../../src/cli/bench/compare-bench.ts";
import { barChartSvg, lineChartSvg } from "../../src/cli/bench/svg-charts.ts";

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
      startedAt: "2026-01-01T00:00:00Z",
      finishedAt: "2026-01-01T00:10:00Z",
      command: "npm run bench",
      machine: { cpu: "cpu", cores: 2, memoryGiB: 24, os: "Linux", node: "v24", chromium: "156", webglRenderer: null },
      defaultBackend: "wasm",
      durations: { demo: 20, otherBackend: 8, recognisableCap: 12 },
      families: {
        good: {
          title: "good",
          defaultSteps: 2000,
          batchSize: 256,
          backends: { wasm: { bare, demo: demo(20, 10), overhead: 0.95 } },
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
    expect(row("good")).toBe("| good | ✅ | ✅ | ✅ | ✅ 0.100 / 0.150 | ✅ 2000 | ✅ 5.0 s / 2.0 s |");
    expect(row("bad")).toBe("| bad | ❌ | ❌ | ❌ | ❌ 0.300 / 0.100 | ❌ 6000 | ❌ – s / 7.0 s |");
    expect(md).toContain("| good | 5.0 s (4.0, 5.0, –) | 2.0 s (2.0, 3.0, 1.0) |");
    expect(md).toContain("20 s on the backend the demos choose here (wasm), 8 s on the other.");
    expect(md).toContain('"–": not reached within 12 s.');
    expect(JSON.parse(readFileSync(path.join(dir, "benchmarks.json"), "utf8"))).toEqual(result);
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
