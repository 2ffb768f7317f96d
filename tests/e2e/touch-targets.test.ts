/**
 * Touch targets of at least 24 × 24 CSS px (WCAG 2.2, SC 2.5.8) for every control of a demo (article and embed)
 * and of the comparison page, on a phone (375 px wide) and a desktop, with every disclosure open. A checkbox or
 * radio button counts with its label (a click on either works it); links inside a sentence are exempt (the SC's
 * inline exception), links that stand alone are not.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { ARTICLE_PATH } from "../support/site.ts";
import { demoReady, openPage, useSite } from "../support/a11y.ts";

const site = useSite();
const MIN = 24;
const VIEWPORTS = { phone: { width: 375, height: 800 }, desktop: { width: 1280, height: 900 } };

/** The controls under `root` smaller than MIN in either direction, with their size. */
const smallTargets = (page: Page, root: string) =>
  page.evaluate(
    ([selector, min]) => {
      const scope = document.querySelector(selector!)!;
      scope.querySelectorAll("details").forEach((d) => (d.open = true));
      const controls = scope.querySelectorAll<HTMLElement>("button, select, input, textarea, summary, a[href]");
      const small: string[] = [];
      for (const control of controls) {
        if (control.getClientRects().length === 0 || control.closest("dialog:not([open])")) continue;
        // a link inside a sentence (text of its own parent besides it) is the SC's inline exception
        const parent = control.parentElement!;
        const inline =
          control.tagName === "A" && (parent.textContent ?? "").trim() !== (control.textContent ?? "").trim();
        if (inline && !parent.matches("h1, h2, h3, h4, li")) continue;
        const target = control.matches("input[type=checkbox], input[type=radio]")
          ? (control.closest("label") ?? control)
          : control;
        const box = target.getBoundingClientRect();
        if (box.width < min! || box.height < min!) {
          const name = (control.getAttribute("aria-label") ?? control.textContent ?? "").trim().slice(0, 16);
          small.push(
            `${parent.className} > ${control.tagName.toLowerCase()}.${control.className} “${name}” ${box.width.toFixed(1)}×${box.height.toFixed(1)}`,
          );
        }
      }
      return { count: controls.length, small };
    },
    [root, MIN] as const,
  );

describe("touch targets", () => {
  for (const [name, viewport] of Object.entries(VIEWPORTS)) {
    it(`are 24 × 24 px or more in a demo, an embed and the comparison (${name})`, async () => {
      const { page } = await openPage(site, `${ARTICLE_PATH}#demo-ddpm`, { viewport });
      await demoReady(page, "#demo-ddpm gen-demo");
      await page.locator("#demo-ddpm").getByLabel("反向过程").check();
      const article = await smallTargets(page, "#demo-ddpm");
      expect(article.count).toBeGreaterThan(20);
      expect(article.small).toEqual([]);
      await page.goto(`${site.origin}/embed/gan/`);
      await demoReady(page, "gen-demo");
      expect((await smallTargets(page, "main")).small).toEqual([]);
      await page.goto(`${site.origin}/compare/`);
      await page.waitForSelector("main[data-compare-state=idle]");
      const compare = await smallTargets(page, "main");
      expect(compare.count).toBeGreaterThan(20);
      expect(compare.small).toEqual([]);
      await page.close();
    });
  }
});
