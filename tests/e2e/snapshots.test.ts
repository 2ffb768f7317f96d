/**
 * "加载训练好的模型" in Chromium: the article requests no snapshot until the button is clicked; the click loads the
 * family's shipped snapshot (the autoregressive demo, placed on moons, switches to the snapshot's 8gaussians and says
 * so) and the demo scores ≤ 0.2 at once; a corrupt file is refused with a message and the demo trains from scratch;
 * an embed's `?snapshot=1` shows a trained model.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { FAMILY_SPECS } from "../../src/models/specs.ts";
import { ARTICLE_PATH } from "../support/site.ts";
import { servedSite } from "../support/served-site.ts";

const site = servedSite();

const demoAttribute = (page: Page, figure: string, name: string) =>
  page.locator(`${figure} gen-demo`).getAttribute(name);

/**
 * The article at the autoregressive demo, once it is ready; with the snapshot requests the page makes. Service workers
 * are blocked: the site's precaches the snapshots and would answer the page's fetch before `page.route` sees it
 * (tests/e2e/offline.test.ts covers the service worker).
 */
async function article(): Promise<{ page: Page; snapshots: string[]; problems: string[] }> {
  const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 }, serviceWorkers: "block" });
  const snapshots: string[] = [];
  const problems: string[] = [];
  page.on("request", (r) => {
    if (r.url().includes("/snapshots/")) snapshots.push(r.url());
  });
  page.on("pageerror", (e) => problems.push(String(e)));
  await page.goto(`${site.origin}${ARTICLE_PATH}#demo-autoregressive`);
  await page.locator("#demo-autoregressive gen-demo").scrollIntoViewIfNeeded();
  await expect
    .poll(() => demoAttribute(page, "#demo-autoregressive", "data-demo-state"), { timeout: 60_000 })
    .toBe("ready");
  return { page, snapshots, problems };
}

describe("a demo's trained model", () => {
  it("is fetched only on the click, switches the demo to its settings, and scores ≤ 0.2 at once", async () => {
    const { page, snapshots, problems } = await article();
    const figure = page.locator("#demo-autoregressive");
    await expect.poll(() => figure.locator(".demo-status").textContent()).toContain("已就绪");
    expect(snapshots).toEqual([]);
    await figure.getByText("导出与载入", { exact: true }).click();
    await figure.getByRole("button", { name: "加载训练好的模型" }).click();
    await expect
      .poll(() => figure.locator(".demo-status").textContent(), { timeout: 30_000 })
      .toContain("已载入训练好的模型");
    expect(snapshots).toEqual([`${site.origin}/snapshots/autoregressive.json`]);
    // placed on moons in the article: the demo now says it took the snapshot's data set, and shows it
    await expect.poll(() => figure.locator(".demo-status").textContent()).toContain("数据集 = 8gaussians");
    expect(await figure.getByLabel("数据集").inputValue()).toBe("8gaussians");
    expect(page.url()).toContain("autoregressive.dataset=8gaussians");
    const steps = FAMILY_SPECS.autoregressive.defaultSteps;
    expect(await demoAttribute(page, "#demo-autoregressive", "data-demo-step")).toBe(String(steps));
    expect(await demoAttribute(page, "#demo-autoregressive", "data-demo-quality-step")).toBe(String(steps));
    expect(Number(await demoAttribute(page, "#demo-autoregressive", "data-demo-quality"))).toBeLessThanOrEqual(0.2);
    // the reader trains on from it
    await figure.getByRole("button", { name: "单步" }).click();
    await expect.poll(() => demoAttribute(page, "#demo-autoregressive", "data-demo-step")).toBe(String(steps + 1));
    expect(problems).toEqual([]);
    await page.close();
  });

  it("is refused with a message when the file is corrupt, and the demo trains from scratch", async () => {
    const { page, problems } = await article();
    await page.route("**/snapshots/autoregressive.json", (route) =>
      route.fulfill({ status: 200, contentType: "application/json", body: '{"format":"gen-demo-weights",' }),
    );
    const figure = page.locator("#demo-autoregressive");
    await figure.getByText("导出与载入", { exact: true }).click();
    await figure.getByRole("button", { name: "加载训练好的模型" }).click();
    await expect
      .poll(() => figure.locator(".demo-error").textContent(), { timeout: 30_000 })
      .toContain("训练好的模型未载入：not valid JSON");
    expect(await figure.getByLabel("数据集").inputValue()).toBe("moons");
    expect(await demoAttribute(page, "#demo-autoregressive", "data-demo-step")).toBe("0");
    await figure.getByRole("button", { name: "▶ 训练" }).click();
    await expect
      .poll(async () => Number(await demoAttribute(page, "#demo-autoregressive", "data-demo-step")), {
        timeout: 30_000,
      })
      .toBeGreaterThanOrEqual(20);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("is what an embed with ?snapshot=1 shows", async () => {
    const page = await site.browser.newPage({ viewport: { width: 800, height: 900 } });
    const problems: string[] = [];
    page.on("pageerror", (e) => problems.push(String(e)));
    await page.goto(`${site.origin}/embed/flow-matching/?snapshot=1`);
    const steps = FAMILY_SPECS["flow-matching"].defaultSteps;
    await expect
      .poll(() => page.locator("gen-demo").getAttribute("data-demo-quality-step"), { timeout: 60_000 })
      .toBe(String(steps));
    expect(Number(await page.locator("gen-demo").getAttribute("data-demo-quality"))).toBeLessThanOrEqual(0.2);
    await expect.poll(() => page.locator(".demo-status").textContent()).toContain("已载入训练好的模型");
    expect(problems).toEqual([]);
    await page.close();
  });
});
