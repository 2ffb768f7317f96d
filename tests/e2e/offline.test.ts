/**
 * The site offline, in Chromium, under its Content-Security-Policy: after one visit the service worker has cached the
 * site; with the network gone the article reloads and a demo trains (the race of WebGL and WASM included, so tfjs's
 * WASM comes from the cache), and the comparison page opens and runs. A new version of the site (a changed page,
 * sw.js written again as the build writes it) shows on the next load, and its cache replaces the old one.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { precacheOf, writeServiceWorker, type Precache } from "../../src/offline/build-service-worker.ts";
import { servedSite } from "../support/served-site.ts";
import { ARTICLE_PATH } from "../support/site.ts";

/** A copy of the built site, which the update test changes. */
const site = servedSite({ policy: true, copy: true });

/** A reader's browser of its own: its service worker and caches start empty. */
async function reader(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await site.policy.watch(context);
  return { context, page: await context.newPage() };
}

/** The cache names of the origin, and how many entries each holds. */
const caches = (page: Page) =>
  page.evaluate(async () =>
    Object.fromEntries(
      await Promise.all(
        (await globalThis.caches.keys()).map(async (n) => [n, (await (await globalThis.caches.open(n)).keys()).length]),
      ),
    ),
  );

/** Waits until the page is controlled by the service worker and its cache is `precache`'s, full. */
async function cached(page: Page, precache: Precache): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 60_000 });
  await expect.poll(() => caches(page), { timeout: 60_000 }).toEqual({ [precache.cache]: precache.urls.length });
}

const step = (page: Page, model: string) =>
  page.evaluate((m) => Number(document.querySelector(`#demo-${m} gen-demo`)?.getAttribute("data-demo-step")), model);

describe("the site offline", () => {
  it("after one visit, opens the article and trains a demo, and runs the comparison, with no network", async () => {
    const precache = precacheOf(site.root, "/");
    const { context, page } = await reader();
    const problems: string[] = [];
    page.on("pageerror", (e) => problems.push(String(e)));
    await page.goto(`${site.origin}${ARTICLE_PATH}`);
    await cached(page, precache);

    await context.setOffline(true);
    // truly offline, the service worker's own fetches included: what it has not cached does not come
    const uncached = await page.evaluate(() =>
      fetch("/not-in-the-cache.txt").then(
        (r) => `HTTP ${r.status}`,
        () => "failed",
      ),
    );
    expect(uncached).toBe("failed");

    await page.reload();
    await expect(page.locator("h1").first().textContent()).resolves.toContain("生成模型");
    const figure = page.locator("#demo-flow-matching");
    await figure.locator("gen-demo").scrollIntoViewIfNeeded();
    await page.waitForFunction(
      () => document.querySelector("#demo-flow-matching gen-demo")?.getAttribute("data-demo-state") === "ready",
      undefined,
      { timeout: 120_000 },
    );
    await figure.locator(".demo-play").click();
    await expect.poll(() => step(page, "flow-matching"), { timeout: 120_000 }).toBeGreaterThan(20);
    // the first Train raced WebGL and WASM: the WASM binary came from the cache
    const race = await page.evaluate(() => JSON.parse(localStorage.getItem("gen-demo:measured-backend") ?? "null"));
    expect((race.laps as { backend: string }[]).map((l) => l.backend).sort()).toEqual(["wasm", "webgl"]);
    await figure.locator(".demo-play").click();

    await page.goto(`${site.origin}/compare/?families=gan,flow&budget=1`);
    await page.getByRole("button", { name: "开始比较" }).click();
    await page.waitForFunction(() => document.querySelector("main")?.dataset.compareState === "done", undefined, {
      timeout: 150_000,
    });
    expect(problems).toEqual([]);
    expect(await site.policy.violations([page])).toEqual([]);
    await context.close();
  });

  it("shows a new version on the next load, and its cache replaces the old one", async () => {
    const before = precacheOf(site.root, "/");
    const { context, page } = await reader();
    await page.goto(`${site.origin}/`);
    await cached(page, before);

    // a new version: a page changed, and sw.js written again as the build does
    const home = path.join(site.root, "index.html");
    writeFileSync(home, readFileSync(home, "utf8").replace("把所有模型放在一起比较", "把所有模型放在一起比较（新版）"));
    const after = await writeServiceWorker(site.root, "/", path.resolve("src/offline/service-worker.ts"));
    expect(after.cache).not.toBe(before.cache);

    await page.reload();
    await expect(page.getByRole("link", { name: "把所有模型放在一起比较（新版）" }).count()).resolves.toBe(1);
    await cached(page, after);

    // and offline, the new version is the one kept
    await context.setOffline(true);
    await page.reload();
    await expect(page.getByRole("link", { name: "把所有模型放在一起比较（新版）" }).count()).resolves.toBe(1);
    expect(await site.policy.violations([page])).toEqual([]);
    await context.close();
  });
});
