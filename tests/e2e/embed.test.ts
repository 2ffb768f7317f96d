/**
 * A demo embedded in a page of another origin, in Chromium: the article's "复制嵌入代码" writes an `<iframe>`; a
 * page served from a second server (another port) frames it; the embed loads, trains, drops what `hide=` names,
 * requests nothing outside its own origin, posts its height to the parent and ignores messages it does not expect.
 * The embed page on its own: a message for an unknown flag, and axe-core clean.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveStatic, type StaticServer } from "../../src/cli/static-server.ts";
import { servedSite } from "../support/served-site.ts";
import { ARTICLE_PATH, DIST } from "../support/site.ts";

const AXE = readFileSync("node_modules/axe-core/axe.min.js", "utf8");

/** The lecturer's page: it records the frame's messages and fits the frame to the height it is told. */
const PARENT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Course page</title></head>
<body><h1>Week 3: GANs</h1><div id="slot"></div>
<script>
  window.received = [];
  addEventListener("message", (event) => {
    window.received.push({ origin: event.origin, data: event.data });
    if (event.data && event.data.type === "gen-demo:height") document.querySelector("iframe").height = event.data.height;
  });
</script></body></html>`;

const site = servedSite();
let lecturer: StaticServer;

beforeAll(async () => {
  lecturer = await serveStatic(mkdtempSync(path.join(tmpdir(), "lecturer-")), "/", { "/course/": PARENT_PAGE });
});
afterAll(async () => {
  await lecturer?.close();
});

const received = (page: Page) =>
  page.evaluate(() => (window as unknown as { received: { origin: string; data: unknown }[] }).received);
const heights = async (page: Page) =>
  (await received(page)).filter((m) => (m.data as { type?: string })?.type === "gen-demo:height");

async function demoReady(frame: Frame | Page, selector = "gen-demo"): Promise<void> {
  await frame.waitForFunction(
    (s) => ["ready", "error"].includes(document.querySelector(s)?.getAttribute("data-demo-state") ?? ""),
    selector,
    { timeout: 90_000 },
  );
  expect(await frame.locator(selector).getAttribute("data-demo-state")).toBe("ready");
}

/** The snippet the GAN demo of the article copies, after the reader chose the moons data set there. */
async function copiedSnippet(): Promise<string> {
  const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: site.origin });
  await page.goto(`${site.origin}${ARTICLE_PATH}?gan.loss=wgan-gp#demo-gan`);
  const figure = page.locator("#demo-gan");
  await figure.locator("gen-demo").scrollIntoViewIfNeeded();
  await demoReady(page, "#demo-gan gen-demo");
  await figure.getByText("设置", { exact: true }).click();
  // A new dataset makes a new model, which says so in the status line when it is drawn: wait for it, or its
  // message may come after the copy's.
  const drawn = Number(await figure.locator("gen-demo").getAttribute("data-demo-drawn"));
  await figure.getByLabel("数据集").selectOption("moons");
  await page.waitForFunction(
    (n) => Number(document.querySelector("#demo-gan gen-demo")?.getAttribute("data-demo-drawn")) > n,
    drawn,
  );
  await figure.getByRole("button", { name: "复制嵌入代码" }).click();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toMatch(/^<iframe /);
  const snippet = await page.evaluate(() => navigator.clipboard.readText());
  await expect(figure.locator(".demo-status").textContent()).resolves.toContain("已复制嵌入代码");
  await page.close();
  return snippet;
}

