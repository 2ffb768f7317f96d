/**
 * The benchmark's measurements in headless Chromium, against the built site on a local server:
 * a demo training in the article (speed, long tasks, memory, time to quality), the same training in a bare
 * loop on a bare page (no demo element, no drawing), and page weight. The long runs are in family-soak.ts and
 * all-demos-soak.ts.
 */
import { gzipSync } from "node:zlib";
import type { Browser, Page } from "playwright-core";
import type { BackendName } from "../../lab/backend-names.ts";
import type { DatasetName } from "../../lab/dataset-names.ts";
import { RECOGNISABLE_SCORE } from "../../lab/recognisable.ts";
import type { BareRunRequest, BareRunResult } from "../../bench/bare-loop.ts";
import type { FamilyId } from "../../models/ids.ts";
import { readWorkerTime, WORKER_TIME_OBSERVER, type WorkerTime } from "./worker-time.ts";

export const ARTICLE_PATH = "/notes/1-generative-model-routes/";
/** The bare-loop page (src/bench/bare.astro), in the build only with BENCH_PAGES=1. */
export const BARE_PATH = "/__bench/bare/";
const QUALITY_SAMPLES = 10_000;
const QUALITY_TARGET = RECOGNISABLE_SCORE;
/** How often a time-to-recognisable session scores the demo (its own scoring time is not counted). */
const RECOGNISABLE_POLL_MS = 1000;

/** Median, min and max of a few repeated measurements. */
export interface Spread {
  median: number;
  min: number;
  max: number;
  runs: number[];
}

export function spread(runs: number[]): Spread {
  const sorted = runs.filter(Number.isFinite).sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0] ?? NaN, max: sorted.at(-1) ?? NaN, runs };
}

export interface BareResult {
  backend: string;
  renderer: string | null;
  /** One training step on a fresh model, in the worker (includes WebGL shader compilation). */
  firstStepMs: number;
  stepsPerSecond: Spread;
  /** Time to draw 2,000 samples, in the worker. */
  sample2000Ms: Spread;
}

/** The bare loop on its page, its model kept for more windows (`window`) until `close`. */
export interface OpenBare {
  /** Its first step, the windows run on opening (after a one-second warm-up) and its sampling time. */
  result: BareResult;
  /** Steps per second over one more window of BARE_WINDOW_MS. */
  window(): Promise<number>;
  close(): Promise<void>;
}

/** A bare-loop window, ms. */
const BARE_WINDOW_MS = 2000;

/** Opens the bare-loop page on `family` and `backend` and runs `windows` windows on it. */
export async function openBare(
  browser: Browser,
  origin: string,
  family: FamilyId,
  backend: BackendName,
  windows: number,
): Promise<OpenBare> {
  const page = await browser.newPage();
  type BarePage = {
    bare: {
      run(r: BareRunRequest): Promise<BareRunResult>;
      window(ms: number, chunk: number): Promise<number>;
      end(): Promise<void>;
    };
  };
  try {
    await page.goto(`${origin}${BARE_PATH}`);
    await page.waitForFunction(() => (window as unknown as { bareReady?: boolean }).bareReady === true);
    const request: BareRunRequest = { family, backend, windows, windowMs: BARE_WINDOW_MS, chunk: 10, keep: true };
    const run = await page.evaluate((r) => (window as unknown as BarePage).bare.run(r), request);
    return {
      result: {
        backend: run.backend,
        renderer: run.renderer,
        firstStepMs: run.firstStepMs,
        stepsPerSecond: spread(run.rates),
        sample2000Ms: spread(run.sampleMs),
      },
      window: () => page.evaluate((ms) => (window as unknown as BarePage).bare.window(ms, 10), BARE_WINDOW_MS),
      close: async () => {
        await page.evaluate(() => (window as unknown as BarePage).bare.end()).catch(() => undefined);
        await page.close();
      },
    };
  } catch (error) {
    await page.close();
    throw error;
  }
}

/** Installed before any page script: collects main-thread long tasks (over 50 ms). */
export const LONG_TASK_OBSERVER = `
window.__longTasks = [];
try {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: "longtask", buffered: true });
} catch {}
`;

