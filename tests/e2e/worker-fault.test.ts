/**
 * The page's one training worker stops while two demos train (terminated through the documented debug handle
 * `genDemoDebug.stopWorker()`, as a crash would end it): both demos say so and stop training, the article keeps
 * working, and Restart in one demo brings a fresh worker that both demos train on again, from scratch.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../../src/cli/chromium.ts";
import { serveStatic, type StaticServer } from "../../src/cli/static-server.ts";
import { ARTICLE_PATH, DIST, requireBuild } from "../support/site.ts";

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  requireBuild();
  server = await serveStatic(DIST);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const MODELS = ["gan", "ddpm"] as const;

function stepOf(page: Page, model: string): Promise<number> {
  return page
    .locator(`#demo-${model} gen-demo`)
    .getAttribute("data-demo-step")
    .then((s) => Number(s));
}

async function waitFor(page: Page, model: string, state: string): Promise<void> {
  await page.waitForFunction(
    ([m, s]) => document.querySelector(`#demo-${m} gen-demo`)?.getAttribute("data-demo-state") === s,
    [model, state] as const,
    { timeout: 90_000 },
  );
}

async function trainPast(page: Page, model: string, from: number): Promise<void> {
  await page.locator(`#demo-${model}`).getByRole("button", { name: "▶ 训练" }).click();
  await page.waitForFunction(
    ([m, n]) => Number(document.querySelector(`#demo-${m} gen-demo`)?.getAttribute("data-demo-step")) > Number(n),
    [model, from] as const,
    { timeout: 120_000 },
  );
}

describe("the training worker stops", () => {
  it("every demo says so, the article keeps working, and Restart trains both demos again", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
    page.on("pageerror", (e) => problems.push(String(e)));
    await page.goto(`${server.origin}${ARTICLE_PATH}?backend=wasm`);
    // As tall as the page, so both demos stay on screen (an off-screen demo pauses) while they train.
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.setViewportSize({ width: 1280, height });
    for (const model of MODELS) await waitFor(page, model, "ready");
    for (const model of MODELS) await trainPast(page, model, 3);

    await page.evaluate(() =>
      (globalThis as unknown as { genDemoDebug: { stopWorker(): void } }).genDemoDebug.stopWorker(),
    );

    for (const model of MODELS) {
      const figure = page.locator(`#demo-${model}`);
      const alert = figure.getByRole("alert").filter({ hasText: "训练线程已停止" });
      await expect(alert.textContent()).resolves.toContain("线程被终止");
      await expect(alert.getByRole("button", { name: "重新启动" }).isVisible()).resolves.toBe(true);
      // Not stuck in training: the button offers to train, and the step stays where it stopped.
      await expect(figure.getByRole("button", { name: "▶ 训练" }).isVisible()).resolves.toBe(true);
    }
    const stopped = await Promise.all(MODELS.map((m) => stepOf(page, m)));
    await page.waitForTimeout(500);
    expect(await Promise.all(MODELS.map((m) => stepOf(page, m)))).toEqual(stopped);

    // The rest of the page still works: its text and its table of contents.
    await expect(page.locator("h1").textContent()).resolves.toContain("生成模型");
    await page.locator("nav a[href='#ddpm']").first().click();
    await page.waitForFunction(() => location.hash === "#ddpm");

    // Restart in one demo: a fresh worker for the page; both demos make their models again, from step 0.
    await page.locator("#demo-gan").getByRole("button", { name: "重新启动" }).click();
    for (const model of MODELS) {
      await waitFor(page, model, "ready");
      expect(await stepOf(page, model)).toBe(0);
      await expect(
        page.locator(`#demo-${model}`).getByRole("alert").filter({ hasText: "训练线程已停止" }).count(),
      ).resolves.toBe(0);
    }
    for (const model of MODELS) await trainPast(page, model, 3);
    expect(problems).toEqual([]);
    await page.close();
  });
});
