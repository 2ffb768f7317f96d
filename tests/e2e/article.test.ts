import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { FAMILY_IDS } from "../../src/models/ids.ts";
import { describe, expect, it } from "vitest";
import { ARTICLE_PATH } from "../support/site.ts";
import { servedSite } from "../support/served-site.ts";

const site = servedSite();
const AXE = readFileSync("node_modules/axe-core/axe.min.js", "utf8");

/** Opens a page and records console errors, page errors and requests to other origins. */
async function open(path: string, options: Parameters<Browser["newPage"]>[0] = {}) {
  const page = await site.browser.newPage(options);
  const problems: string[] = [];
  const foreign: string[] = [];
  page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
  page.on("pageerror", (e) => problems.push(String(e)));
  page.on("request", (r) => {
    if (!r.url().startsWith(site.origin) && !r.url().startsWith("data:")) foreign.push(r.url());
  });
  await page.goto(site.origin + path, { waitUntil: "load" });
  return { page, problems, foreign };
}

async function axeViolations(page: Page) {
  // evaluated, not added as a <script>: the page's Content-Security-Policy refuses inline scripts
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const result = await (
      window as unknown as { axe: { run: () => Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }
    ).axe.run();
    return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
  });
}

describe("the article page", () => {
  it("renders the article with KaTeX math, no errors and no third-party request", async () => {
    const { page, problems, foreign } = await open(ARTICLE_PATH);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(
      "笔记｜生成模型（二）：生成模型的技术路线总览",
    );
    expect(await page.locator(".katex").count()).toBeGreaterThan(20);
    expect(await page.locator(".katex-display").count()).toBeGreaterThanOrEqual(1);
    expect(await page.locator(".katex-error").count()).toBe(0);
    // KaTeX's fonts load from the site itself
    const fontsOk = await page.evaluate(async () => {
      await document.fonts.ready;
      return [...document.fonts].some((f) => f.family.includes("KaTeX") && f.status === "loaded");
    });
    expect(fontsOk).toBe(true);
    expect(await page.locator("script[src*='katex']").count()).toBe(0);
    // link previews: the note's title and its opening sentence
    await expect(page.locator('meta[property="og:title"]').getAttribute("content")).resolves.toBe(
      "笔记｜生成模型（二）：生成模型的技术路线总览",
    );
    await expect(page.locator('meta[name="description"]').getAttribute("content")).resolves.toMatch(
      /^在人工智能领域，如今深度学习模型大致可分为两类：.*。$/,
    );
    expect(problems).toEqual([]);
    expect(foreign).toEqual([]);
    await page.close();
  });

  it("reaches every heading by its id, scrolls to it on load and highlights it", async () => {
    const { page } = await open(ARTICLE_PATH);
    const ids = await page.locator(".prose :is(h2, h3, h4)").evaluateAll((hs) => hs.map((h) => h.id));
    expect(ids.length).toBeGreaterThanOrEqual(2);
    await page.close();
    for (const id of ids) {
      const { page: target } = await open(`${ARTICLE_PATH}#${encodeURIComponent(id)}`, {
        viewport: { width: 1280, height: 800 },
      });
      const state = await target.evaluate((id) => {
        const el = document.getElementById(id);
        if (!el) return null;
        const top = el.getBoundingClientRect().top;
        return { top, targeted: el.matches(":target"), bg: getComputedStyle(el).backgroundColor };
      }, id);
      expect(state, id).not.toBeNull();
      expect(state!.targeted).toBe(true);
      expect(state!.top).toBeGreaterThanOrEqual(-2);
      expect(state!.top).toBeLessThan(200);
      expect(state!.bg).not.toBe("rgba(0, 0, 0, 0)");
      await target.close();
    }
  });

  it("brings a linked demo to the window's top on load, and keeps it there as the text around it is laid out", async () => {
    for (const family of FAMILY_IDS) {
      const id = `demo-${family}`;
      const { page } = await open(`${ARTICLE_PATH}#${id}`, { viewport: { width: 1280, height: 800 } });
      // The text blocks near the demo take their real sizes within a few frames of the jump; read after them.
      await page.waitForTimeout(2000);
      const where = await page.evaluate((id) => {
        const root = document.documentElement;
        return {
          top: document.getElementById(id)!.getBoundingClientRect().top,
          atBottom: window.scrollY + window.innerHeight >= root.scrollHeight - 2,
        };
      }, id);
      expect(where.top, id).toBeGreaterThanOrEqual(-2);
      // The last demos may sit less than a window above the page's end, where the page cannot scroll further.
      if (!where.atBottom) expect(where.top, id).toBeLessThan(200);
      await page.close();
    }
  });

  it("lets the reader scroll away from a linked demo at once: the page does not pull them back as it grows", async () => {
    // The last demo: the page is still too short to bring it to the top at load, and grows in the next second.
    const id = "demo-schrodinger-bridge";
    const { page } = await open(`${ARTICLE_PATH}#${id}`, { viewport: { width: 1280, height: 800 } });
    await page.mouse.move(640, 400);
    await page.mouse.wheel(0, -600);
    await page.waitForTimeout(3000);
    const top = await page.evaluate((id) => document.getElementById(id)!.getBoundingClientRect().top, id);
    expect(top).toBeGreaterThan(600);
    await page.close();
  });

  it("has a table of contents whose links all lead to headings", async () => {
    const { page } = await open(ARTICLE_PATH, { viewport: { width: 1280, height: 800 } });
    const toc = page.getByRole("navigation", { name: "目录" });
    await expect(toc.locator("details").getAttribute("open")).resolves.not.toBeNull();
    const links = toc.getByRole("link");
    const count = await links.count();
    expect(count).toBeGreaterThanOrEqual(2);
    for (let i = 0; i < count; i++) {
      const href = (await links.nth(i).getAttribute("href"))!;
      expect(await page.locator(`[id="${decodeURIComponent(href.slice(1))}"]`).count(), href).toBe(1);
    }
    const last = links.nth(count - 1);
    const href = (await last.getAttribute("href"))!;
    await last.click();
    await page.waitForFunction((h) => decodeURIComponent(location.hash) === h, href);
    await page.waitForTimeout(1000);
    const top = await page.evaluate(
      (id) => document.getElementById(id)!.getBoundingClientRect().top,
      decodeURIComponent(href.slice(1)),
    );
    expect(top).toBeGreaterThanOrEqual(-2);
    expect(top).toBeLessThan(200);
    await page.close();
  });

  it("marks the section being read in the table of contents as the reader scrolls", async () => {
    const { page } = await open(ARTICLE_PATH, { viewport: { width: 1280, height: 900 } });
    const toc = page.getByRole("navigation", { name: "目录" });
    const current = () =>
      toc.locator('a[aria-current="location"]').evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    const scrollTo = (id: string) =>
      page.evaluate((target) => {
        const top = document.getElementById(target)!.getBoundingClientRect().top + window.scrollY;
        window.scrollTo(0, top - 50);
      }, id);
    await scrollTo("flow");
    await expect.poll(current).toEqual(["#flow"]);
    // halfway through the section, it is still the one being read
    await page.mouse.wheel(0, 400);
    await expect.poll(current).toEqual(["#flow"]);
    await scrollTo("score");
    await expect.poll(current).toEqual(["#score"]);
    // back up: the section above becomes current again
    await scrollTo("gan");
    await expect.poll(current).toEqual(["#gan"]);
    await page.close();
  });

  it("collapses the table of contents on a phone and opens it on demand", async () => {
    const { page } = await open(ARTICLE_PATH, { viewport: { width: 360, height: 740 } });
    const details = page.getByRole("navigation", { name: "目录" }).locator("details");
    await expect(details.getAttribute("open")).resolves.toBeNull();
    await page.getByText("目录", { exact: true }).click();
    await expect(details.getAttribute("open")).resolves.not.toBeNull();
    await page.close();
  });

  it("copies a section's full link from its heading anchor", async () => {
    const { page } = await open(ARTICLE_PATH);
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: site.origin });
    const anchor = page.locator(".prose h2 .heading-anchor").first();
    const href = await anchor.getAttribute("href");
    await anchor.click();
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()))
      .toBe(new URL(`${ARTICLE_PATH}${href}`, site.origin).href);
    await page.close();
  });

  it("follows the system colour scheme", async () => {
    const background = async (colorScheme: "light" | "dark") => {
      const { page } = await open(ARTICLE_PATH, { colorScheme });
      const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      const fg = await page.evaluate(() => getComputedStyle(document.body).color);
      await page.close();
      return { bg, fg };
    };
    const light = await background("light");
    const dark = await background("dark");
    const luminance = (rgb: string) =>
      rgb
        .match(/\d+/g)!
        .slice(0, 3)
        .map(Number)
        .reduce((a, b) => a + b, 0);
    expect(luminance(light.bg)).toBeGreaterThan(600);
    expect(luminance(dark.bg)).toBeLessThan(150);
    expect(luminance(dark.fg)).toBeGreaterThan(luminance(dark.bg));
  });

  it("has no page-wide horizontal scroll on a 360 px phone; the table scrolls in its own box", async () => {
    const { page } = await open(ARTICLE_PATH, { viewport: { width: 360, height: 740 } });
    // The article's text blocks are laid out only near the screen (content-visibility), so the page is read the
    // way a reader scrolls it: screen by screen, its widest moment kept, the table's width once it is shown.
    const widths = await page.evaluate(async () => {
      const table = document.querySelector(".table-scroll")!;
      const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      let page = 0;
      for (let y = 0; y < document.documentElement.scrollHeight; y += window.innerHeight / 2) {
        window.scrollTo(0, y);
        await frame();
        page = Math.max(page, document.documentElement.scrollWidth);
      }
      table.scrollIntoView();
      await frame();
      return {
        page: Math.max(page, document.documentElement.scrollWidth),
        table: table.scrollWidth,
        box: table.clientWidth,
      };
    });
    expect(widths.page).toBeLessThanOrEqual(360);
    expect(widths.table).toBeGreaterThan(widths.box);
    await page.close();
  });

  // 1152 px is where the table of contents moves beside the text; 800 a tablet, 1280 and 1440 common laptops
  for (const width of [800, 1024, 1152, 1280, 1440, 1920]) {
    it(`shows the whole families table at ${width} px, with no sideways scroll of the page or the table`, async () => {
      const { page } = await open(ARTICLE_PATH, { viewport: { width, height: 900 } });
      const sizes = await page.evaluate(async () => {
        const box = document.querySelector(".table-scroll")!;
        // Shown, as a reader sees it (the article's blocks are laid out only near the screen).
        box.scrollIntoView();
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        // English words (such as "(Autoregressive)") split across two lines of a cell
        const splitWords: string[] = [];
        const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          for (const word of node.textContent!.matchAll(/[A-Za-z()]{2,}/g)) {
            const range = document.createRange();
            range.setStart(node, word.index);
            range.setEnd(node, word.index + word[0].length);
            const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
            if (lines.size > 1) splitWords.push(word[0]);
          }
        }
        return {
          page: document.documentElement.scrollWidth,
          window: document.documentElement.clientWidth,
          boxRight: box.getBoundingClientRect().right,
          table: box.scrollWidth,
          box: box.clientWidth,
          splitWords,
        };
      });
      expect(sizes.page).toBeLessThanOrEqual(sizes.window);
      expect(sizes.boxRight).toBeLessThanOrEqual(sizes.window);
      // a reader with a mouse sees every column without scrolling the table sideways
      expect(sizes.table).toBeLessThanOrEqual(sizes.box);
      expect(sizes.splitWords).toEqual([]);
      await page.close();
    });
  }

  it("prints on A4 with the table and the text inside the paper's width, and a marker for each demo", async () => {
    // A4 with Chromium's default print margins leaves a 718 px wide text box
    const { page } = await open(ARTICLE_PATH, { viewport: { width: 718, height: 1000 } });
    await page.emulateMedia({ media: "print" });
    const sizes = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      table: document.querySelector(".table-scroll table")!.getBoundingClientRect().right,
      toc: getComputedStyle(document.querySelector(".toc")!).display,
      demos: [...document.querySelectorAll(".demo-figure")].map((f) => ({
        live: getComputedStyle(f.querySelector("gen-demo")!).display,
        height: f.getBoundingClientRect().height,
        caption: getComputedStyle(f.querySelector("figcaption")!, "::after").content,
      })),
    }));
    expect(sizes.page).toBeLessThanOrEqual(718);
    expect(sizes.table).toBeLessThanOrEqual(718);
    expect(sizes.toc).toBe("none");
    // each demo leaves a one-line marker that says where to run it, since the text around it refers to it
    expect(sizes.demos.length).toBe(FAMILY_IDS.length);
    for (const demo of sizes.demos) {
      expect(demo.live).toBe("none");
      expect(demo.height).toBeLessThan(60);
      expect(demo.caption).toContain("在网页中打开本文即可运行");
    }
    await page.close();
  });

  it("never starts a line with the punctuation after a formula, nor ends one with the bracket before it", async () => {
    const { page } = await open(ARTICLE_PATH, { viewport: { width: 360, height: 740 } });
    for (const width of [360, 414, 1280]) {
      await page.setViewportSize({ width, height: 740 });
      const glued = await page.evaluate(() => {
        /** Bottoms of the first and last boxes a piece of text or an inline box is laid out in. */
        const boxBottoms = (node: Node) => {
          const range = document.createRange();
          range.selectNodeContents(node);
          const rects = [...range.getClientRects()].filter((r) => r.width > 0);
          return { first: rects[0]?.bottom ?? NaN, last: rects.at(-1)?.bottom ?? NaN };
        };
        const broken: string[] = [];
        let checked = 0;
        for (const span of document.querySelectorAll(".prose .math-nobreak")) {
          // the formula's top-level boxes, between which it may wrap
          const bases = span.querySelectorAll(".katex-html .base:not(.base .base)");
          for (const child of span.childNodes) {
            if (child.nodeType !== Node.TEXT_NODE) continue;
            checked++;
            const text = boxBottoms(child);
            const isBefore = child === span.firstChild;
            const base = boxBottoms(isBefore ? bases[0]! : bases[bases.length - 1]!);
            // text and formula share a baseline region: their boxes' bottoms differ by less than a line
            const gap = Math.abs((isBefore ? text.last : text.first) - (isBefore ? base.first : base.last));
            if (!(gap < 16)) broken.push(`${child.textContent} ${gap}`);
          }
        }
        return { checked, broken };
      });
      expect(glued.checked).toBeGreaterThan(50);
      expect(glued.broken, `${width} px`).toEqual([]);
    }
    await page.close();
  });

  it("renders the link to the unpublished earlier note as marked text, not a dead link", async () => {
    const { page } = await open(ARTICLE_PATH);
    const unpublished = page.locator(".unpublished-link");
    await expect(unpublished.textContent()).resolves.toContain("尚未发布");
    expect(await page.locator("a[href*='0-generation-basic-theory']").count()).toBe(0);
    await page.close();
  });

  for (const colorScheme of ["light", "dark"] as const) {
    it(`passes axe-core with no violations (${colorScheme})`, async () => {
      const { page } = await open(ARTICLE_PATH, { colorScheme });
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
    });
  }
});

describe("the home page", () => {
  it("lists the notes with title, date, tags and series, and passes axe", async () => {
    const { page, problems } = await open("/");
    const item = page.getByRole("listitem").filter({ hasText: "生成模型的技术路线总览" });
    await expect(item.getByRole("link").getAttribute("href")).resolves.toBe(ARTICLE_PATH);
    await expect(item.locator("time").getAttribute("datetime")).resolves.toBe("2025-08-04T01:37:31+08:00");
    await expect(item.textContent()).resolves.toMatch(/Diffusion Models theory[\s\S]*Deep learning/);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });
});