/**
 * Main-thread long tasks that started from `from` to `to` (page clock), less those that overlap the benchmark's
 * own forced garbage collections (for the heap figures), which are not the page's.
 */
export async function longTasksBetween(
  page: Page,
  from: number,
  to: number,
  collections: readonly ({ from: number; to: number } | undefined)[],
): Promise<{ start: number; duration: number }[]> {
  const gcs = collections.filter((g) => g !== undefined);
  const tasks = await page.evaluate(
    ([a, b]) =>
      (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks.filter(
        (t) => t.start >= a! && t.start <= b!,
      ),
    [from, to] as const,
  );
  return tasks.filter((t) => !gcs.some((g) => t.start <= g.to && t.start + t.duration >= g.from));
}

/** What the benchmark calls on a `<gen-demo>` element. */
export interface DemoHandle {
  memory(): Promise<{ numTensors: number; numBytes: number; backend: string }>;
  quality(n: number): Promise<{ normalised: number; step: number; ms: number }>;
}

export interface MemorySnapshot {
  numTensors: number;
  tensorBytes: number;
  /** The page's (main thread's) used JS heap after a garbage collection, in bytes. */
  jsHeap: number;
  /** When the benchmark's own forced collection ran (page clock, ms): a long task then is the benchmark's. */
  gc?: { from: number; to: number };
}

export interface DemoResult {
  backend: string;
  dataset: DatasetName;
  seconds: number;
  /** Steps per second shown by the demo, in consecutive windows after a warm-up. */
  stepsPerSecond: Spread;
  /** With the bare loop interleaved: its steps per second in the window right after each of the demo's. */
  bareAfterEach?: number[];
  longTasks: { count: number; longestMs: number };
  memory: { start: MemorySnapshot; end: MemorySnapshot };
  /** Milliseconds from the click to the first step shown. */
  firstUpdateMs: number;
  /** Where the worker's time went in the demo's windows (absent in reports before 2026-12-06). */
  workerTime?: WorkerTime | null;
}

export interface RecognisableResult {
  /**
   * Seconds of training from the click on Train to the first 10,000-sample score ≤ 0.2 (the benchmark's own
   * scoring calls are subtracted); null when not reached in the time allowed.
   */
  seconds: number | null;
  /** The last score measured, and at which step. */
  lastScore: { normalised: number; step: number };
}

/** The worker's tensors and the page's JS heap after a forced collection (the demo's handle, performance.memory). */
export async function snapshot(page: Page, family: string): Promise<MemorySnapshot> {
  const memory = await page.evaluate(
    (f) => (document.querySelector(`#demo-${f} gen-demo`) as unknown as DemoHandle).memory(),
    family,
  );
  const { jsHeap, gcFrom, gcTo } = await page.evaluate(() => {
    const gcFrom = performance.now();
    (window as unknown as { gc?: () => void }).gc?.();
    const gcTo = performance.now();
    const jsHeap = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? NaN;
    return { jsHeap, gcFrom, gcTo };
  });
  return { numTensors: memory.numTensors, tensorBytes: memory.numBytes, jsHeap, gc: { from: gcFrom, to: gcTo } };
}

/**
 * Opens the article at one demo, on `backend`, with every other demo hidden before it can load: the worker then
 * holds this demo's tensors alone, and nothing else trains or draws. Resolves once the demo is ready.
 */
export async function openDemo(
  browser: Browser,
  origin: string,
  family: string,
  backend: BackendName,
  dataset: DatasetName,
): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.addInitScript(LONG_TASK_OBSERVER);
  await page.addInitScript(WORKER_TIME_OBSERVER);
  await page.addInitScript((f) => {
    // An adopted sheet applies from the document's first moment (its <html> may not exist yet).
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(`figure.demo-figure:not(#demo-${f}) { display: none; }`);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }, family);
  await page.goto(`${origin}${ARTICLE_PATH}?backend=${backend}&${family}.dataset=${dataset}#demo-${family}`);
  await page.locator(`#demo-${family} gen-demo`).scrollIntoViewIfNeeded();
  await page.waitForFunction(
    (f) =>
      ["ready", "error"].includes(document.querySelector(`#demo-${f} gen-demo`)?.getAttribute("data-demo-state") ?? ""),
    family,
    { timeout: 120_000 },
  );
  if ((await page.locator(`#demo-${family} gen-demo`).getAttribute("data-demo-state")) !== "ready") {
    throw new Error(
      `the ${family} demo did not start: ${await page.locator(`#demo-${family} .demo-error`).textContent()}`,
    );
  }
  return page;
}

