/**
 * Every demo of the article training at once in a reader's window (each held on screen, so none pauses off
 * screen; the page is first opened as tall as itself, so that every demo loads): the worker's tensors and the
 * page's heap after a warm-up and at the end, and whether the page stays responsive while the benchmark gives
 * input as a reader does (the mouse wheel from one demo to the next, then clicks on its view pickers, key presses
 * in its seed field): main-thread long tasks and Event Timing entries, and the steps each demo makes. Then what
 * jumps across the page cost (a link to a demo, the scrollbar dragged), while every demo trains and with none.
 */
import type { Browser, Page } from "playwright-core";
import type { GenDemoElement } from "../../demo/gen-demo-element.ts";
import { ARTICLE_PATH, LONG_TASK_OBSERVER, longTasksBetween, snapshot } from "./browser-bench.ts";
import { summariseResponsiveness, type EventTimingEntry, type ResponsivenessSummary } from "./soak-summary.ts";
import { LONG_FRAME_OBSERVER, summariseLongFrames, type LongFrame, type LongFrameSummary } from "./long-frames.ts";
import { cpuShares, readCpu, type CpuShares } from "./thread-cpu.ts";

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
  /**
   * How the benchmark moved between demos while it measured: with the mouse wheel, as a reader scrolls; absent in
   * older reports, where each click jumped the page to its target.
   */
  moves?: "wheel";
  /**
   * Long tasks of jumps across the page (absent in older reports): to each demo (a lecturer's link to a demo) and
   * to places in the text (the scrollbar dragged), while every demo trains and with none training.
   */
  jumps?: Record<"toDemos" | "toText", { training: JumpCost; idle: JumpCost }>;
  /**
   * Where the processors' time went between the two snapshots (shares of one core, from /proc): absent off Linux
   * and in reports before 2026-12-07.
   */
  processor?: CpuShares;
}

/** Main-thread long tasks while the page jumped `jumps` times between far places, a second apart. */
export interface JumpCost {
  jumps: number;
  longTasks: number;
  longestMs: number;
}

const SOAK_WARMUP_MS = 15_000;
/** A reader's window on a laptop: what the page lays out and paints while every demo trains. */
const READER_WINDOW = { width: 1280, height: 900 };
/** How often the benchmark gives the page an input while it measures. */
const INPUT_EVERY_MS = 3000;
const EVENT_THRESHOLD_MS = 16;
/** A reader's mouse wheel: 120 px a notch, a notch every 50 ms (2,400 px a second, a quick scroll). */
export const WHEEL = { notchPx: 120, everyMs: 50 } as const;
/** Where in the window (px from its top) the reader brings the demo they act on. */
const DEMO_TOP_PX = 120;
/** How long after each jump the benchmark waits before the next one. */
const JUMP_EVERY_MS = 1000;

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

/** Scrolls with the mouse wheel, a notch at a time, until the top of `selector` is near the window's top. */
async function wheelTo(page: Page, selector: string): Promise<void> {
  await page.mouse.move(READER_WINDOW.width / 2, READER_WINDOW.height / 2);
  for (let notch = 0; notch < 1000; notch++) {
    const distance = await page.evaluate(([s, top]) => document.querySelector(s)!.getBoundingClientRect().top - top!, [
      selector,
      DEMO_TOP_PX,
    ] as const);
    if (Math.abs(distance) < WHEEL.notchPx) return;
    await page.mouse.wheel(0, Math.sign(distance) * WHEEL.notchPx);
    await page.waitForTimeout(WHEEL.everyMs);
  }
}

/**
 * Input as a reader's: with the mouse wheel to a demo (one after another in the page's order, back and forth), then
 * in turn its next view (where it has more than one), or a click in its seed field followed by a digit and
 * Backspace (its settings opened first where closed; the value ends as it was, so no model is rebuilt), and on to
 * the next demo. Returns the number of interactions given.
 */
function readerInput(page: Page, families: readonly string[]) {
  let at = 0;
  let direction = 1;
  let turn = 0;
  return async (): Promise<number> => {
    const family = families[at]!;
    await wheelTo(page, `#demo-${family}`);
    turn++;
    if (turn % 2 === 1) {
      const radios = page.locator(`#demo-${family} .demo-views input[type=radio]`);
      const count = await radios.count();
      if (count < 2) return 0;
      const checked = await radios.evaluateAll((rs) => rs.findIndex((r) => (r as HTMLInputElement).checked));
      await radios.nth((checked + 1) % count).click();
      return 1;
    }
    let interactions = 0;
    const settings = page.locator(`#demo-${family} .demo-settings`);
    if (!(await settings.evaluate((d) => (d as HTMLDetailsElement).open))) {
      await settings.locator("summary").click();
      interactions++;
    }
    await page.locator(`#demo-${family}`).getByLabel("随机种子").click();
    await page.keyboard.press("1");
    await page.keyboard.press("Backspace");
    if (at + direction < 0 || at + direction >= families.length) direction = -direction;
    at = Math.max(0, Math.min(families.length - 1, at + direction));
    return interactions + 3;
  };
}

