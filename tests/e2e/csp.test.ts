/**
 * The site under its strict Content-Security-Policy (src/lib/csp.ts), sent as a header as a static host would: the
 * article with every demo trained a little (WebGL and WASM raced in the worker), a figure exported as SVG and PNG, a
 * trained model loaded, the service worker registered; an embed framed by another origin; the comparison page run
 * and exported. No `securitypolicyviolation`, no report, no console word on the policy. Each page also carries the
 * policy as a `<meta>`.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CSP_META_DIRECTIVES } from "../../src/lib/csp.ts";
import { serveStatic, type StaticServer } from "../../src/cli/static-server.ts";
import { servedSite } from "../support/served-site.ts";
import { ARTICLE_PATH, htmlFiles, readHtml } from "../support/site.ts";

const site = servedSite({ policy: true });
let lecturer: StaticServer;

beforeAll(async () => {
  lecturer = await serveStatic(mkdtempSync(path.join(tmpdir(), "lecturer-")), "/", {
    "/course/": `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Course</title></head>
      <body><iframe src="${site.origin}/embed/gan/?gan.dataset=moons" width="720" height="760"></iframe></body></html>`,
  });
});
afterAll(async () => {
  await lecturer?.close();
});

/** A page in a context of its own whose violations, page errors and console errors are heard. */
async function open(url: string): Promise<{ page: Page; problems: string[] }> {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  await site.policy.watch(context);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("pageerror", (e) => problems.push(String(e)));
  await page.goto(url);
  return { page, problems };
}

const demoAttribute = (page: Page, model: string, name: string) =>
  page.evaluate(([m, n]) => document.querySelector(`#demo-${m} gen-demo`)?.getAttribute(n!) ?? "", [model, name]);

/** Scrolls to a demo, trains it to its first steps and pauses it. */
async function trainALittle(page: Page, model: string): Promise<void> {
  await page.locator(`#demo-${model} gen-demo`).scrollIntoViewIfNeeded();
  await expect.poll(() => demoAttribute(page, model, "data-demo-state"), { timeout: 120_000 }).toBe("ready");
  await page.locator(`#demo-${model} .demo-play`).click();
  await expect
    .poll(async () => Number(await demoAttribute(page, model, "data-demo-step")), { timeout: 120_000 })
    .toBeGreaterThan(0);
  await page.locator(`#demo-${model} .demo-play`).click();
}

/** The name of what a click downloads. */
async function downloaded(page: Page, click: () => Promise<void>): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent("download"), click()]);
  expect(await file.failure()).toBeNull();
  return file.suggestedFilename();
}

describe("the site under its Content-Security-Policy", () => {
  it("carries the policy in every page's <meta>, all but frame-ancestors, which a <meta> cannot", () => {
    for (const file of htmlFiles()) {
      const meta = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(readHtml(file))?.[1];
      expect(meta, file).toBeDefined();
      const directives = meta!.split(";").map((d) => d.trim().split(/\s+/));
      for (const wanted of CSP_META_DIRECTIVES) {
        const [name, ...sources] = wanted.split(" ");
        const got = directives.find((d) => d[0] === name);
        expect(got, `${file}: ${name}`).toBeDefined();
        // Astro adds the hashes of the page's scripts (all files, which 'self' already allows) to script-src.
        expect(
          got!.slice(1).filter((s) => !s.startsWith("'sha256-")),
          `${file}: ${name}`,
        ).toEqual(sources);
      }
      expect(meta, file).not.toContain("frame-ancestors");
    }
  });

  it("trains every demo of the article (WebGL and WASM raced), exports a figure, loads a trained model", async () => {
    const { page, problems } = await open(`${site.origin}${ARTICLE_PATH}`);
    const models = await page.evaluate(() =>
      [...document.querySelectorAll("gen-demo")].map((el) => el.getAttribute("model") ?? ""),
    );
    expect(models.length).toBe(9);
    for (const model of models) await trainALittle(page, model);
    // The first Train raced both backends in the worker: each trained under the policy (WASM needs
    // 'wasm-unsafe-eval'; had it been refused, the race would have had WebGL alone).
    const race = await page.evaluate(() => JSON.parse(localStorage.getItem("gen-demo:measured-backend") ?? "null"));
    expect((race.laps as { backend: string }[]).map((l) => l.backend).sort()).toEqual(["wasm", "webgl"]);

    const figure = page.locator("#demo-gan");
    await figure.scrollIntoViewIfNeeded();
    await figure.getByText("导出与载入", { exact: true }).click();
    expect(await downloaded(page, () => figure.getByRole("button", { name: "图（SVG）" }).click())).toMatch(/\.svg$/);
    // the PNG is the SVG drawn through an image from a blob: URL onto a canvas
    expect(await downloaded(page, () => figure.getByRole("button", { name: "图（PNG）" }).click())).toMatch(/\.png$/);
    await figure.getByRole("button", { name: "加载训练好的模型" }).click();
    await expect
      .poll(() => figure.locator(".demo-status").textContent(), { timeout: 30_000 })
      .toContain("已载入训练好的模型");

    // the service worker (worker-src 'self') came up, and precached the site
    await page.evaluate(() => navigator.serviceWorker.ready);
    expect(problems).toEqual([]);
    expect(await site.policy.violations([page])).toEqual([]);
    await page.context().close();
  }, 300_000);

  it("trains an embed framed by a page of another origin", async () => {
    const { page, problems } = await open(`${lecturer.origin}/course/`);
    await expect.poll(() => page.frames().some((f) => f.url().includes("/embed/gan/"))).toBe(true);
    const embed = page.frames().find((f) => f.url().includes("/embed/gan/"))!;
    await embed.waitForFunction(
      () => document.querySelector("gen-demo")?.getAttribute("data-demo-state") === "ready",
      undefined,
      {
        timeout: 120_000,
      },
    );
    await embed.locator(".demo-play").click();
    await embed.waitForFunction(
      () => Number(document.querySelector("gen-demo")?.getAttribute("data-demo-step")) > 0,
      undefined,
      {
        timeout: 120_000,
      },
    );
    expect(problems).toEqual([]);
    expect(await site.policy.violations([page])).toEqual([]);
    await page.context().close();
  });

  it("runs the comparison page and exports its chart", async () => {
    const { page, problems } = await open(`${site.origin}/compare/?families=gan,flow&budget=1`);
    await page.waitForSelector("main[data-compare-state=idle]");
    await page.getByRole("button", { name: "开始比较" }).click();
    await page.waitForFunction(() => document.querySelector("main")?.dataset.compareState === "done", undefined, {
      timeout: 150_000,
    });
    expect(await downloaded(page, () => page.getByRole("button", { name: "下载图（SVG）" }).click())).toMatch(/\.svg$/);
    expect(await downloaded(page, () => page.getByRole("button", { name: "下载图（PNG）" }).click())).toMatch(/\.png$/);
    expect(problems).toEqual([]);
    expect(await site.policy.violations([page])).toEqual([]);
    await page.context().close();
  });
});
