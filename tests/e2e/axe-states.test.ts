/**
 * axe-core (with WCAG 2.2's target size) finds nothing in a demo in each of its states, in Chromium: idle,
 * training, settings and menus open, a refused URL value and a refused field, drawing its own data, the CSV dialog;
 * an embed; the comparison before and during a run; each in Chinese and in English (`?lang=en`).
 */
import { describe, expect, it } from "vitest";
import { ARTICLE_PATH } from "../support/site.ts";
import { axeViolations, demoReady, openPage, useSite } from "../support/a11y.ts";

const site = useSite();

describe("axe-core in every state", () => {
  for (const lang of ["zh", "en"] as const) {
    const en = lang === "en";
    const name = (zh: string, english: string) => (en ? english : zh);

    it(`finds nothing in a demo idle, training, opened, refusing input and drawing (${lang})`, async () => {
      const query = `?gan.seed=abc${en ? "&lang=en" : ""}`;
      const { page, problems } = await openPage(site, `${ARTICLE_PATH}${query}#demo-gan`);
      const demo = "#demo-gan gen-demo";
      const figure = page.locator("#demo-gan");
      await demoReady(page, demo);
      const check = async (state: string) => expect(await axeViolations(page, "#demo-gan"), state).toEqual([]);
      await check("idle, with a refused URL value");
      await figure.getByRole("button", { name: name("▶ 训练", "▶ Train") }).click();
      await page.waitForFunction((s) => Number(document.querySelector(s)?.getAttribute("data-demo-step")) >= 5, demo);
      await check("training");
      await figure.getByRole("button", { name: name("❚❚ 暂停", "❚❚ Pause") }).click();
      for (const summary of await figure.locator("summary").all()) await summary.click();
      const seed = figure.getByLabel(name("随机种子", "Random seed"));
      await seed.fill("x");
      await seed.press("Enter");
      await check("settings, export and own data open, a refused field");
      await figure.getByRole("button", { name: name("在图上画点", "Draw on the plot") }).click();
      await check("drawing");
      await figure.getByRole("button", { name: name("粘贴或上传 CSV…", "Paste or upload CSV…") }).click();
      expect(await axeViolations(page, "#demo-gan"), "the CSV dialog").toEqual([]);
      expect(problems).toEqual([]);
      await page.close();
    });

    it(`finds nothing in an embed and on the comparison, idle and running (${lang})`, async () => {
      const suffix = en ? "&lang=en" : "";
      const { page } = await openPage(site, `/embed/ddpm/?hide=text${suffix}`);
      await demoReady(page, "gen-demo");
      expect(await axeViolations(page), "embed").toEqual([]);
      await page.goto(`${site.origin}/compare/?budget=1&families=gan,vae&mode=turns${suffix}`);
      await page.waitForSelector("main[data-compare-state=idle]");
      expect(await axeViolations(page), "comparison, idle").toEqual([]);
      await page.getByRole("button", { name: name("开始比较", "Start the comparison") }).click();
      await page.waitForSelector("main[data-compare-state=running] [data-compare-panel][data-state=training]");
      expect(await axeViolations(page), "comparison, running").toEqual([]);
      await page.close();
    });
  }
});
