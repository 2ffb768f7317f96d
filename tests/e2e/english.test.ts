/**
 * The interface in English, in Chromium, found by role and name: `?lang=en` on the article switches its demos
 * (controls, messages, legends; the figure says `lang="en"`) and adds one line saying the article is Chinese; the
 * demos' copied link and embed code keep `lang=en`; the embed and the comparison page are English throughout, with
 * `<html lang="en">`; a bad `lang=` is refused with a message and the page stays Chinese.
 */
import { readFileSync } from "node:fs";
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { ARTICLE_PATH } from "../support/site.ts";
import { servedSite } from "../support/served-site.ts";

const CJK = /[\u4e00-\u9fff]/;
const SHOTS = process.env.I18N_SCREENSHOTS;

const site = servedSite();

async function open(path: string, width = 1280): Promise<{ page: Page; problems: string[] }> {
  const page = await site.browser.newPage({ viewport: { width, height: 900 } });
  const problems: string[] = [];
  page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
  page.on("pageerror", (e) => problems.push(String(e)));
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: site.origin });
  await page.goto(`${site.origin}${path}`);
  return { page, problems };
}

async function ready(demo: Locator): Promise<void> {
  await expect.poll(() => demo.getAttribute("data-demo-state"), { timeout: 90_000 }).toMatch(/^(ready|error)$/);
  expect(await demo.getAttribute("data-demo-state")).toBe("ready");
}

async function trainSome(scope: Locator, demo: Locator, steps = 20): Promise<void> {
  await scope.getByRole("button", { name: "▶ Train" }).click();
  await expect
    .poll(async () => Number(await demo.getAttribute("data-demo-step")), { timeout: 90_000 })
    .toBeGreaterThanOrEqual(steps);
  await scope.getByRole("button", { name: "❚❚ Pause" }).click();
  await expect.poll(() => demo.getAttribute("data-demo-loop")).toBe("paused");
}

const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());

