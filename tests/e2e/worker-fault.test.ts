/**
 * The page's one training worker stops while two demos train (terminated through the documented debug handle
 * `genDemoDebug.stopWorker()`): both demos say so and stop training, the article keeps working, and Restart in one
 * demo brings a fresh worker that both demos train on again, from scratch. A worker that crashes (an error thrown in
 * an async task of it that nobody awaits: an unhandled rejection), hangs (a busy loop: no answer within a tick's
 * bound) or posts a message the page cannot read (not of the protocol) takes the same path, with its reason.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { servedSite } from "../support/served-site.ts";
import { ARTICLE_PATH } from "../support/site.ts";
import { collectProblems, debugHandle, stepOf, trainPast, waitForState } from "../support/demo-page.ts";

const site = servedSite();

const MODELS = ["gan", "ddpm"] as const;

describe("the training worker stops", () => {
  it("every demo says so, the article keeps working, and Restart trains both demos again", async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems = collectProblems(page);
    await page.goto(`${site.origin}${ARTICLE_PATH}?backend=wasm`);
    // As tall as the page, so both demos stay on screen (an off-screen demo pauses) while they train.
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.setViewportSize({ width: 1280, height });
    for (const model of MODELS) await waitForState(page, model, "ready");
    for (const model of MODELS) await trainPast(page, model, 3);

    await debugHandle(page, "stopWorker");

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
      await waitForState(page, model, "ready");
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

/** The GAN demo alone, trained on WASM, then its worker broken by `handle`: the box says `reason`; Restart trains. */
async function breakAndRestart(
  page: Page,
  handle: "crashWorker" | "hangWorker" | "garbleReply",
  reason: RegExp,
): Promise<void> {
  const problems = collectProblems(page);
  await page.goto(`${site.origin}${ARTICLE_PATH}?backend=wasm#demo-gan`);
  await page.locator("#demo-gan gen-demo").scrollIntoViewIfNeeded();
  await waitForState(page, "gan", "ready");
  await trainPast(page, "gan", 3);
  const broken = Date.now();
  await debugHandle(page, handle);
  const alert = page.locator("#demo-gan").getByRole("alert").filter({ hasText: "训练线程已停止" });
  await alert.waitFor({ timeout: 30_000 });
  const seconds = (Date.now() - broken) / 1000;
  await expect(alert.textContent()).resolves.toMatch(reason);
  await expect(page.locator("#demo-gan").getByRole("button", { name: "▶ 训练" }).isVisible()).resolves.toBe(true);
  await alert.getByRole("button", { name: "重新启动" }).click();
  await waitForState(page, "gan", "ready");
  expect(await stepOf(page, "gan")).toBe(0);
  await trainPast(page, "gan", 3);
  expect(problems).toEqual([]);
  console.log(`${handle}: said after ${seconds.toFixed(1)} s`);
}

describe("the training worker crashes, hangs or says what the page cannot read", () => {
  it("an error thrown in the worker and never caught stops it with that reason, and Restart trains again", async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await breakAndRestart(page, "crashWorker", /线程内出错：.*genDemoDebug\.crashWorker\(\)/);
    await page.close();
  });

  it("a worker in a busy loop is found within seconds, stopped with that reason, and Restart trains again", async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await breakAndRestart(page, "hangWorker", /线程 \d+ 秒没有响应，正在运行的调用是 (train|view|quality)/);
    await page.close();
  });

  it("a message not of the protocol stops the worker as unreadable, and Restart trains again", async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await breakAndRestart(page, "garbleReply", /线程发来的消息无法读取/);
    await page.close();
  });
});
