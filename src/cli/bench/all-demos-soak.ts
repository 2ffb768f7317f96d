/**
 * Every demo of the article training at once in a reader's window (each held on screen, so none pauses off
 * screen; the page is first opened as tall as itself, so that every demo loads): the worker's tensors and the
 * page's heap after a warm-up and at the end, and whether the page stays responsive while the benchmark drives
 * real input (clicks on the view pickers, key presses in a seed field, the Train button): main-thread long tasks
 * and Event Timing entries, and the steps each demo makes.
 */
import type { Browser, Page } from "playwright-core";
import type { GenDemoElement } from "../../demo/gen-demo-element.ts";
import { ARTICLE_PATH, LONG_TASK_OBSERVER, longTasksBetween, snapshot } from "./browser-bench.ts";
import { summariseResponsiveness, type EventTimingEntry, type ResponsivenessSummary } from "./soak-summary.ts";
import { LONG_FRAME_OBSERVER, summariseLongFrames, type LongFrame, type LongFrameSummary } from "./long-frames.ts";

export interface SoakResult {
  /** Seconds of training in all, the warm-up included. */
  seconds: number;
  warmupSeconds: number;
  demos: number;
  start: { numTensors: number; tensorBytes: number; jsHeap: number };
  end: { numTensors: number; tensorBytes: number; jsHeap: number };
  /** Each demo's step counter at the end. */
  steps: Record<string, number>;
  /** Long tasks, input latency and steps made after the warm-up (absent in reports before it was measured). */
  responsiveness?: ResponsivenessSummary;
  /** The long animation frames after the warm-up, by where their time went (absent in older reports). */
  longFrames?: LongFrameSummary;
  /**
   * The window the demos trained in: a reader's (every demo held on screen, see GenDemoElement.holdOnScreen), or,
   * in reports before 2026-12-05 where this is absent, one as tall as the page.
   */
  viewport?: { width: number; height: number };
}

const SOAK_WARMUP_MS = 15_000;
/** A reader's window on a laptop: what the page lays out and paints while every demo trains. */
const READER_WINDOW = { width: 1280, height: 900 };
/** How often the benchmark gives the page an input while it measures. */
const INPUT_EVERY_MS = 3000;
const EVENT_THRESHOLD_MS = 16;

/** Installed before any page script: collects Event Timing entries of 16 ms and more. */
export const EVENT_TIMING_OBSERVER = `
window.__events = [];
try {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      window.__events.push({ name: e.name, startTime: e.startTime, duration: e.duration, interactionId: e.interactionId ?? 0 });
  }).observe({ type: "event", durationThreshold: ${EVENT_THRESHOLD_MS}, buffered: true });
} catch {}
`;

const demo = (family: string) => `#demo-${family} gen-demo`;

/**
 * Input as a reader's: in turn, the next view of one demo after another (where a demo has more than one), and
 * a click in the first demo's seed field followed by a digit and Backspace (the value ends as it was, so no model
 * is rebuilt). Returns the number of interactions given.
 */
function inputDriver(page: Page, families: readonly string[]) {
  let turn = 0;
  return async (): Promise<number> => {
    turn++;
    if (turn % 2 === 0) {
      const seed = page.locator(`#demo-${families[0]}`).getByLabel("随机种子");
      await seed.click();
      await page.keyboard.press("1");
      await page.keyboard.press("Backspace");
      return 3;
    }
    const family = families[(turn >> 1) % families.length]!;
    const radios = page.locator(`#demo-${family} .demo-views input[type=radio]`);
    const count = await radios.count();
    if (count < 2) return 0;
    const checked = await radios.evaluateAll((rs) => rs.findIndex((r) => (r as HTMLInputElement).checked));
    await radios.nth((checked + 1) % count).click();
    return 1;
  };
}

/**
 * Every demo of the article training at once for `seconds` in all; the first snapshot comes after a short warm-up
 * (code, caches and optimiser slots are made once, at the start), the last at the end. Responsiveness is measured
 * between the two.
 */
