/**
 * A family's soak: its demo alone on its embed page (/embed/<family>/), training for minutes with the backend it
 * picks by itself, the benchmark clicking Train again whenever it pauses at its budget. Memory is sampled at
 * intervals after a warm-up (the worker's tensors via the demo, the page's and the worker's JS heap via CDP after a
 * forced collection); the step counter is read every second for the speed at the start and at the end. The same
 * family's bare loop, timed just before and just after, gives the machine's own drift over the soak.
 */
import type { Browser } from "playwright-core";
import type { FamilyId } from "../../models/ids.ts";
import { readStep, type DemoHandle } from "./browser-bench.ts";
import { heapReader } from "./cdp-heap.ts";
import { summariseFamilySoak, type FamilySoakSummary, type MemorySample, type StepReading } from "./soak-summary.ts";

export const EMBED_PATH = (family: string) => `/embed/${family}/`;

export interface FamilySoakResult {
  backend: string;
  /** Seconds from the click on Train to the end, the warm-up included. */
  seconds: number;
  warmupSeconds: number;
  /** The step counter at the end (the demo starts again from its budget when Train is clicked again). */
  steps: number;
  samples: MemorySample[];
  summary: FamilySoakSummary;
}

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
  /** The family's bare-loop speed now, in steps/s (on the backend the demos pick here); none: no machine drift. */
  bareSpeed?: () => Promise<number>,
): Promise<FamilySoakResult> {
  const plan = soakPlan(seconds);
  const before = await bareSpeed?.();
  const run = await soakOnPage(browser, origin, family, seconds, plan, log);
  // After the demo's page has closed: the bare loop runs on an otherwise idle browser, as before the soak.
  const after = await bareSpeed?.();
  const machine = before !== undefined && after !== undefined ? { before, after } : undefined;
  if (machine)
    log(`${family} bare loop: ${machine.before.toFixed(1)} steps/s before, ${machine.after.toFixed(1)} after`);
  return {
    backend: run.backend,
    seconds: (run.readings.at(-1)!.t - run.startMs) / 1000,
    warmupSeconds: plan.warmupSeconds,
    steps: run.readings.at(-1)!.step,
    samples: run.samples,
    summary: summariseFamilySoak({
      samples: run.samples,
      readings: run.readings,
      startMs: run.startMs,
      warmupSeconds: plan.warmupSeconds,
      windowSeconds: plan.windowSeconds,
      ...(machine && { machine }),
    }),
  };
}

/** The soak itself: the demo on its embed page, trained for `seconds`, its step counter and memory read as it goes. */
async function soakOnPage(
  browser: Browser,
  origin: string,
  family: FamilyId,
  seconds: number,
  plan: ReturnType<typeof soakPlan>,
  log: (message: string) => void,
): Promise<{ backend: string; startMs: number; readings: StepReading[]; samples: MemorySample[] }> {
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
    const startMs = await page.evaluate(() => performance.now());
    await play.click();
    const readings: StepReading[] = [];
    const samples: MemorySample[] = [];
    let nextSample = plan.warmupSeconds;
    for (;;) {
      await page.waitForTimeout(1000);
      const now = await readStep(page, family);
      readings.push({ t: now.t, step: now.step, running: now.loop === "running" });
      const elapsed = (now.t - startMs) / 1000;
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
      }
      if (last) break;
    }
    await play.click();
    const backend = (await page.locator(element).getAttribute("data-demo-backend")) ?? "";
    return { backend, startMs, readings, samples };
  } finally {
    await heap.close();
    await page.close();
  }
}
