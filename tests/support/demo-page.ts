/**
 * Helpers for browser tests that drive a demo on a built page (the article or an embed, where each demo's figure
 * is `#demo-<model>`) and break its training worker through the documented `genDemoDebug` handles.
 */
import type { Page } from "playwright-core";
import type { DebugHandles } from "../../src/demo/debug-handles.ts";

/** The console errors and uncaught page errors of `page`, collected as they come. */
export function collectProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
  page.on("pageerror", (e) => problems.push(String(e)));
  return problems;
}

/** The demo's step, as it writes it in `data-demo-step`. */
export async function stepOf(page: Page, model: string): Promise<number> {
  return Number(await page.locator(`#demo-${model} gen-demo`).getAttribute("data-demo-step"));
}

/** Waits until the demo's `data-demo-state` is `state` ("ready", "error", …). */
export async function waitForState(page: Page, model: string, state: string): Promise<void> {
  await page.waitForFunction(
    ([m, s]) => document.querySelector(`#demo-${m} gen-demo`)?.getAttribute("data-demo-state") === s,
    [model, state] as const,
    { timeout: 90_000 },
  );
}

/** Waits until the demo's step is past `from`. */
export async function waitForStepPast(page: Page, model: string, from: number, timeout = 120_000): Promise<void> {
  await page.waitForFunction(
    ([m, n]) => Number(document.querySelector(`#demo-${m} gen-demo`)?.getAttribute("data-demo-step")) > Number(n),
    [model, from] as const,
    { timeout },
  );
}

/** Presses the demo's Train (by its Chinese name, or `name`) and waits until its step is past `from`. */
export async function trainPast(page: Page, model: string, from: number, name = "▶ 训练"): Promise<void> {
  await page.locator(`#demo-${model}`).getByRole("button", { name }).click();
  await waitForStepPast(page, model, from);
}

/** Calls one of the page's `genDemoDebug` handles; resolves with what it returns. */
export function debugHandle<K extends keyof DebugHandles>(
  page: Page,
  handle: K,
): Promise<Awaited<ReturnType<DebugHandles[K]>>> {
  return page.evaluate(
    (name) => (globalThis as unknown as { genDemoDebug: Record<string, () => unknown> }).genDemoDebug[name]!(),
    handle,
  ) as Promise<Awaited<ReturnType<DebugHandles[K]>>>;
}

/** The demo element's `memory()`: the worker's tensors and the backend running. */
export function demoMemory(page: Page, model: string): Promise<{ numTensors: number; backend: string }> {
  return page.evaluate(
    (m) =>
      (
        document.querySelector(`#demo-${m} gen-demo`) as unknown as {
          memory(): Promise<{ numTensors: number; backend: string }>;
        }
      ).memory(),
    model,
  );
}

/** The demo element's `quality(n)`: the score of n fresh samples, and the step they were drawn at. */
export function demoQuality(page: Page, model: string, n: number): Promise<{ normalised: number; step: number }> {
  return page.evaluate(
    ([m, count]) =>
      (
        document.querySelector(`#demo-${m} gen-demo`) as unknown as {
          quality(n: number): Promise<{ normalised: number; step: number }>;
        }
      ).quality(Number(count)),
    [model, n] as const,
  );
}