/** `items` far apart in turn: the first, the last, the second, the one before the last, and so on. */
export function farApartOrder<T>(items: readonly T[]): T[] {
  return items.map((_, i) => items[i % 2 === 0 ? i / 2 : items.length - 1 - (i - 1) / 2]!);
}

/** Where a jump lands: an element brought to the window's top, or a place in the page (0 top, 1 bottom). */
type JumpTarget = { selector: string } | { fraction: number };

/** Places in the text for the jumps: spread evenly over the page, a ninth of its height apart. */
const TEXT_PLACES: readonly JumpTarget[] = Array.from({ length: 9 }, (_, i) => ({ fraction: (i + 0.5) / 9 }));

/** Long tasks while the page jumps to `targets`, far apart in turn (see farApartOrder), a second apart. */
async function measureJumps(page: Page, targets: readonly JumpTarget[]): Promise<JumpCost> {
  const order = farApartOrder(targets);
  const from = await page.evaluate(() => performance.now());
  for (const target of order) {
    await page.evaluate((t) => {
      if ("selector" in t) document.querySelector(t.selector)!.scrollIntoView();
      else window.scrollTo(0, t.fraction * (document.documentElement.scrollHeight - window.innerHeight));
    }, target);
    await page.waitForTimeout(JUMP_EVERY_MS);
  }
  const to = await page.evaluate(() => performance.now());
  const tasks = await longTasksBetween(page, from, to, []);
  return { jumps: order.length, longTasks: tasks.length, longestMs: Math.max(0, ...tasks.map((t) => t.duration)) };
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
    await page.evaluate(() => window.scrollTo(0, 0));
    const first = families[0]!;
    let interactions = 0;
    // Train on every demo that is not training (at the start, or paused at its budget, where a reader would click
    // it again), pressed from script in one call: a pointer's click would first scroll the page to a demo that
    // may be far away, and a locator's read is a task of 10–15 ms on the page's main thread here.
    // (The button reads Train where the loop is paused or has not started, and Pause otherwise.)
    const pressTrain = (toTrain: boolean) =>
      page.evaluate((train) => {
        for (const el of document.querySelectorAll("gen-demo")) {
          const loop = el.getAttribute("data-demo-loop");
          if ((loop === null || loop === "paused") === train)
            el.querySelector<HTMLButtonElement>(".demo-play")?.click();
        }
      }, toTrain);
    // Keeps every demo training for `forMs`, giving the page input every few seconds where `input` is given.
    const keepTraining = async (forMs: number, input?: () => Promise<number>) => {
      const until = Date.now() + forMs;
      let nextInput = Date.now() + INPUT_EVERY_MS;
      while (Date.now() < until) {
        await pressTrain(true);
        if (input && Date.now() >= nextInput) {
          interactions += await input();
          nextInput += INPUT_EVERY_MS;
        }
        await page.waitForTimeout(Math.min(1000, Math.max(0, until - Date.now())));
      }
    };
    const stepsNow = (): Promise<Record<string, number>> =>
      page.evaluate(() =>
        Object.fromEntries(
          [...document.querySelectorAll("gen-demo")].map((el) => [
            el.getAttribute("model"),
            Number(el.getAttribute("data-demo-step")),
          ]),
        ),
      );
    const t0 = Date.now();
    const warmupMs = Math.min(SOAK_WARMUP_MS, (seconds * 1000) / 4);
    await keepTraining(warmupMs);
    const start = await snapshot(page, first);
    const stepsAtStart = await stepsNow();
    const cpuBefore = { reading: readCpu(), at: Date.now() };
    await keepTraining(seconds * 1000 - (Date.now() - t0), readerInput(page, families));
    const cpuAfter = { reading: readCpu(), at: Date.now() };
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
    // A jump across the page lays out and paints a screenful of it at once: what that costs while every demo
    // trains, and with none training (the page's own share).
    const demoPlaces = families.map((f) => ({ selector: `#demo-${f}` }));
    await pressTrain(true);
    const training = { toDemos: await measureJumps(page, demoPlaces), toText: await measureJumps(page, TEXT_PLACES) };
    await pressTrain(false);
    await page.waitForTimeout(JUMP_EVERY_MS);
    const idle = { toDemos: await measureJumps(page, demoPlaces), toText: await measureJumps(page, TEXT_PLACES) };
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
      moves: "wheel",
      jumps: {
        toDemos: { training: training.toDemos, idle: idle.toDemos },
        toText: { training: training.toText, idle: idle.toText },
      },
      ...(cpuBefore.reading && cpuAfter.reading
        ? { processor: cpuShares(cpuBefore.reading, cpuAfter.reading, (cpuAfter.at - cpuBefore.at) / 1000) }
        : {}),
    };
  } finally {
    await page.close();
  }
}