/** The demo's step counter and loop state, with the page's clock (ms). */
export const readStep = (page: Page, family: string) =>
  page.evaluate((f) => {
    const el = document.querySelector(`#demo-${f} gen-demo`);
    return {
      t: performance.now(),
      step: Number(el?.getAttribute("data-demo-step") ?? 0),
      loop: el?.getAttribute("data-demo-loop"),
    };
  }, family);

/**
 * Trains the open demo for `seconds` while the page scrolls a little every half second, as a reader's would:
 * its speed in windows after the warm-up, the main thread's long tasks, and tensors and heap after the warm-up
 * (the optimiser makes its slots on the first step) and at the end.
 */
export async function measureTraining(
  page: Page,
  family: string,
  options: { seconds: number; warmupSeconds?: number; windows?: number; bareWindow?: () => Promise<number> },
): Promise<DemoResult> {
  const warmup = options.warmupSeconds ?? 4;
  const windows = options.windows ?? 3;
  const windowMs = ((options.seconds - warmup) * 1000) / windows;
  const play = page.locator(`#demo-${family} .demo-play`);
  let start: MemorySnapshot | null = null;
  const clicked = await page.evaluate(() => performance.now());
  await play.click();
  const series: { t: number; step: number; running: boolean }[] = [];
  /** With `bareWindow`: the demo's windows (page clock) and the bare loop's rate right after each. */
  const demoWindows: { from: number; to: number }[] = [];
  const bareRates: number[] = [];
  let windowFrom: number | null = null;
  let firstUpdateMs = NaN;
  let scroll = 1;
  for (;;) {
    await page.waitForTimeout(250);
    const now = await readStep(page, family);
    series.push({ t: now.t, step: now.step, running: now.loop === "running" });
    if (Number.isNaN(firstUpdateMs) && now.step > 0) firstUpdateMs = now.t - clicked;
    const elapsed = (now.t - clicked) / 1000;
    if (start === null && elapsed >= warmup) {
      start = await snapshot(page, family);
      windowFrom = (await readStep(page, family)).t;
    }
    // The demo pauses itself at its training budget: carry on, as a reader clicking Train again would.
    if (now.loop === "paused") await play.click();
    await page.evaluate((dy) => window.scrollBy(0, dy), 40 * scroll);
    scroll = -scroll;
    if (!options.bareWindow) {
      if (elapsed >= options.seconds) break;
      continue;
    }
    if (windowFrom === null || now.t - windowFrom < windowMs) continue;
    // The demo pauses (its last tick lands), the bare loop runs a window, and the demo trains on.
    demoWindows.push({ from: windowFrom, to: now.t });
    await play.click();
    await demoSettled(page, family);
    bareRates.push(await options.bareWindow());
    if (demoWindows.length === windows) break;
    await play.click();
    await page.waitForTimeout(BARE_SETTLE_MS);
    const back = await readStep(page, family);
    series.push({ t: back.t, step: back.step, running: back.loop === "running" });
    windowFrom = back.t;
  }
  if (!options.bareWindow) await play.click();
  const timed = options.bareWindow
    ? demoWindows
    : windowFrom === null
      ? []
      : [{ from: windowFrom, to: series.at(-1)!.t }];
  const workerTime = await readWorkerTime(page, timed);
  const end = await snapshot(page, family);
  const longTasks = await longTasksBetween(page, clicked, series.at(-1)!.t, [start?.gc, end.gc]);
  const figure = page.locator(`#demo-${family}`);
  return {
    backend: (await figure.locator("gen-demo").getAttribute("data-demo-backend")) ?? "",
    dataset: (await figure.getByLabel("数据集").inputValue()) as DatasetName,
    seconds: (series.at(-1)!.t - clicked) / 1000,
    stepsPerSecond: spread(
      options.bareWindow
        ? demoWindows.map((w) => rateBetween(series, w.from, w.to))
        : windowRates(series, clicked, warmup, windows),
    ),
    ...(options.bareWindow ? { bareAfterEach: bareRates } : {}),
    longTasks: { count: longTasks.length, longestMs: Math.max(0, ...longTasks.map((t) => t.duration)) },
    memory: { start: start ?? end, end },
    firstUpdateMs,
    workerTime,
  };
}

