/**
 * The live demos on the built article, in Chromium: lazy loading, training on WebGL, switching to WASM,
 * tensor counts, pausing off screen, views, errors, accessibility.
 */
import { readFileSync } from "node:fs";
import type { Browser, Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { launchChromium } from "../../src/cli/chromium.ts";
import { ARTICLE_PATH } from "../support/site.ts";
import { servedSite } from "../support/served-site.ts";
import { demoMemory } from "../support/demo-page.ts";
import { FAMILY_SPECS } from "../../src/models/specs.ts";

const site = servedSite();
const AXE = readFileSync("node_modules/axe-core/axe.min.js", "utf8");

interface Opened {
  page: Page;
  problems: string[];
  requests: string[];
}

async function open(b: Browser, hash = "", query = ""): Promise<Opened> {
  const page = await b.newPage({ viewport: { width: 1280, height: 900 } });
  const problems: string[] = [];
  const requests: string[] = [];
  page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
  page.on("pageerror", (e) => problems.push(String(e)));
  page.on("request", (r) => requests.push(r.url()));
  await page.goto(`${site.origin}${ARTICLE_PATH}${query}${hash}`);
  return { page, problems, requests };
}

function demo(page: Page, model: string): Locator {
  return page.locator(`#demo-${model} gen-demo`);
}

async function ready(page: Page, model: string): Promise<void> {
  await demo(page, model).scrollIntoViewIfNeeded();
  await page.waitForFunction(
    (m) =>
      ["ready", "error"].includes(document.querySelector(`#demo-${m} gen-demo`)?.getAttribute("data-demo-state") ?? ""),
    model,
    { timeout: 90_000 },
  );
  expect(await demo(page, model).getAttribute("data-demo-state")).toBe("ready");
}

async function step(page: Page, model: string): Promise<number> {
  return Number(await demo(page, model).getAttribute("data-demo-step"));
}

/**
 * Once a demo's loop has stopped: waits until its step counter settles (a tick already queued in the worker may
 * still land), checks it then stays put, and returns it.
 */
async function stepOnceParked(page: Page, model: string): Promise<number> {
  let parked = await step(page, model);
  for (let settled = false; !settled;) {
    await page.waitForTimeout(700);
    const now = await step(page, model);
    settled = now === parked;
    parked = now;
  }
  await page.waitForTimeout(1500);
  expect(await step(page, model)).toBe(parked);
  return parked;
}

async function waitForStep(page: Page, model: string, atLeast: number): Promise<void> {
  await page.waitForFunction(
    ([m, n]) => Number(document.querySelector(`#demo-${m} gen-demo`)?.getAttribute("data-demo-step")) >= Number(n),
    [model, atLeast] as const,
    { timeout: 120_000 },
  );
}

const canvasPixels = (page: Page, model: string) =>
  page.evaluate(
    (m) => [...document.querySelectorAll<HTMLCanvasElement>(`#demo-${m} canvas`)].map((c) => c.toDataURL()).join(""),
    model,
  );

describe("the GAN demo", () => {
  it("loads lazily: no tfjs before a demo nears the viewport, one worker for all demos after", async () => {
    const { page, requests, problems } = await open(site.browser);
    await page.waitForTimeout(1000);
    expect(requests.filter((r) => r.includes("training-worker") || r.endsWith(".wasm"))).toEqual([]);
    await ready(page, "gan");
    await ready(page, "ddpm");
    expect(requests.filter((r) => r.includes("training-worker"))).toHaveLength(1);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("picks WebGL on a GPU, and WASM (saying why) when WebGL is software-rendered, as here", async () => {
    const { page, problems } = await open(site.browser, "#gan");
    await ready(page, "gan");
    const renderer = await page.evaluate(() => {
      const gl = document.createElement("canvas").getContext("webgl");
      const info = gl?.getExtension("WEBGL_debug_renderer_info");
      return gl && info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : "";
    });
    const figure = page.locator("#demo-gan");
    if (/swiftshader|llvmpipe|software/i.test(renderer)) {
      await expect(figure.locator(".demo-backend").textContent()).resolves.toBe("后端：WASM");
      await expect(figure.locator(".demo-backend-note").textContent()).resolves.toMatch(
        /WebGL 在这台设备上是软件渲染：\w+，训练比 WASM 慢，已改用 WASM（可在“设置”中切换）。/,
      );
    } else {
      await expect(figure.locator(".demo-backend").textContent()).resolves.toBe("后端：WebGL");
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  it("trains on WebGL when asked: the step counter advances, the canvas changes, the loss is finite, tensors stay constant", async () => {
    const { page, problems } = await open(site.browser, "#gan", "?backend=webgl");
    await ready(page, "gan");
    const figure = page.locator("#demo-gan");
    await expect(figure.locator(".demo-backend").textContent()).resolves.toBe("后端：WebGL");
    const before = await canvasPixels(page, "gan");
    await figure.getByRole("button", { name: "▶ 训练" }).click();
    await waitForStep(page, "gan", 20);
    await figure.getByRole("button", { name: "❚❚ 暂停" }).click();
    const losses = JSON.parse((await demo(page, "gan").getAttribute("data-demo-loss"))!) as Record<string, number>;
    expect(Object.keys(losses).sort()).toEqual(["discriminator", "generator"]);
    expect(Object.values(losses).every(Number.isFinite)).toBe(true);
    await page.waitForTimeout(500);
    expect(await canvasPixels(page, "gan")).not.toBe(before);

    const startStep = await step(page, "gan");
    const startTensors = (await demoMemory(page, "gan")).numTensors;
    await figure.getByRole("button", { name: "▶ 训练" }).click();
    await waitForStep(page, "gan", startStep + 50);
    await figure.getByRole("button", { name: "❚❚ 暂停" }).click();
    await page.waitForTimeout(300);
    expect((await demoMemory(page, "gan")).numTensors).toBe(startTensors);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("pauses when scrolled off screen and resumes when back", async () => {
    const { page } = await open(site.browser, "#gan");
    await ready(page, "gan");
    const figure = page.locator("#demo-gan");
    await figure.getByRole("button", { name: "▶ 训练" }).click();
    await waitForStep(page, "gan", 3);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForFunction(
      () => document.querySelector("#demo-gan gen-demo")?.getAttribute("data-demo-loop") === "off-screen",
    );
    const parked = await stepOnceParked(page, "gan");
    await demo(page, "gan").scrollIntoViewIfNeeded();
    await waitForStep(page, "gan", parked + 3);
    expect(await demo(page, "gan").getAttribute("data-demo-loop")).toBe("running");
    await page.close();
  });

  it("trains on off screen once the benchmark holds it on screen (holdOnScreen, for every demo at once)", async () => {
    const { page } = await open(site.browser, "#gan");
    await ready(page, "gan");
    await page.evaluate(() =>
      (document.querySelector("#demo-gan gen-demo") as unknown as { holdOnScreen(): void }).holdOnScreen(),
    );
    await page.locator("#demo-gan").getByRole("button", { name: "▶ 训练" }).click();
    await waitForStep(page, "gan", 3);
    await page.evaluate(() => window.scrollTo(0, 0));
    const scrolledAway = await step(page, "gan");
    await waitForStep(page, "gan", scrolledAway + 20);
    expect(await demo(page, "gan").getAttribute("data-demo-loop")).toBe("running");
    await page.close();
  });

  it("pauses while the tab is hidden and resumes when it is shown again", async () => {
    const { page, problems } = await open(site.browser, "#gan");
    await ready(page, "gan");
    await page.locator("#demo-gan").getByRole("button", { name: "▶ 训练" }).click();
    await waitForStep(page, "gan", 3);
    // Headless Chromium keeps every tab visible: the page is told it is hidden the way a browser tells it.
    const setVisibility = (state: "hidden" | "visible") =>
      page.evaluate((s) => {
        Object.defineProperty(document, "visibilityState", { configurable: true, get: () => s });
        Object.defineProperty(document, "hidden", { configurable: true, get: () => s === "hidden" });
        document.dispatchEvent(new Event("visibilitychange"));
      }, state);
    await setVisibility("hidden");
    await page.waitForFunction(
      () => document.querySelector("#demo-gan gen-demo")?.getAttribute("data-demo-loop") === "hidden-tab",
    );
    const parked = await stepOnceParked(page, "gan");
    await setVisibility("visible");
    await waitForStep(page, "gan", parked + 3);
    expect(await demo(page, "gan").getAttribute("data-demo-loop")).toBe("running");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("switches to WASM and keeps training; refuses a bad setting with a message", async () => {
    const { page, problems } = await open(site.browser, "#gan", "?backend=webgl");
    await ready(page, "gan");
    const figure = page.locator("#demo-gan");
    await expect(figure.locator(".demo-backend").textContent()).resolves.toBe("后端：WebGL");
    await figure.getByText("设置").click();
    await figure.getByLabel("计算后端").selectOption("wasm");
    await page.waitForFunction(() => document.querySelector("#demo-gan .demo-backend")?.textContent === "后端：WASM");
    expect((await demoMemory(page, "gan")).backend).toBe("wasm");
    await figure.getByRole("button", { name: "▶ 训练" }).click();
    await waitForStep(page, "gan", 30);
    await figure.getByRole("button", { name: "❚❚ 暂停" }).click();

    const lr = figure.getByLabel("生成器学习率");
    await lr.fill("abc");
    await lr.press("Enter");
    await lr.blur();
    await expect(lr.getAttribute("aria-invalid")).resolves.toBe("true");
    await expect(figure.locator(".demo-setting-error:not([hidden])").textContent()).resolves.toMatch(
      /“生成器学习率”需要一个数字.*仍使用 2e-3/,
    );
    expect(problems).toEqual([]);
    await page.close();
  });

  it("takes settings from the URL and refuses a bad one with a message", async () => {
    const { page } = await open(site.browser, "#gan", "?gan.dataset=moons&gan.seed=abc");
    await ready(page, "gan");
    const figure = page.locator("#demo-gan");
    await expect(figure.getByLabel("数据集").inputValue()).resolves.toBe("moons");
    await expect(figure.locator(".demo-error").textContent()).resolves.toMatch(/网址参数：“随机种子”需要一个数字/);
    await page.close();
  });

  it("says so, with why, when the picked dataset is one the family is measured not to learn in its budget", async () => {
    const hard = Object.keys(FAMILY_SPECS.gan.hardDatasets ?? {});
    expect(hard).not.toContain("moons");
    const { page } = await open(site.browser, "#gan", `?gan.dataset=${hard[0]}`);
    await ready(page, "gan");
    const figure = page.locator("#demo-gan");
    const note = figure.locator(".demo-dataset-note");
    await expect(note.isVisible()).resolves.toBe(true);
    await expect(note.textContent()).resolves.toContain(`在默认的 5,000 步内，生成对抗网络`);
    await expect(note.textContent()).resolves.toContain(FAMILY_SPECS.gan.hardDatasets![hard[0] as "circles"]!.zh);
    await figure.getByText("设置", { exact: true }).click();
    await figure.getByLabel("数据集").selectOption("moons");
    await expect.poll(() => note.isVisible()).toBe(false);
    await figure.getByLabel("数据集").selectOption(hard.at(-1)!);
    await expect.poll(() => note.isVisible()).toBe(true);
    await page.close();
  });
});

describe("the DDPM demo", () => {
  it("trains and scrubs through the reverse process with the slider", async () => {
    const { page, problems } = await open(site.browser, "#ddpm");
    await ready(page, "ddpm");
    const figure = page.locator("#demo-ddpm");
    await figure.getByRole("button", { name: "▶ 训练" }).click();
    await waitForStep(page, "ddpm", 200);
    await figure.getByRole("button", { name: "❚❚ 暂停" }).click();
    // the score is measured again where training stopped, not left at the last paced one seconds before
    const parked = await stepOnceParked(page, "ddpm");
    await expect.poll(() => demo(page, "ddpm").getAttribute("data-demo-quality-step")).toBe(String(parked));
    await expect(figure.locator(".demo-quality").textContent()).resolves.toContain(`第 ${parked} 步`);
    await figure.getByLabel("反向过程").check();
    const slider = figure.getByLabel("反向步 t");
    await expect(slider.getAttribute("max")).resolves.toBe("100");
    const drawn = Number(await demo(page, "ddpm").getAttribute("data-demo-drawn"));
    await slider.fill("60");
    await page.waitForFunction(
      (n) => Number(document.querySelector("#demo-ddpm gen-demo")?.getAttribute("data-demo-drawn")) > n,
      drawn,
    );
    await expect(figure.locator(".demo-caption").textContent()).resolves.toBe("反向去噪 t = 60 / 100");
    await figure.getByLabel("前向过程").check();
    await page.waitForFunction(() =>
      document.querySelector("#demo-ddpm .demo-caption")?.textContent?.startsWith("前向加噪 t = 50"),
    );
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe("demos and accessibility", () => {
  it("passes axe-core with both demos loaded", async () => {
    const { page } = await open(site.browser, "#gan");
    await ready(page, "gan");
    await ready(page, "ddpm");
    // evaluated, not added as a <script>: the page's Content-Security-Policy refuses inline scripts
    await page.evaluate(AXE);
    const violations = await page.evaluate(async () => {
      const result = await (
        window as unknown as {
          axe: { run: (c: unknown) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> };
        }
      ).axe.run(document.querySelector("#demos")?.parentElement ?? document);
      return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    });
    expect(violations).toEqual([]);
    await page.close();
  });
});

describe("a diverging run", () => {
  it("stops at the step where the loss stopped being finite, says so, and recovers with a lower learning rate", async () => {
    // A learning rate of 1 makes the VAE's log-variance overflow within a few steps (a real run, not an injected NaN).
    const { page, problems } = await open(site.browser, "#vae", "?vae.learningRate=1");
    await ready(page, "vae");
    const figure = page.locator("#demo-vae");
    const error = figure.locator(".demo-error");
    await figure.getByRole("button", { name: "▶ 训练" }).click();
    await page.waitForFunction(() => !document.querySelector<HTMLElement>("#demo-vae .demo-error")?.hidden, undefined, {
      timeout: 60_000,
    });
    const message = (await error.textContent()) ?? "";
    const stoppedAt = Number(/第 (\d+) 步发散/.exec(message)?.[1]);
    expect(message).toMatch(
      /^训练在第 \d+ 步发散（“重建项 −log p\(x\|z\)”变成了 NaN 或无穷大），已停止。学习率可能太大：请降低学习率/,
    );
    expect(message.match(/发散/g)).toHaveLength(1);
    expect(stoppedAt).toBeGreaterThan(0);
    await expect(demo(page, "vae").getAttribute("data-demo-loop")).resolves.toBe("paused");
    expect(await step(page, "vae")).toBe(stoppedAt);
    await page.waitForTimeout(1000);
    expect(await step(page, "vae")).toBe(stoppedAt);

    await figure.getByRole("button", { name: "重置" }).click();
    await page.waitForFunction(
      () => document.querySelector("#demo-vae gen-demo")?.getAttribute("data-demo-step") === "0",
    );
    await expect(error.isHidden()).resolves.toBe(true);

    await figure.locator("summary", { hasText: "设置" }).click();
    const lr = figure.getByLabel("学习率", { exact: true });
    await lr.fill("1e-3");
    await lr.press("Enter");
    await figure.getByRole("button", { name: "▶ 训练" }).click();
    await waitForStep(page, "vae", stoppedAt + 50);
    await expect(error.isHidden()).resolves.toBe(true);
    const losses = JSON.parse((await demo(page, "vae").getAttribute("data-demo-loss")) ?? "{}") as Record<
      string,
      number
    >;
    expect(Object.values(losses).length).toBeGreaterThan(0);
    expect(Object.values(losses).every(Number.isFinite)).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe("the backend chosen by measuring", () => {
  const RACE_NOTE =
    /这台设备上的测速（\d{4}-\d\d-\d\d，用演示自己的模型训练）：(WASM|WebGL) 每秒 \d+ 步，(WASM|WebGL) 每秒 \d+ 步，已选用 (WASM|WebGL)。/;
  const stored = (page: Page) =>
    page.evaluate(() => JSON.parse(localStorage.getItem("gen-demo:measured-backend") ?? "null"));

  it("races WebGL and WASM on the demo's model at the first training, keeps the faster, remembers it, measures again", async () => {
    const { page, problems } = await open(site.browser, "#gan");
    await ready(page, "gan");
    const figure = page.locator("#demo-gan");
    expect(await stored(page)).toBeNull();
    await figure.getByRole("button", { name: "▶ 训练" }).click();
    await page.waitForFunction(() => localStorage.getItem("gen-demo:measured-backend") !== null, null, {
      timeout: 60_000,
    });
    await waitForStep(page, "gan", 20);
    const race = await stored(page);
    const laps = race.laps as { backend: string; stepsPerSecond: number }[];
    expect(laps.map((l) => l.backend).sort()).toEqual(["wasm", "webgl"]);
    expect(laps.every((l) => l.stepsPerSecond > 0)).toBe(true);
    const fastest = [...laps].sort((a, b) => b.stepsPerSecond - a.stepsPerSecond)[0]!.backend;
    expect(race.winner).toBe(fastest);
    const label = fastest === "wasm" ? "WASM" : "WebGL";
    const note = (await figure.locator(".demo-backend-note").textContent()) ?? "";
    expect(note).toMatch(RACE_NOTE);
    expect(note).toContain(`已选用 ${label}`);
    expect(await demo(page, "gan").getAttribute("data-demo-backend")).toBe(label);
    expect((await demoMemory(page, "gan")).backend).toBe(fastest);
    // Another demo on the page says the same, and trains without racing again.
    await ready(page, "ddpm");
    await expect(page.locator("#demo-ddpm .demo-backend-note").textContent()).resolves.toMatch(RACE_NOTE);

    // The next visit starts on the measured backend, with the race's note, and does not race.
    await page.reload();
    await ready(page, "gan");
    await expect(figure.locator(".demo-backend-note").textContent()).resolves.toMatch(RACE_NOTE);
    expect((await demoMemory(page, "gan")).backend).toBe(fastest);
    await figure.getByRole("button", { name: "▶ 训练" }).click();
    await waitForStep(page, "gan", 10);
    expect((await stored(page)).measuredAt).toBe(race.measuredAt);
    await figure.locator(".demo-play").click(); // pause

    // 重新测速 measures again.
    await figure.getByRole("button", { name: "重新测速" }).click();
    await page.waitForFunction(
      (before) => JSON.parse(localStorage.getItem("gen-demo:measured-backend") ?? "{}").measuredAt !== before,
      race.measuredAt,
      { timeout: 60_000 },
    );
    expect(problems).toEqual([]);
    await page.close();
  });

  it("does not race when the URL names a backend", async () => {
    const { page, problems } = await open(site.browser, "#gan", "?backend=wasm");
    await ready(page, "gan");
    await page.locator("#demo-gan").getByRole("button", { name: "▶ 训练" }).click();
    await waitForStep(page, "gan", 20);
    expect(await stored(page)).toBeNull();
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe("when parts of the demo cannot load", () => {
  it("trains on the CPU backend, and says so, when neither WebGL nor WASM works", async () => {
    const noWebgl = await launchChromium([], { webgl: false });
    try {
      // The service worker is blocked: it precaches the WASM files itself, past page.route, and once it claims the
      // page the training worker's request for them would be answered from its cache (CI saw WASM win that way).
      const page = await noWebgl.newPage({ viewport: { width: 1280, height: 900 }, serviceWorkers: "block" });
      const problems: string[] = [];
      page.on("pageerror", (e) => problems.push(String(e)));
      await page.route(/\.wasm$/, (route) => route.abort());
      await page.goto(`${site.origin}${ARTICLE_PATH}#gan`);
      await ready(page, "gan");
      const figure = page.locator("#demo-gan");
      await expect(figure.locator(".demo-backend").textContent()).resolves.toBe("后端：CPU");
      await expect(figure.locator(".demo-backend-note").textContent()).resolves.toMatch(
        /WebGL 不可用.*WASM 不可用.*已改用 CPU/,
      );
      await figure.getByRole("button", { name: "▶ 训练" }).click();
      await waitForStep(page, "gan", 3);
      expect(problems).toEqual([]);
      await page.close();
    } finally {
      await noWebgl.close();
    }
  });

  it("says so in the demo when its training worker fails to load, and the article keeps working", async () => {
    // No service worker, for the same reason as above: its cache would hand the worker's script past page.route.
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 }, serviceWorkers: "block" });
    await page.route(/training-worker[^/]*\.js$/, (route) => route.abort());
    await page.goto(`${site.origin}${ARTICLE_PATH}#gan`);
    await demo(page, "gan").scrollIntoViewIfNeeded();
    await page.waitForFunction(
      () => document.querySelector("#demo-gan gen-demo")?.getAttribute("data-demo-state") === "error",
    );
    await expect(page.locator("#demo-gan .demo-error").textContent()).resolves.toMatch(
      /演示无法启动：训练线程无法启动/,
    );
    await expect(page.locator("#demo-gan .demo-play").isDisabled()).resolves.toBe(true);
    await expect(page.locator("#demo-gan .demo-backend").textContent()).resolves.toBe("后端：无");
    // The rest of the page is untouched: its text, its math and its table of contents still work.
    await expect(page.locator("h1").textContent()).resolves.toContain("生成模型");
    expect(await page.locator(".katex").count()).toBeGreaterThan(100);
    await page.locator("nav a[href='#ddpm']").first().click();
    await page.waitForFunction(() => location.hash === "#ddpm");
    await page.close();
  });
});

describe("without WebGL", () => {
  it("falls back to WASM and says so", async () => {
    const noWebgl = await launchChromium([], { webgl: false });
    try {
      const { page, problems } = await open(noWebgl, "#gan");
      await ready(page, "gan");
      const figure = page.locator("#demo-gan");
      await expect(figure.locator(".demo-backend").textContent()).resolves.toBe("后端：WASM");
      await expect(figure.locator(".demo-backend-note").textContent()).resolves.toMatch(/WebGL 不可用.*已改用 WASM/);
      await figure.getByRole("button", { name: "▶ 训练" }).click();
      await waitForStep(page, "gan", 10);
      expect(problems).toEqual([]);
      await page.close();
    } finally {
      await noWebgl.close();
    }
  });
});
