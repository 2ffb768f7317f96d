/**
 * What the accessibility tests share: the built site served once with a browser, pages opened with the options a
 * reader's settings give (viewport, reduced motion, colour scheme), a demo waited for, and axe-core run in a page.
 */
import { readFileSync } from "node:fs";
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import { launchChromium } from "../../src/cli/chromium.ts";
import { serveStatic, type StaticServer } from "../../src/cli/static-server.ts";
import { DIST, requireBuild } from "./site.ts";

const AXE = readFileSync("node_modules/axe-core/axe.min.js", "utf8");

export interface Site {
  readonly origin: string;
  readonly browser: Browser;
}

/** Serves dist/ and launches Chromium for the file's tests; closes both after them. */
export function useSite(): Site {
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
  return {
    get origin() {
      return server.origin;
    },
    get browser() {
      return browser;
    },
  };
}

export interface Opened {
  readonly page: Page;
  /** Console errors and uncaught exceptions. */
  readonly problems: string[];
}

/** Opens `path` (with its query and hash) in a page of its own context, made with `options`. */
export async function openPage(site: Site, path: string, options: BrowserContextOptions = {}): Promise<Opened> {
  const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 }, ...options });
  const problems: string[] = [];
  page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
  page.on("pageerror", (e) => problems.push(String(e)));
  await page.goto(`${site.origin}${path}`);
  return { page, problems };
}

/** Scrolls the demo `selector` into view and waits until it is ready. */
export async function demoReady(page: Page, selector: string): Promise<void> {
  await page.locator(selector).scrollIntoViewIfNeeded();
  await page.waitForFunction(
    (s) => ["ready", "error"].includes(document.querySelector(s)?.getAttribute("data-demo-state") ?? ""),
    selector,
    { timeout: 90_000 },
  );
  expect(await page.locator(selector).getAttribute("data-demo-state")).toBe("ready");
}

/** The demo's step counter (its `data-demo-step`). */
export async function demoStep(page: Page, selector: string): Promise<number> {
  return Number(await page.locator(selector).getAttribute("data-demo-step"));
}

/**
 * axe-core's violations in the page (or under `within`), as "rule: targets" lines; none is []. Its WCAG 2.2 rule
 * on target size, off by default, is on.
 */
export async function axeViolations(page: Page, within?: string): Promise<string[]> {
  // evaluated, not added as a <script>: the page's Content-Security-Policy refuses inline scripts
  await page.evaluate(AXE);
  return page.evaluate(async (selector) => {
    type Result = { violations: { id: string; nodes: { target: string[] }[] }[] };
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<Result> } }).axe;
    const context = selector ? document.querySelector(selector) : document;
    const result = await axe.run(context, { rules: { "target-size": { enabled: true } } });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  }, within ?? null);
}