/** After the demo pauses or trains again, how long the benchmark waits before it times the other (ms). */
const BARE_SETTLE_MS = 400;

/**
 * After a click on Pause: waits until the demo's worker has done everything asked of it before (its last ticks, a
 * view or a score in flight: DDPM's sampler takes a second here), so that a bare-loop window timed next has the
 * machine to itself. The worker answers in order, so a call that returns has everything queued before it done.
 */
export async function demoSettled(page: Page, family: string): Promise<void> {
  await page.waitForTimeout(BARE_SETTLE_MS);
  // Twice: a view the pause itself asked for may be queued just behind the first call.
  for (let i = 0; i < 2; i++) {
    await page.evaluate(
      (f) => (document.querySelector(`#demo-${f} gen-demo`) as unknown as DemoHandle).memory(),
      family,
    );
  }
}

/**
 * From a fresh model of the open demo on `dataset` (chosen in its settings, as a reader would), trains until
 * a score of 10,000 samples, taken every 2 s, is ≤ 0.2, or `capSeconds` of training pass.
 */
export async function measureRecognisable(
  page: Page,
  family: string,
  dataset: DatasetName,
  seed: number,
  capSeconds: number,
): Promise<RecognisableResult> {
  const figure = page.locator(`#demo-${family}`);
  const element = figure.locator("gen-demo");
  if (!(await figure.locator(".demo-settings").evaluate((d) => (d as HTMLDetailsElement).open))) {
    await figure.locator(".demo-settings summary").click();
  }
  // Each change makes a new model, ready once it has been drawn at step 0.
  const freshModel = async (change: () => Promise<void>) => {
    const drawn = Number(await element.getAttribute("data-demo-drawn"));
    await change();
    await page.waitForFunction(
      ([f, n]) => {
        const el = document.querySelector(`#demo-${f} gen-demo`);
        return el?.getAttribute("data-demo-step") === "0" && Number(el.getAttribute("data-demo-drawn")) > Number(n);
      },
      [family, drawn] as const,
      { timeout: 60_000 },
    );
  };
  const seedInput = figure.getByLabel("随机种子");
  if ((await seedInput.inputValue()) !== String(seed)) {
    await freshModel(async () => {
      await seedInput.fill(String(seed));
      await seedInput.dispatchEvent("change");
    });
  }
  const select = figure.getByLabel("数据集");
  await freshModel(async () => {
    if ((await select.inputValue()) === dataset) await figure.getByRole("button", { name: "重置" }).click();
    else await select.selectOption(dataset);
  });
  const play = figure.locator(".demo-play");
  const clicked = await page.evaluate(() => performance.now());
  await play.click();
  let probeMs = 0;
  for (;;) {
    await page.waitForTimeout(RECOGNISABLE_POLL_MS);
    if ((await element.getAttribute("data-demo-loop")) === "paused") await play.click();
    const score = await page.evaluate(
      ([f, n]) => (document.querySelector(`#demo-${f} gen-demo`) as unknown as DemoHandle).quality(Number(n)),
      [family, QUALITY_SAMPLES] as const,
    );
    const done = await page.evaluate(() => performance.now());
    const seconds = (done - score.ms - clicked - probeMs) / 1000;
    probeMs += score.ms;
    const reached = score.normalised <= QUALITY_TARGET;
    if (reached || seconds >= capSeconds) {
      if ((await element.getAttribute("data-demo-loop")) !== "paused") await play.click();
      return { seconds: reached ? seconds : null, lastScore: { normalised: score.normalised, step: score.step } };
    }
  }
}

