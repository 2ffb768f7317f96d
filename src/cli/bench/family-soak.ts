/**
 * A family's soak: its demo alone on its embed page (/embed/<family>/), training for minutes with the backend it
 * picks by itself, the benchmark clicking Train again whenever it pauses at its budget. Memory is sampled at
 * intervals after a warm-up (the worker's tensors via the demo, the page's and the worker's JS heap via CDP after a
 * forced collection); the step counter is read every second for the speed at the start and at the end. The same
 * family's bare loop, timed just before and just after and, with the demo paused, after each sample's window, gives
 * the machine's own drift over the soak: each window of the demo is read against the bare loop's right after it.
 */
import type { Browser } from "playwright-core";
import type { FamilyId } from "../../models/ids.ts";
import { demoSettled, rateBetween, readStep, type DemoHandle } from "./browser-bench.ts";
import { heapReader } from "./cdp-heap.ts";
import {
  summariseFamilySoak,
  type FamilySoakSummary,
  type MemorySample,
  type PairedWindow,
  type StepReading,
} from "./soak-summary.ts";

export const EMBED_PATH = (family: string) => `/embed/${family}/`;

export interface FamilySoakResult {
  backend: string;
  /** Seconds from the click on Train to the end, the warm-up included, less the demo's pauses for the bare loop. */
  seconds: number;
  warmupSeconds: number;
  /** The step counter at the end (the demo starts again from its budget when Train is clicked again). */
  steps: number;
  samples: MemorySample[];
  /** The demo's windows between samples: its steps/s in each, and the bare loop's timed right after it. */
  paired?: SoakWindow[];
  summary: FamilySoakSummary;
}

/** A window of the demo with its steps/s in it (page clock, ms) and the bare loop's timed right after it. */
export type SoakWindow = PairedWindow & { demo: number };

/** The family's bare loop beside the soak: its steps/s now, the median of `windows` two-second windows. */
export type BareSpeed = (windows: number) => Promise<number>;

/** Two-second windows of the bare loop timed before and after a soak (its median is the machine's speed). */
export const BARE_WINDOWS_AROUND = 5;
/** Two-second windows of the bare loop timed after each of the demo's windows, the demo paused. */
export const BARE_WINDOWS_BETWEEN = 3;
/** After the demo trains again, how long the soak waits before it reads where its window begins (ms). */
const SETTLE_MS = 400;

/** How the soak's time is cut: warm-up, memory samples and the speed windows, from its length in seconds. */
export function soakPlan(seconds: number): { warmupSeconds: number; sampleSeconds: number; windowSeconds: number } {
  const warmupSeconds = Math.min(60, seconds / 4);
  const measured = seconds - warmupSeconds;
  return { warmupSeconds, sampleSeconds: Math.min(60, measured / 4), windowSeconds: Math.min(60, measured / 3) };
}

export async function measureFamilySoak(
  browser: Browser,
  origin: string,
  family: FamilyId,
  seconds: number,
  log: (message: string) => void = () => {},
  /** The family's bare loop (on the backend the demos pick here); none: no machine drift. */
  bareSpeed?: BareSpeed,
): Promise<FamilySoakResult> {
  const plan = soakPlan(seconds);
  const before = await bareSpeed?.(BARE_WINDOWS_AROUND);
  const run = await soakOnPage(browser, origin, family, seconds, plan, log, bareSpeed);
  // After the demo's page has closed: the bare loop runs on an otherwise idle browser, as before the soak.
  const after = await bareSpeed?.(BARE_WINDOWS_AROUND);
  const machine = before !== undefined && after !== undefined ? { before, after } : undefined;
  if (machine)
    log(`${family} bare loop: ${machine.before.toFixed(1)} steps/s before, ${machine.after.toFixed(1)} after`);
  return {
    backend: run.backend,
    seconds: (run.readings.at(-1)!.t - run.startMs - run.pausedMs) / 1000,
    warmupSeconds: plan.warmupSeconds,
    steps: run.readings.at(-1)!.step,
    samples: run.samples,
    ...(bareSpeed && { paired: run.paired }),
    summary: summariseFamilySoak({
      samples: run.samples,
      readings: run.readings,
      startMs: run.startMs,
      warmupSeconds: plan.warmupSeconds,
      windowSeconds: plan.windowSeconds,
      ...(machine && { machine }),
      ...(bareSpeed && { paired: run.paired }),
    }),
  };
}

