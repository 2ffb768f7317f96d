import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { launchChromium } from "../../src/cli/chromium.ts";
import { buildVariant } from "../support/build.ts";
import { checkLinks } from "../support/links.ts";
import { serveStatic } from "../../src/cli/static-server.ts";

const SECOND_NOTE = `---
title: 第二篇测试笔记
date: 2025-09-01 08:00:00
tags: GAN
series: Diffusion Models theory
description: 一篇用来测试的笔记。
extra_key: kept
---

## 第一节 {#first}

见[总览](../1-generative-model-routes/#那如何训练生成模型呢)与 $x^2$。
`;

describe("building variants of the site", () => {
  it("builds for a sub-path with a second note dropped into content/, all links respecting the base", async () => {
    const base = "/gen-models/";
    const build = buildVariant({
      base,
      site: "https://lectures.example",
      extraNotes: { "2-second-note.md": SECOND_NOTE },
    });
    expect(build.status, build.output).toBe(0);
    // with SITE_URL set, each page names its absolute address, base path included, for link previews too
    const second = readFileSync(path.join(build.outDir, "notes/2-second-note/index.html"), "utf8");
    expect(second).toContain('<link rel="canonical" href="https://lectures.example/gen-models/notes/2-second-note/">');
    expect(second).toContain(
      '<meta property="og:url" content="https://lectures.example/gen-models/notes/2-second-note/">',
    );
    expect(second).toContain('<meta property="og:type" content="article">');
    // Hexo's description, when a note has one, is its summary
    expect(second).toContain('<meta name="description" content="一篇用来测试的笔记。">');
    expect(existsSync(path.join(build.outDir, "notes/2-second-note/index.html"))).toBe(true);
    const home = readFileSync(path.join(build.outDir, "index.html"), "utf8");
    expect(home).toContain(`href="${base}notes/2-second-note/"`);
    expect(home).toContain(`href="${base}notes/1-generative-model-routes/"`);
    // newest first
    expect(home.indexOf(`${base}notes/2-second-note/`)).toBeLessThan(
      home.indexOf(`${base}notes/1-generative-model-routes/`),
    );
    expect(checkLinks(build.outDir, base).broken).toEqual([]);
    for (const match of home.matchAll(/\s(?:href|src)="(\/[^"]*)"/g))
      expect(match[1]!.startsWith(base), match[1]).toBe(true);

    const server = await serveStatic(build.outDir, base);
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const failed: string[] = [];
      page.on("response", (r) => r.status() >= 400 && failed.push(r.url()));
      await page.goto(`${server.origin}${base}notes/2-second-note/`);
      await expect(page.getByRole("heading", { level: 2 }).getAttribute("id")).resolves.toBe("first");
      expect(await page.locator(".katex").count()).toBe(1);
      // the stylesheet loaded from under the base: the page has the site's background, not the browser default
      expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe("rgba(0, 0, 0, 0)");
      await page.getByRole("link", { name: "总览" }).click();
      await page.waitForURL(/1-generative-model-routes/);
      expect(await page.locator(".katex").count()).toBeGreaterThan(20);
      // the service worker sits at the base, and has the pages under it for offline use
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 60_000 });
      expect(await page.evaluate(async () => (await navigator.serviceWorker.ready).scope)).toBe(
        `${server.origin}${base}`,
      );
      const secondNote = `${base}notes/2-second-note/`;
      expect(await page.evaluate(async (url) => (await caches.match(url))?.status, secondNote)).toBe(200);
      expect(failed).toEqual([]);
    } finally {
      await browser.close();
      await server.close();
    }
  });

  it("fails the build on an unknown demo model, naming the file and line", () => {
    const build = buildVariant({
      withArticle: false,
      extraNotes: {
        "bad-demo.md": '---\ntitle: 坏演示\ndate: 2025-01-01 00:00:00\n---\n\n正文\n\n::demo{model="gann"}\n',
      },
    });
    expect(build.status).not.toBe(0);
    expect(build.output).toMatch(/bad-demo\.md:8:1: unknown model "gann"/);
  });

  it("fails the build on bad front matter with a message naming the field", () => {
    const build = buildVariant({
      withArticle: false,
      extraNotes: { "bad-front-matter.md": "---\ndate: 2025-01-01 00:00:00\n---\n\n正文\n" },
    });
    expect(build.status).not.toBe(0);
    expect(build.output).toMatch(/bad-front-matter/);
    expect(build.output).toMatch(/title/);
  });

  it("fails the build on a TeX error, naming the file and the formula", () => {
    const build = buildVariant({
      withArticle: false,
      extraNotes: { "bad-math.md": "---\ntitle: 坏公式\ndate: 2025-01-01 00:00:00\n---\n\n公式 $\\frac{1}{$ 错了。\n" },
    });
    expect(build.status).not.toBe(0);
    expect(build.output).toMatch(/bad-math\.md:6.*\\frac\{1\}\{/);
  });
});
