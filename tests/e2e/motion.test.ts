/**
 * A reader who asked for less motion (`prefers-reduced-motion: reduce`), in Chromium: no CSS animation or
 * transition anywhere (the flash of a linked section included), and nothing moves by itself on the article, an
 * embed or the comparison: no demo trains, no sweep plays and no plot changes until the reader presses a button.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { ARTICLE_PATH } from "../support/site.ts";
import { demoReady, demoStep, openPage, useSite } from "../support/a11y.ts";

const site = useSite();
const REDUCE = { reducedMotion: "reduce" } as const;

/** Elements with a CSS animation or a transition of some duration, and the animations running in the page. */
const moving = (page: Page) =>
  page.evaluate(() => {
    const styled = [...document.querySelectorAll("*")].filter((e) => {
      const s = getComputedStyle(e);
      return s.animationName !== "none" || s.transitionDuration.split(",").some((d) => parseFloat(d) > 0);
    });
    return [
      ...styled.map((e) => `${e.tagName.toLowerCase()}#${e.id}.${e.className}`),
      ...document.getAnimations().map((a) => `running: ${a.constructor.name}`),
    ];
  });

/** Every canvas of `selector`, as pixels. */
const pixels = (page: Page, selector: string) =>
  page.evaluate(
    (s) => [...document.querySelectorAll<HTMLCanvasElement>(`${s} canvas`)].map((c) => c.toDataURL()).join(""),
    selector,
  );

describe("with reduced motion", () => {
  it("animates nothing on the article, not even the flash of a linked demo, and trains only when asked", async () => {
    const { page, problems } = await openPage(site, `${ARTICLE_PATH}#demo-ddpm`, REDUCE);
    const demo = "#demo-ddpm gen-demo";
    await demoReady(page, demo);
    expect(await moving(page)).toEqual([]);
    const figure = page.locator("#demo-ddpm");
    await figure.getByLabel("反向过程").check();
    const slider = figure.getByLabel("反向步 t");
    const before = await pixels(page, demo);
    const value = await slider.inputValue();
    await page.waitForTimeout(2500);
    expect(await demoStep(page, demo)).toBe(0);
    expect(await slider.inputValue()).toBe(value);
    expect(await pixels(page, demo)).toBe(before);
    expect(await moving(page)).toEqual([]);
    // the reader's play button still plays the sweep
    await figure.getByRole("button", { name: "▶ 播放" }).click();
    await expect.poll(() => slider.inputValue()).not.toBe(value);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("leaves an embed and the comparison still until the reader starts them", async () => {
    for (const path of ["/embed/flow-matching/?snapshot=1", "/embed/ddpm/"]) {
      const { page, problems } = await openPage(site, path, REDUCE);
      await demoReady(page, "gen-demo");
      // the trained model drawn and scored, or the new one drawn
      await page.waitForFunction(
        (snapshot) =>
          document.querySelector("gen-demo")?.hasAttribute(snapshot ? "data-demo-quality" : "data-demo-drawn"),
        path.includes("snapshot"),
      );
      await page.waitForTimeout(1000);
      const before = await pixels(page, "gen-demo");
      await page.waitForTimeout(2000);
      expect(await pixels(page, "gen-demo")).toBe(before);
      expect(await page.locator("gen-demo").getAttribute("data-demo-loop")).toBe("paused");
      expect(await moving(page)).toEqual([]);
      expect(problems).toEqual([]);
      await page.close();
    }
    const { page } = await openPage(site, "/compare/?budget=1", REDUCE);
    await page.waitForSelector("main[data-compare-state=idle]");
    await page.waitForTimeout(2500);
    expect(await page.locator("main").getAttribute("data-compare-state")).toBe("idle");
    expect(await moving(page)).toEqual([]);
    await page.close();
  });
});