/**
 * Steps per second in `windows` equal windows after `warmup` seconds, from a series of readings (time, step, and
 * whether training was running), the step count taken as linear between readings. Only the stretches between two
 * readings that were both running count: a demo that pauses itself at its training budget (until the benchmark
 * clicks Train again) is not charged for the pause.
 */
export function windowRates(
  series: readonly { t: number; step: number; running?: boolean }[],
  start: number,
  warmup: number,
  windows: number,
): number[] {
  const from = start + warmup * 1000;
  const end = series.at(-1)?.t ?? from;
  const length = (end - from) / windows;
  if (length <= 0) return [];
  return Array.from({ length: windows }, (_, w) => rateBetween(series, from + w * length, from + (w + 1) * length));
}

/**
 * Steps per second from `a` to `b` (ms, the readings' clock), the step count taken as linear between readings;
 * stretches where either reading was not running are left out. NaN when no running stretch overlaps.
 */
export function rateBetween(
  series: readonly { t: number; step: number; running?: boolean }[],
  a: number,
  b: number,
): number {
  let steps = 0;
  let time = 0;
  for (let i = 1; i < series.length; i++) {
    const p = series[i - 1]!;
    const q = series[i]!;
    const overlap = Math.min(b, q.t) - Math.max(a, p.t);
    if (overlap <= 0 || q.t <= p.t || p.running === false || q.running === false) continue;
    // A stretch that straddles a window's edge counts in proportion: slow backends read out seldom.
    steps += ((q.step - p.step) * overlap) / (q.t - p.t);
    time += overlap;
  }
  return time > 0 ? (steps * 1000) / time : NaN;
}

export interface Transfer {
  url: string;
  bytes: number;
  gzip: number;
  type: string;
}

export interface PageWeight {
  /** JavaScript loaded before any demo nears the viewport. */
  initialJs: { bytes: number; gzip: number; files: number };
  /** Everything loaded on first load (page at the top, nothing scrolled). */
  firstLoad: { bytes: number; gzip: number; requests: number };
  /** Loaded when the first demo nears the viewport. */
  lazy: { demoCode: Transfer[]; tfjsWorker: Transfer[]; wasm: Transfer[] };
}

/** What the article page transfers: at first load, then when a demo is scrolled near. */
export async function measurePageWeight(browser: Browser, origin: string): Promise<PageWeight> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const transfers: Transfer[] = [];
  const pending: Promise<void>[] = [];
  page.on("response", (response) => {
    pending.push(
      response
        .body()
        .then((body) => {
          transfers.push({
            url: response.url(),
            bytes: body.length,
            gzip: gzipSync(body, { level: 9 }).length,
            type: response.headers()["content-type"] ?? "",
          });
        })
        .catch(() => {}),
    );
  });
  try {
    await page.goto(`${origin}${ARTICLE_PATH}`, { waitUntil: "load" });
    await page.waitForTimeout(2000);
    await Promise.all(pending);
    const first = [...transfers];
    const isJs = (t: Transfer) => t.type.includes("javascript") || /\.m?js(\?|$)/.test(t.url);
    const js = first.filter(isJs);
    await page.locator("gen-demo").first().scrollIntoViewIfNeeded();
    await page.waitForFunction(
      () => document.querySelector("gen-demo")?.getAttribute("data-demo-state") === "ready",
      undefined,
      {
        timeout: 120_000,
      },
    );
    await page.waitForTimeout(1000);
    await Promise.all(pending);
    const later = transfers.slice(first.length);
    const sum = (list: Transfer[], key: "bytes" | "gzip") => list.reduce((a, t) => a + t[key], 0);
    return {
      initialJs: { bytes: sum(js, "bytes"), gzip: sum(js, "gzip"), files: js.length },
      firstLoad: { bytes: sum(first, "bytes"), gzip: sum(first, "gzip"), requests: first.length },
      lazy: {
        demoCode: later.filter((t) => isJs(t) && !t.url.includes("training-worker")),
        tfjsWorker: later.filter((t) => t.url.includes("training-worker")),
        wasm: later.filter((t) => t.url.endsWith(".wasm")),
      },
    };
  } finally {
    await context.close();
  }
}
