import { spawn, type ChildProcess } from "node:child_process";
import { stripVTControlCharacters } from "node:util";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../../src/cli/chromium.ts";
import { ARTICLE_PATH } from "../support/site.ts";

let dev: ChildProcess;
let origin: string;
let browser: Browser;
let log = "";

/** Starts the project's own `astro dev` (beside any dev server the developer has running) and waits for its URL. */
function startDevServer(): Promise<string> {
  dev = spawn(process.execPath, ["node_modules/astro/bin/astro.mjs", "dev", "--ignore-lock", "--port", "0"], {
    // as `npm run dev` runs it: without vitest's NODE_ENV=test and VITEST*, under which Astro serves no pages
    env: {
      ...Object.fromEntries(
        Object.entries(process.env).filter(([key]) => key !== "NODE_ENV" && !key.startsWith("VITEST")),
      ),
      ASTRO_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      log += stripVTControlCharacters(chunk.toString());
      const url = /Local\s+(http:\/\/\S+?)\/?\s/.exec(log)?.[1];
      if (url) resolve(url);
    };
    dev.stdout!.on("data", onData);
    dev.stderr!.on("data", onData);
    dev.on("exit", (code) => reject(new Error(`astro dev exited with ${code}:\n${log}`)));
  });
}

beforeAll(async () => {
  origin = await startDevServer();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  dev?.kill();
});

describe("npm run dev", () => {
  it("serves the article with its math, and a demo trains in it", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    page.on("pageerror", (e) => problems.push(String(e)));
    page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
    await page.goto(`${origin}${ARTICLE_PATH}`);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(
      "笔记｜生成模型（二）：生成模型的技术路线总览",
    );
    expect(await page.locator(".katex").count()).toBeGreaterThan(20);
    expect(await page.locator(".katex-error").count()).toBe(0);

    // the dev server bundles the training worker and tfjs on the fly: a demo must start and learn there too
    const figure = page.locator("#demo-flow-matching");
    await figure.scrollIntoViewIfNeeded();
    const demo = figure.locator("gen-demo");
    await expect.poll(() => demo.getAttribute("data-demo-state"), { timeout: 120_000 }).toMatch(/^(ready|error)$/);
    expect(await figure.locator("[role=alert]:visible").allTextContents()).toEqual([]);
    expect(await demo.getAttribute("data-demo-state")).toBe("ready");
    await figure.getByRole("button", { name: "▶ 训练" }).click();
    await expect
      .poll(async () => Number(await demo.getAttribute("data-demo-step")), { timeout: 60_000 })
      .toBeGreaterThan(50);
    expect(problems, log).toEqual([]);
    await page.close();
  });
});
