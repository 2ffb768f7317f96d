/**
 * Hostile URL parameters on the built site, in Chromium (issue 15): markup and script in the names and values of an
 * article demo's, an embed's and the comparison page's parameters are refused with a message that shows them as
 * text; no element they spell is created, no handler runs, and the page keeps working (the demo still trains).
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { ARTICLE_PATH } from "../support/site.ts";
import { servedSite } from "../support/served-site.ts";

const site = servedSite();

/** An image whose error handler marks the page: it would run if any message were set as HTML. */
const IMG = `<img src=x onerror="document.documentElement.dataset.pwned='1'">`;
const SVG = `<svg onload="document.documentElement.dataset.pwned='1'">`;
const SCRIPT = `</script><script>document.documentElement.dataset.pwned='1'</script>`;

/** Opens `path` with the query `pairs`, collecting page errors. */
async function open(path: string, pairs: [string, string][], hash = ""): Promise<{ page: Page; errors: string[] }> {
  const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(`${site.origin}${path}?${new URLSearchParams(pairs)}${hash}`);
  return { page, errors };
}

/** Nothing the parameters spell was made into an element, and no handler ran. */
async function expectInert(page: Page): Promise<void> {
  const made = await page.evaluate(() => ({
    images: document.querySelectorAll('img[src="x"]').length,
    handlers: document.querySelectorAll("[onload], [onerror]").length,
    pwned: document.documentElement.dataset["pwned"] ?? null,
  }));
  expect(made).toEqual({ images: 0, handlers: 0, pwned: null });
}

describe("hostile URL parameters", () => {
  it("on an article demo: refused as text, and the demo still trains", async () => {
    const { page, errors } = await open(
      ARTICLE_PATH,
      [
        ["gan.seed", IMG],
        [`gan.${SVG}`, "1"],
        ["gan.__proto__", "1"],
        ["gan.dataset", SCRIPT],
      ],
      "#gan",
    );
    const demo = page.locator("#demo-gan gen-demo");
    await demo.scrollIntoViewIfNeeded();
    await page.waitForFunction(
      () => document.querySelector("#demo-gan gen-demo")?.getAttribute("data-demo-state") === "ready",
      undefined,
      {
        timeout: 90_000,
      },
    );
    const message = (await page.locator("#demo-gan .demo-error").textContent()) ?? "";
    for (const text of [IMG, SVG, "“__proto__”", SCRIPT]) expect(message).toContain(text);
    await page.locator("#demo-gan").getByRole("button", { name: /训练/ }).click();
    await page.waitForFunction(
      () => Number(document.querySelector("#demo-gan gen-demo")?.getAttribute("data-demo-step")) > 0,
      undefined,
      {
        timeout: 60_000,
      },
    );
    await expectInert(page);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("on an embed and on the comparison page: each named in a message as text", async () => {
    const embed = await open("/embed/gan/", [
      ["hide", `settings,${IMG}`],
      ["snapshot", SCRIPT],
      ["backend", SVG],
    ]);
    const alert = embed.page.locator(".embed-problems");
    await alert.waitFor({ state: "visible" });
    const embedText = (await alert.textContent()) ?? "";
    expect(embedText).toContain(IMG);
    expect(embedText).toContain(SCRIPT.toLowerCase());
    // A backend that is not one is named too (it was silently ignored).
    await embed.page.waitForFunction((svg) => document.body.textContent?.includes(`backend=“${svg}”`), SVG, {
      timeout: 30_000,
    });
    await expectInert(embed.page);
    expect(embed.errors).toEqual([]);
    await embed.page.close();

    const compare = await open("/compare/", [
      ["seed", IMG],
      ["backend", IMG],
      [`gan.${SVG}`, "1"],
      [SCRIPT, "1"],
    ]);
    const list = compare.page.locator("[data-compare-problems]");
    await list.waitFor({ state: "visible" });
    const items = await list.locator("li").allTextContents();
    expect(items.join("\n")).toContain(IMG);
    expect(items.join("\n")).toContain(SVG);
    expect(items.join("\n")).toContain(SCRIPT);
    expect(items.join("\n")).toContain("网址参数 backend");
    await expectInert(compare.page);
    expect(compare.errors).toEqual([]);
    await compare.page.close();
  });
});
