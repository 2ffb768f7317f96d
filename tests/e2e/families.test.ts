/**
 * Every demo of the article, in Chromium on WebGL: it loads, trains (finite losses, the step counter moves),
 * keeps its tensor count constant over further steps, draws every one of its views with something of the
 * model in it (samples, a field, arrows, paths or bar charts), and logs no error.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { FAMILY_SPECS } from "../../src/models/specs.ts";
import { ARTICLE_PATH } from "../support/site.ts";
import { servedSite } from "../support/served-site.ts";

const site = servedSite();

const attribute = (page: Page, model: string, name: string) =>
  page.locator(`#demo-${model} gen-demo`).getAttribute(name);

/** What an attribute should come to: one of some values, or a number at least so large. */
type Wanted = { oneOf: readonly string[] } | { atLeast: number };

/** Waits for a demo's attribute (a condition as data: the pages' Content-Security-Policy refuses `new Function`). */
async function waitFor(page: Page, model: string, name: string, wanted: Wanted): Promise<void> {
  await page.waitForFunction(
    ([m, n, w]) => {
      const value = document.querySelector(`#demo-${m} gen-demo`)?.getAttribute(n) ?? "";
      return "oneOf" in w ? w.oneOf.includes(value) : Number(value) >= w.atLeast;
    },
    [model, name, wanted] as const,
    { timeout: 120_000 },
  );
}

async function tensors(page: Page, model: string): Promise<number> {
  return page.evaluate(
    (m) =>
      (document.querySelector(`#demo-${m} gen-demo`) as unknown as { memory(): Promise<{ numTensors: number }> })
        .memory()
        .then((r) => r.numTensors),
    model,
  );
}

describe.each(Object.values(FAMILY_SPECS).map((spec) => [spec.id, spec] as const))("the %s demo", (model, spec) => {
  it("trains on WebGL, keeps its tensors constant and draws every view", async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
    page.on("pageerror", (e) => problems.push(String(e)));
    await page.goto(`${site.origin}${ARTICLE_PATH}?backend=webgl#demo-${model}`);
    const figure = page.locator(`#demo-${model}`);
    await figure.locator("gen-demo").scrollIntoViewIfNeeded();
    await waitFor(page, model, "data-demo-state", { oneOf: ["ready", "error"] });
    expect(await attribute(page, model, "data-demo-state")).toBe("ready");
    expect(await attribute(page, model, "data-demo-backend")).toBe("WebGL");

    const play = figure.locator(".demo-play");
    await play.click();
    await waitFor(page, model, "data-demo-step", { atLeast: 10 });
    await play.click();
    await waitFor(page, model, "data-demo-loop", { oneOf: ["paused"] });
    const losses = JSON.parse((await attribute(page, model, "data-demo-loss")) ?? "{}") as Record<string, number>;
    expect(Object.keys(losses).sort()).toEqual(spec.lossSeries.map((s) => s.key).sort());
    expect(Object.values(losses).every(Number.isFinite)).toBe(true);

    // After the first steps (the optimiser's slots exist), more steps leave the tensor count where it was.
    const before = await tensors(page, model);
    const step = Number(await attribute(page, model, "data-demo-step"));
    await play.click();
    await waitFor(page, model, "data-demo-step", { atLeast: step + 15 });
    await play.click();
    await waitFor(page, model, "data-demo-loop", { oneOf: ["paused"] });
    await page.waitForTimeout(500);
    expect(await tensors(page, model)).toBe(before);

    for (const view of spec.views) {
      const radio = figure.getByRole("radio", { name: view.label.zh });
      if (!(await radio.isChecked())) {
        const drawn = Number(await attribute(page, model, "data-demo-drawn"));
        await radio.check();
        await waitFor(page, model, "data-demo-drawn", { atLeast: drawn + 1 });
      }
      const kinds = await figure
        .locator(".gm-legend__item[data-kind]")
        .evaluateAll((items) => items.map((i) => i.getAttribute("data-kind")));
      const bars = await figure.locator(".gm-bars svg rect").count();
      const modelMarks = kinds.filter((k) => k !== "data");
      expect(modelMarks.length + bars, `view ${view.id} draws nothing of the model`).toBeGreaterThan(0);
      await expect(figure.locator(".demo-error").isHidden()).resolves.toBe(true);
    }
    expect(problems).toEqual([]);
    await page.close();
  });
});