describe("an embedded demo", () => {
  it("is copied from the article, and in another origin's page loads, trains, hides, fits and stays at home", async () => {
    const snippet = await copiedSnippet();
    const src = /src="([^"]+)"/.exec(snippet)?.[1]?.replace(/&amp;/g, "&") ?? "";
    const url = new URL(src);
    expect(url.origin + url.pathname).toBe(`${site.origin}/embed/gan/`);
    expect(Object.fromEntries(url.searchParams)).toEqual({ "gan.loss": "wgan-gp", "gan.dataset": "moons" });
    expect(snippet).toMatch(/title="交互演示：生成对抗网络/);

    const page = await site.browser.newPage({ viewport: { width: 1000, height: 900 } });
    const problems: string[] = [];
    const requests: string[] = [];
    page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
    page.on("pageerror", (e) => problems.push(String(e)));
    page.on("request", (r) => requests.push(r.url()));
    await page.goto(`${lecturer.origin}/course/`);
    expect(lecturer.origin).not.toBe(site.origin);
    url.searchParams.set("hide", "settings,loss");
    // the snippet as pasted, with the lecturer's hide= added to its src
    await page.evaluate(
      ([html, href]) => {
        const template = document.createElement("template");
        template.innerHTML = html!;
        template.content.querySelector("iframe")!.src = href!;
        document.querySelector("#slot")!.append(template.content);
      },
      [snippet, url.href],
    );
    const frame = page.frameLocator("iframe");
    await expect.poll(() => page.frames().some((f) => f.url().includes("/embed/gan/"))).toBe(true);
    const embed = page.frames().find((f) => f.url().includes("/embed/gan/"))!;
    await demoReady(embed);

    // the URL's settings reached the model
    const model = await embed.evaluate(() =>
      (
        document.querySelector("gen-demo") as unknown as {
          modelSettings(): Promise<{ dataset: string; settings: { loss: string } }>;
        }
      ).modelSettings(),
    );
    expect([model.dataset, model.settings.loss]).toEqual(["moons", "wgan-gp"]);

    // hide=settings,loss: no settings, no loss chart; the views and the caption with its link stay
    await expect(frame.locator(".demo-settings").isHidden()).resolves.toBe(true);
    await expect(frame.locator(".demo-chart").isHidden()).resolves.toBe(true);
    await expect(frame.locator(".demo-views").isVisible()).resolves.toBe(true);
    const back = frame.getByRole("link", { name: /中阅读这一节/ });
    await expect(back.getAttribute("href")).resolves.toBe(`${ARTICLE_PATH}#demo-gan`);

    // With the settings hidden, no note sends the reader to them.
    await expect(frame.locator(".demo-backend-note").textContent()).resolves.not.toContain("设置");

    await frame.getByRole("button", { name: "▶ 训练" }).click();
    await embed.waitForFunction(
      () => Number(document.querySelector("gen-demo")?.getAttribute("data-demo-step")) >= 20,
      undefined,
      {
        timeout: 90_000,
      },
    );
    await frame.getByRole("button", { name: "❚❚ 暂停" }).click();

    // its height, posted to the parent (from the embed's origin), fits the frame to the whole demo
    const posted = await heights(page);
    expect(posted.length).toBeGreaterThan(0);
    expect(posted.every((m) => m.origin === site.origin)).toBe(true);
    expect((posted.at(-1)!.data as { family: string }).family).toBe("gan");
    // The demo may still change height after the pause (CI once saw it grow 19 px, and the frame follow it, between
    // two reads): the last height posted, the embed's own height and the frame's settle on one value.
    const fit = async () => {
      const inner = await embed.evaluate(() =>
        Math.ceil(document.querySelector("main")!.getBoundingClientRect().height),
      );
      const last = ((await heights(page)).at(-1)!.data as { height: number }).height;
      const frameHeight = await page.locator("iframe").evaluate((f) => f.getBoundingClientRect().height);
      return { posted: last - inner, frame: Math.round(frameHeight - inner) };
    };
    await expect.poll(fit, { timeout: 10_000 }).toEqual({ posted: 0, frame: 0 });

    // messages it does not expect change nothing; a height request is answered
    await page.waitForTimeout(1000);
    const before = (await heights(page)).length;
    await page.evaluate(() => {
      const target = document.querySelector("iframe")!.contentWindow!;
      for (const junk of ["junk", 42, null, { type: "gen-demo:height", height: 1 }, { type: "gen-demo:reset" }]) {
        target.postMessage(junk, "*");
      }
    });
    await page.waitForTimeout(700);
    expect((await heights(page)).length).toBe(before);
    await expect(embed.locator("gen-demo").getAttribute("data-demo-state")).resolves.toBe("ready");
    await page.evaluate(() =>
      document.querySelector("iframe")!.contentWindow!.postMessage({ type: "gen-demo:get-height" }, "*"),
    );
    await expect.poll(async () => (await heights(page)).length).toBe(before + 1);

    const outside = requests.filter((r) => !r.startsWith(`${site.origin}/`) && !/^(data|blob):/.test(r));
    expect(outside).toEqual([`${lecturer.origin}/course/`]);
    expect(requests.some((r) => r.startsWith(`${site.origin}/embed/gan/`))).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe("the embed page", () => {
  it("drops the views and the text, names an unknown hide= flag, and passes axe-core", async () => {
    const page = await site.browser.newPage({ viewport: { width: 800, height: 900 } });
    await page.goto(`${site.origin}/embed/ddpm/?hide=views,text,legend`);
    await demoReady(page);
    await expect(page.locator(".demo-views").isHidden()).resolves.toBe(true);
    await expect(page.locator(".embed-caption").isHidden()).resolves.toBe(true);
    await expect(page.locator(".demo-settings").isVisible()).resolves.toBe(true);
    await expect(page.getByRole("alert").filter({ hasText: "hide" }).textContent()).resolves.toContain("“legend”");
    // evaluated, not added as a <script>: the page's Content-Security-Policy refuses inline scripts
    await page.evaluate(AXE);
    const violations = await page.evaluate(async () => {
      const result = await (
        window as unknown as {
          axe: { run: () => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> };
        }
      ).axe.run();
      return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    });
    expect(violations).toEqual([]);
    await page.close();
  });

  it("exists for every family, with its caption and the link back to its section", async () => {
    const { FAMILY_IDS, FAMILY_TITLES } = await import("../../src/models/ids.ts");
    for (const family of FAMILY_IDS) {
      const html = readFileSync(path.join(DIST, "embed", family, "index.html"), "utf8");
      expect(html).toContain(`<gen-demo model="${family}"`);
      expect(html).toContain(`交互演示：${FAMILY_TITLES[family].zh}`);
      expect(html).toContain(`href="${ARTICLE_PATH}#demo-${family}"`);
    }
  });
});