export async function measureSoak(browser: Browser, origin: string, seconds: number): Promise<SoakResult> {
  const page = await browser.newPage({ viewport: READER_WINDOW });
  await page.addInitScript(LONG_TASK_OBSERVER);
  await page.addInitScript(EVENT_TIMING_OBSERVER);
  await page.addInitScript(LONG_FRAME_OBSERVER);
  try {
    await page.goto(`${origin}${ARTICLE_PATH}`);
    const fitPage = async () => {
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      await page.setViewportSize({ width: 1280, height: Math.min(height, 30_000) });
    };
    // The article's text blocks take their real height only once shown (content-visibility), so the page grows
    // as the tall window shows them: fit again until every demo has loaded.
    const allReady = () =>
      page.evaluate(() =>
        [...document.querySelectorAll("gen-demo")].every((el) => el.getAttribute("data-demo-state") === "ready"),
      );
    const loadBy = Date.now() + 180_000;
    for (;;) {
      await fitPage();
      if (await allReady()) break;
      if (Date.now() > loadBy) throw new Error("soak: not every demo loaded within 180 s");
      await page.waitForTimeout(1000);
    }
    const families = await page.evaluate(() =>
      [...document.querySelectorAll("gen-demo")].map((el) => el.getAttribute("model") ?? ""),
    );
    // Every demo trains as a reader's on-screen one does; the window shrinks back to a reader's. (A window as tall
    // as the page, the way of reports before 2026-12-05, had the compositor paint 30,000 px with SwiftShader on
    // the same two cores: input waited up to 4 times as long; see the benchmark notes.)
    await page.evaluate(() =>
      document.querySelectorAll("gen-demo").forEach((el) => (el as unknown as GenDemoElement).holdOnScreen()),
    );
    await page.setViewportSize(READER_WINDOW);
    const first = families[0]!;
    // The seed field the input driver types in lives in the first demo's settings.
    await page.locator(`#demo-${first} .demo-settings summary`).click();
    let interactions = 0;
    // Every demo's loop state in one call: a locator's read is a task of 10–15 ms on the page's main thread here,
    // and nine of them a second were the benchmark's own load on the page it measures.
    const loopStates = () =>
      page.evaluate(() =>
        Object.fromEntries(
          [...document.querySelectorAll("gen-demo")].map((el) => [
            el.getAttribute("model"),
            el.getAttribute("data-demo-loop"),
          ]),
        ),
      );
    // Keeps every demo training (a demo pauses itself at its budget, and a reader would click Train again).
    const keepTraining = async (forMs: number, input?: () => Promise<number>) => {
      const until = Date.now() + forMs;
      let nextInput = Date.now() + INPUT_EVERY_MS;
      while (Date.now() < until) {
        const loops = await loopStates();
        for (const family of families) {
          const loop = loops[family];
          if (loop === "paused" || loop === null) {
            await page.locator(`#demo-${family} .demo-play`).click();
            if (input) interactions++;
          }
        }
        if (input && Date.now() >= nextInput) {
          interactions += await input();
          nextInput += INPUT_EVERY_MS;
        }
        await page.waitForTimeout(Math.min(1000, Math.max(0, until - Date.now())));
      }
    };
    const stepsNow = async () => {
      const steps: Record<string, number> = {};
      for (const family of families) {
        steps[family] = Number(await page.locator(demo(family)).getAttribute("data-demo-step"));
      }
      return steps;
    };
    const t0 = Date.now();
    const warmupMs = Math.min(SOAK_WARMUP_MS, (seconds * 1000) / 4);
    await keepTraining(warmupMs);
    const start = await snapshot(page, first);
    const stepsAtStart = await stepsNow();
    await keepTraining(seconds * 1000 - (Date.now() - t0), inputDriver(page, families));
    const end = await snapshot(page, first);
    const steps = await stepsNow();
    const longTasks = await longTasksBetween(page, start.gc!.to, end.gc!.from, [start.gc, end.gc]);
    const events = await page.evaluate(
      ([a, b]) =>
        (window as unknown as { __events: EventTimingEntry[] }).__events.filter(
          (e) => e.startTime >= a! && e.startTime <= b!,
        ),
      [start.gc!.to, end.gc!.from] as const,
    );
    const frames = await page.evaluate(
      ([a, b]) =>
        (window as unknown as { __frames: LongFrame[] }).__frames.filter(
          (f) => f.startTime >= a! && f.startTime + f.duration <= b!,
        ),
      [start.gc!.to, end.gc!.from] as const,
    );
    for (const family of families) {
      if ((await page.locator(demo(family)).getAttribute("data-demo-loop")) !== "paused") {
        await page.locator(`#demo-${family} .demo-play`).click();
      }
    }
    return {
      seconds: (Date.now() - t0) / 1000,
      warmupSeconds: warmupMs / 1000,
      demos: families.length,
      start,
      end,
      steps,
      responsiveness: summariseResponsiveness({
        longTasks,
        events,
        interactions,
        thresholdMs: EVENT_THRESHOLD_MS,
        steps: Object.fromEntries(families.map((f) => [f, steps[f]! - stepsAtStart[f]!])),
      }),
      longFrames: summariseLongFrames(frames),
      viewport: READER_WINDOW,
    };
  } finally {
    await page.close();
  }
}