/**
 * The soak itself: the demo on its embed page, trained for `seconds`, its step counter and memory read as it goes;
 * with `bareSpeed`, after every sample but the first the demo pauses while the bare loop is timed (the readings
 * mark that time as not training, so no speed counts it).
 */
async function soakOnPage(
  browser: Browser,
  origin: string,
  family: FamilyId,
  seconds: number,
  plan: ReturnType<typeof soakPlan>,
  log: (message: string) => void,
  bareSpeed?: BareSpeed,
): Promise<{
  backend: string;
  startMs: number;
  readings: StepReading[];
  samples: MemorySample[];
  paired: SoakWindow[];
  pausedMs: number;
}> {
  const page = await browser.newPage({ viewport: { width: 900, height: 900 } });
  const heap = await heapReader(page);
  try {
    await page.goto(`${origin}${EMBED_PATH(family)}`);
    const element = `#demo-${family} gen-demo`;
    await page.waitForFunction(
      (sel) => ["ready", "error"].includes(document.querySelector(sel)?.getAttribute("data-demo-state") ?? ""),
      element,
      { timeout: 120_000 },
    );
    if ((await page.locator(element).getAttribute("data-demo-state")) !== "ready") {
      throw new Error(`the ${family} demo did not start: ${await page.locator(".demo-error").textContent()}`);
    }
    const play = page.locator(`#demo-${family} .demo-play`);
    const read = async () => {
      const now = await readStep(page, family);
      return { t: now.t, step: now.step, running: now.loop === "running" };
    };
    /** A reading that counts as not training (around the bare loop's time), whatever the counter did. */
    const readPaused = async (): Promise<StepReading> => ({ ...(await read()), running: false });
    const startMs = await page.evaluate(() => performance.now());
    await play.click();
    const readings: StepReading[] = [];
    const samples: MemorySample[] = [];
    const paired: SoakWindow[] = [];
    /** Where the demo's current window began (page clock): at the first sample, then each time it trains again. */
    let windowFrom: number | null = null;
    /** Time the demo sat paused for the bare loop (ms): the soak's length counts training time. */
    let pausedMs = 0;
    let nextSample = plan.warmupSeconds;
    for (;;) {
      await page.waitForTimeout(1000);
      const now = await readStep(page, family);
      readings.push({ t: now.t, step: now.step, running: now.loop === "running" });
      const elapsed = (now.t - startMs - pausedMs) / 1000;
      if (now.loop === "paused") await play.click();
      const last = elapsed >= seconds;
      if (elapsed >= nextSample || last) {
        const tensors = await page.evaluate(
          (sel) => (document.querySelector(sel) as unknown as DemoHandle).memory(),
          element,
        );
        const usage = await heap.read();
        samples.push({
          t: elapsed,
          numTensors: tensors.numTensors,
          tensorBytes: tensors.numBytes,
          pageHeap: usage.page,
          workerHeap: usage.worker,
        });
        const kb = (b: number | null) => (b === null ? "–" : `${(b / 1024).toFixed(0)} KB`);
        log(
          `${family} soak ${elapsed.toFixed(0)} s: step ${now.step}, ${tensors.numTensors} tensors, ` +
            `heap page ${kb(usage.page)}, worker ${kb(usage.worker)}`,
        );
        nextSample += plan.sampleSeconds;
        if (bareSpeed && windowFrom !== null) {
          // The demo pauses (its last tick lands), the bare loop runs, and the demo trains on.
          if ((await read()).running) await play.click();
          await demoSettled(page, family);
          readings.push(await readPaused());
          const bare = await bareSpeed(BARE_WINDOWS_BETWEEN);
          const demo = rateBetween(readings, windowFrom, now.t);
          paired.push({ from: windowFrom, to: now.t, bare, demo });
          log(`${family} soak: demo ${demo.toFixed(1)} steps/s, then the bare loop ${bare.toFixed(1)}`);
          if (last) break;
          readings.push(await readPaused());
          await play.click();
          await page.waitForTimeout(SETTLE_MS);
          const back = await read();
          readings.push(back);
          pausedMs += back.t - now.t;
          windowFrom = back.t;
        } else if (windowFrom === null) windowFrom = now.t;
      }
      if (last) break;
    }
    if ((await read()).running) await play.click();
    const backend = (await page.locator(element).getAttribute("data-demo-backend")) ?? "";
    return { backend, startMs, readings, samples, paired, pausedMs };
  } finally {
    await heap.close();
    await page.close();
  }
}
