/**
 * The page's budgets, checked deterministically on the built site (sizes and requests, no timings):
 * initial JavaScript ≤ 30 KB gzip; tfjs (the training worker and its WASM) not requested by the page before a demo
 * nears the viewport and at most once however many demos the page has; no request to any other host, even while
 * every demo trains. The service worker precaches the whole site for offline use (tfjs included), but only once the
 * page has loaded: none of its requests starts before the page's load event.
 */
import { gzipSync } from "node:zlib";
import type { Page, Request } from "playwright-core";
import { describe, expect, it } from "vitest";
import { ARTICLE_PATH } from "../support/site.ts";
import { servedSite } from "../support/served-site.ts";

const INITIAL_JS_BUDGET = 30 * 1024;

const site = servedSite();

interface Loaded {
  url: string;
  gzip: number;
  javascript: boolean;
}

/** A page that records every request, and the gzip size of every response body. */
async function recordingPage(): Promise<{
  page: Page;
  requests: string[];
  downloads: string[];
  loaded: Loaded[];
  settle(): Promise<void>;
}> {
  const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
  const requests: string[] = [];
  // What is fetched with a body: the WASM backend first asks for its binary with HEAD (no body) to fail early.
  const downloads: string[] = [];
  const loaded: Loaded[] = [];
  const pending: Promise<unknown>[] = [];
  page.on("request", (r) => {
    requests.push(r.url());
    if (r.method() !== "HEAD") downloads.push(r.url());
  });
  page.on("response", (r) =>
    pending.push(
      r
        .body()
        .then((body) =>
          loaded.push({
            url: r.url(),
            gzip: gzipSync(body).length,
            javascript: (r.headers()["content-type"] ?? "").includes("javascript"),
          }),
        )
        .catch(() => {}),
    ),
  );
  return { page, requests, downloads, loaded, settle: () => Promise.all(pending).then(() => {}) };
}

const isTfjs = (url: string) => url.includes("training-worker") || url.endsWith(".wasm");

describe("budgets of the article page", () => {
  it("loads at most 30 KB (gzip) of JavaScript before any demo is near, and no tfjs", async () => {
    const { page, requests, loaded, settle } = await recordingPage();
    const precache: Request[] = [];
    page.context().on("request", (r) => {
      if (r.serviceWorker()) precache.push(r);
    });
    await page.goto(`${site.origin}${ARTICLE_PATH}`, { waitUntil: "load" });
    await page.waitForTimeout(1500);
    await settle();
    const js = loaded.filter((l) => l.javascript);
    expect(js.length).toBeGreaterThan(0);
    const total = js.reduce((sum, l) => sum + l.gzip, 0);
    expect(total, js.map((l) => `${l.url} ${l.gzip}`).join("\n")).toBeLessThanOrEqual(INITIAL_JS_BUDGET);
    expect(requests.filter(isTfjs)).toEqual([]);

    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 60_000 });
    await Promise.all(precache.map((r) => r.response()));
    const loadEvent = await page.evaluate(() => {
      const [navigation] = performance.getEntriesByType("navigation") as PerformanceNavigationTiming[];
      return performance.timeOrigin + navigation!.loadEventStart;
    });
    expect(precache.map((r) => r.url()).filter(isTfjs).length).toBeGreaterThan(0);
    const early = precache.filter((r) => r.timing().startTime < Math.floor(loadEvent)).map((r) => r.url());
    expect(early).toEqual([]);
    await page.close();
  });

  it("requests tfjs once for all demos, and nothing from another host while they all train", async () => {
    const { page, requests, downloads } = await recordingPage();
    await page.goto(`${site.origin}${ARTICLE_PATH}`, { waitUntil: "load" });
    const models = await page.evaluate(() =>
      [...document.querySelectorAll("gen-demo")].map((el) => el.getAttribute("model") ?? ""),
    );
    expect(models.length).toBeGreaterThanOrEqual(2);
    for (const model of models) {
      const demo = page.locator(`#demo-${model} gen-demo`);
      await demo.scrollIntoViewIfNeeded();
      await page.waitForFunction(
        (m) => document.querySelector(`#demo-${m} gen-demo`)?.getAttribute("data-demo-state") === "ready",
        model,
        { timeout: 120_000 },
      );
      await page.locator(`#demo-${model} .demo-play`).click();
      await page.waitForFunction(
        (m) => Number(document.querySelector(`#demo-${m} gen-demo`)?.getAttribute("data-demo-step")) > 0,
        model,
        { timeout: 120_000 },
      );
      await page.locator(`#demo-${model} .demo-play`).click();
    }
    const tfjs = downloads.filter(isTfjs);
    expect(tfjs.filter((u) => u.includes("training-worker"))).toHaveLength(1);
    // Each WASM binary at most once (only the one the browser can run is fetched).
    expect(new Set(tfjs).size).toBe(tfjs.length);
    expect(requests.filter((u) => !u.startsWith(site.origin) && !u.startsWith("data:"))).toEqual([]);
    await page.close();
  });
});
