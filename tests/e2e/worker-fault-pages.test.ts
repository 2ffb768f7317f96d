/**
 * The training worker stops on the comparison page and on an embed (terminated through `genDemoDebug.stopWorker()`):
 * each says so in a box with Restart; on /compare/ Restart runs the interrupted comparison again to its end, and the
 * embed's demo trains again from scratch.
 */
import { describe, expect, it } from "vitest";
import { servedSite } from "../support/served-site.ts";
import { collectProblems, debugHandle, stepOf, trainPast, waitForState } from "../support/demo-page.ts";

const site = servedSite();

const STOPPED = "训练线程已停止";

describe("the training worker stops on the comparison page", () => {
  it("says so with Restart, and Restart runs the comparison again to its end", async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems = collectProblems(page);
    await page.goto(`${site.origin}/compare/?backend=wasm&families=gan,flow&budget=4&mode=race`);
    await page.waitForSelector("main[data-compare-state=idle]");
    await page.getByRole("button", { name: "开始比较" }).click();
    await page.waitForFunction(
      () => Number(document.querySelector("[data-compare-panel=gan]")?.getAttribute("data-steps")) > 0,
      undefined,
      { timeout: 90_000 },
    );

    await debugHandle(page, "stopWorker");

    const alert = page.getByRole("alert").filter({ hasText: STOPPED });
    await alert.waitFor({ timeout: 30_000 });
    await expect(alert.textContent()).resolves.toContain("线程被终止");
    await page.waitForSelector("main[data-compare-state=worker-stopped]", { timeout: 30_000 });
    await expect(page.locator("[data-compare-status]").textContent()).resolves.toContain("比较中断了");

    await alert.getByRole("button", { name: "重新启动" }).click();
    await page.waitForSelector("main[data-compare-state=running]", { timeout: 30_000 });
    await expect(page.getByRole("alert").filter({ hasText: STOPPED }).count()).resolves.toBe(0);
    await page.waitForSelector("main[data-compare-state=done]", { timeout: 150_000 });
    for (const family of ["gan", "flow"]) {
      const panel = page.locator(`[data-compare-panel=${family}]`);
      await expect(panel.getAttribute("data-state")).resolves.toBe("done");
      expect(Number(await panel.getAttribute("data-steps"))).toBeGreaterThan(0);
    }
    expect(problems).toEqual([]);
    await page.close();
  }, 300_000);
});

describe("the training worker stops on an embed", () => {
  it("the embedded demo says so with Restart, and trains again from scratch after it", async () => {
    const page = await site.browser.newPage({ viewport: { width: 900, height: 900 } });
    const problems = collectProblems(page);
    await page.goto(`${site.origin}/embed/gan/?backend=wasm`);
    await waitForState(page, "gan", "ready");
    await trainPast(page, "gan", 3);

    await debugHandle(page, "stopWorker");

    const alert = page.locator("#demo-gan").getByRole("alert").filter({ hasText: STOPPED });
    await alert.waitFor({ timeout: 30_000 });
    await alert.getByRole("button", { name: "重新启动" }).click();
    await waitForState(page, "gan", "ready");
    expect(await stepOf(page, "gan")).toBe(0);
    await trainPast(page, "gan", 3);
    expect(problems).toEqual([]);
    await page.close();
  });
});