describe("the article with ?lang=en", () => {
  it("keeps the article Chinese, says so in one English line, and trains an English demo", async () => {
    const { page, problems } = await open(`${ARTICLE_PATH}?lang=en#demo-flow-matching`);
    expect(await page.locator("html").getAttribute("lang")).toBe("zh-CN");
    const note = page.locator("[data-lang-note]");
    await expect(note.textContent()).resolves.toBe("The article is in Chinese; its interactive demos are in English.");
    expect(await note.getAttribute("lang")).toBe("en");
    expect(await note.isVisible()).toBe(true);

    const figure = page.locator("#demo-flow-matching");
    const demo = figure.locator("gen-demo");
    await demo.scrollIntoViewIfNeeded();
    await ready(demo);
    expect(await figure.getAttribute("lang")).toBe("en");
    await expect(figure.locator("figcaption").first().textContent()).resolves.toBe("Interactive demo: Flow matching");
    await figure.getByRole("button", { name: "Step", exact: true }).click();
    await trainSome(figure, demo);
    // The score is computed once training pauses, after the click answers.
    await expect
      .poll(() => figure.locator(".demo-quality").textContent(), { timeout: 30_000 })
      .toMatch(/^Quality score \d\.\d\d \(step \d+;/);
    // The score at the pause may already be the "learned" milestone (flow matching can pass 0.2 within 200
    // steps), which the status then announces instead: either is the English line.
    await expect(figure.locator(".demo-status").textContent()).resolves.toMatch(
      /^(Paused\.|Learned: score 0\.(?:[01]\d|20) at step \d+, at most 0\.2\.)$/,
    );
    await figure.getByRole("radio", { name: "Paths from noise to data" }).check();
    // The new view is drawn when the worker answers with its frame.
    await expect.poll(() => figure.locator(".demo-caption").textContent()).toMatch(/^t = 1\.00: step \d+ \/ \d+$/);
    await expect.poll(() => figure.getByText("ODE paths (from the noise at t = 0)").count()).toBe(1);

    await figure.getByText("Settings", { exact: true }).click();
    await expect(figure.getByLabel("ODE solver").inputValue()).resolves.toBe("heun");
    await figure.getByLabel("Random seed").fill("x");
    await figure.getByLabel("Random seed").press("Enter");
    await expect(figure.locator(".demo-status").textContent()).resolves.toBe(
      "Input refused: “Random seed” needs a number, got “x”",
    );
    await figure.getByRole("button", { name: "Copy a link to this demo" }).click();
    await expect.poll(() => clipboard(page)).toMatch(/[?&]lang=en[&#]/);
    await figure.getByRole("button", { name: "Copy embed code" }).click();
    await expect.poll(() => clipboard(page)).toMatch(/^<iframe src="[^"]*\/embed\/flow-matching\/\?[^"]*lang=en"/);
    expect(await clipboard(page)).toContain('title="Interactive demo: Flow matching"');
    await figure.getByText("Export and load", { exact: true }).click();
    const [file] = await Promise.all([
      page.waitForEvent("download"),
      figure.getByRole("button", { name: "Figure (SVG)" }).click(),
    ]);
    const svg = readFileSync((await file.path())!, "utf8");
    expect(svg).toContain("<title>Interactive demo: Flow matching</title>");
    expect(svg).toMatch(/Real data.*ODE paths \(from the noise at t = 0\)/s);
    expect(svg).toMatch(/step \d+ · dataset 8gaussians/);
    expect(svg).not.toMatch(CJK);

    // Nothing of the demo is left in Chinese; the article around it is.
    expect(await figure.innerText()).not.toMatch(CJK);
    expect(await page.locator("article h1").innerText()).toMatch(CJK);
    if (SHOTS) await figure.screenshot({ path: `${SHOTS}/english-demo.png` });
    expect(problems).toEqual([]);
    await page.close();
  });

  it("refuses a bad lang= with a message in both languages and stays Chinese", async () => {
    const { page } = await open(`${ARTICLE_PATH}?lang=fr#demo-flow-matching`);
    const note = page.locator("[data-lang-note]");
    await expect(note.textContent()).resolves.toContain("lang=“fr”");
    await expect(note.textContent()).resolves.toContain("valid: zh, en");
    expect(await note.getAttribute("role")).toBe("alert");
    const figure = page.locator("#demo-flow-matching");
    const demo = figure.locator("gen-demo");
    await demo.scrollIntoViewIfNeeded();
    await ready(demo);
    expect(await figure.getAttribute("lang")).toBeNull();
    await expect(figure.getByRole("button", { name: "▶ 训练" }).isVisible()).resolves.toBe(true);
    await page.close();
  });
});

describe("an English embed", () => {
  it("is English throughout, with <html lang=en>, and trains", async () => {
    const { page, problems } = await open("/embed/gan/?lang=en&gan.dataset=moons", 760);
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    await expect(
      page.getByRole("heading", { name: "Interactive demo: Generative adversarial network (GAN / WGAN)" }).count(),
    ).resolves.toBe(1);
    const back = page.getByRole("link", { name: /^Read this section in “.+” \(in Chinese\)$/ });
    await expect(back.count()).resolves.toBe(1);
    const demo = page.locator("gen-demo");
    await ready(demo);
    await trainSome(page.locator("main"), demo);
    await expect(
      page.getByRole("radio", { name: "Discriminator landscape + generator gradient" }).isChecked(),
    ).resolves.toBe(true);
    // All English but the article's title, quoted in the link back.
    const text = (await page.locator("main").innerText()).replace(await back.innerText(), "");
    expect(text).not.toMatch(CJK);
    expect(await page.title()).toMatch(/^Interactive demo: Generative adversarial network/);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/english-embed.png`, fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  it("names a bad hide= flag and a bad lang= on the page", async () => {
    const { page } = await open("/embed/gan/?lang=en&hide=chart");
    await expect(page.getByRole("alert").first().textContent()).resolves.toContain("“chart” in the URL parameter hide");
    await page.close();
    const bad = await open("/embed/gan/?lang=de");
    expect(await bad.page.locator("html").getAttribute("lang")).toBe("zh-CN");
    await expect(bad.page.getByRole("alert").first().textContent()).resolves.toContain("lang=“de”");
    await bad.page.close();
  });
});

describe("the English comparison page", () => {
  it("is English throughout, with <html lang=en>, and runs a comparison", async () => {
    const { page, problems } = await open("/compare/?lang=en&budget=1&families=gan,flow-matching");
    await page.waitForSelector("main[data-compare-state=idle]");
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    expect(await page.title()).toMatch(/^All the models compared/);
    await expect(page.getByRole("heading", { name: "All the models compared", level: 1 }).count()).resolves.toBe(1);
    await expect(page.getByRole("heading", { name: "How to read the table" }).count()).resolves.toBe(1);
    await expect(page.getByLabel("Training time per model (seconds)").inputValue()).resolves.toBe("1");
    await expect(page.getByRole("radio", { name: /^Race:/ }).isChecked()).resolves.toBe(true);
    await expect(page.getByRole("checkbox", { name: "Flow matching" }).isChecked()).resolves.toBe(true);
    await expect(page.getByRole("button", { name: "Quality score" }).count()).resolves.toBe(1);
    await expect(page.getByRole("region", { name: "Results table (scrolls sideways)" }).count()).resolves.toBe(1);
    expect(await page.locator("[data-compare-problems]").isHidden()).toBe(true);
    await page.getByRole("button", { name: "Start the comparison" }).click();
    await page.waitForFunction(() => document.querySelector("main")?.dataset.compareState === "done", undefined, {
      timeout: 150_000,
    });
    await expect(page.getByRole("status").first().textContent()).resolves.toMatch(
      /^Done: 2 models, each trained 1 s\./,
    );
    await expect(page.locator("[data-compare-panel=gan] [data-compare-score]").textContent()).resolves.toMatch(
      /^Quality score \d\.\d{3} · \d+\.\d s · \d+ steps · done$/,
    );
    await expect(page.locator("[data-compare-chart]").innerText()).resolves.toContain("Training time (s)");
    expect(new URL(page.url()).searchParams.get("lang")).toBe("en");
    await expect(page.locator(".compare-prose strong").first().textContent()).resolves.toBe(
      "Exact likelihood and sampling cost.",
    );
    // All English but the site's name in the header (a link to the Chinese home page).
    const text = (await page.locator("body").innerText()).replace(await page.locator(".site-title").innerText(), "");
    expect(text).not.toMatch(CJK);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/english-compare.png`, fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  it("refuses a bad lang= and stays Chinese", async () => {
    const { page } = await open("/compare/?lang=xx");
    await page.waitForSelector("main[data-compare-state=idle]");
    expect(await page.locator("html").getAttribute("lang")).toBe("zh-CN");
    await expect(page.locator("[data-lang-problem]").textContent()).resolves.toContain("lang=“xx”");
    await expect(page.getByRole("button", { name: "开始比较" }).count()).resolves.toBe(1);
    await page.close();
  });
});
