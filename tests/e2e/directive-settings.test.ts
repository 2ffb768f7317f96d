/**
 * A directive's settings reach the model: every `::demo{…}` example of the README, and each family's every
 * non-default choice given as an attribute, is rendered by the site's Markdown pipeline, placed on the built article
 * in Chromium, and read back from the training worker's session (what the model was created with).
 */
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { COMMON_SETTINGS } from "../../src/settings/common.ts";
import { parseSetting } from "../../src/settings/resolve.ts";
import { FAMILY_SPECS } from "../../src/models/specs.ts";
import { renderMarkdown } from "../support/markdown.ts";
import { servedSite } from "../support/served-site.ts";
import { ARTICLE_PATH } from "../support/site.ts";

const site = servedSite();
let page: Page;

beforeAll(async () => {
  page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${site.origin}${ARTICLE_PATH}?backend=wasm`);
  // The article's own demos go; each directive below gets the top of the page to itself.
  await page.evaluate(() => {
    for (const figure of document.querySelectorAll("figure.demo-figure")) figure.remove();
    window.scrollTo(0, 0);
  });
});

type ModelSettings = { family: string; dataset: string; seed: number; settings: Record<string, number | string> };

/** Renders one directive with the site's pipeline, places it at the top of the article, and reads the model back. */
async function placeAndReadBack(directive: string): Promise<ModelSettings> {
  const { html } = await renderMarkdown(`${directive}\n`);
  expect(html).toContain("<gen-demo");
  return page.evaluate(async (figureHtml) => {
    const host = document.createElement("div");
    host.innerHTML = figureHtml;
    document.querySelector("main")!.prepend(host);
    const element = host.querySelector("gen-demo") as HTMLElement & { modelSettings(): Promise<ModelSettings> };
    const deadline = Date.now() + 90_000;
    while (!["ready", "error"].includes(element.getAttribute("data-demo-state") ?? "")) {
      if (Date.now() > deadline) throw new Error("demo did not start");
      await new Promise((r) => setTimeout(r, 100));
    }
    if (element.getAttribute("data-demo-state") !== "ready") throw new Error(element.textContent ?? "error");
    const read = await element.modelSettings();
    host.remove();
    return read;
  }, html);
}

/** The attributes of a directive line, e.g. `{ model: "gan", loss: "wgan" }`. */
function attributesOf(directive: string): Record<string, string> {
  return Object.fromEntries([...directive.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
}

/** Every attribute of the directive, as the value its setting parses to, is what the model was created with. */
function expectAttributesReached(directive: string, read: ModelSettings): void {
  const { model, ...attributes } = attributesOf(directive);
  expect(read.family).toBe(model);
  const specs = [...COMMON_SETTINGS, ...FAMILY_SPECS[model as keyof typeof FAMILY_SPECS]!.settings];
  for (const [name, raw] of Object.entries(attributes)) {
    const parsed = parseSetting(
      specs.find((s) => s.name === name)!,
      raw,
    );
    if (!parsed.ok) throw new Error(parsed.message.zh);
    const actual = name === "dataset" ? read.dataset : name === "seed" ? read.seed : read.settings[name];
    expect(actual, `${directive}: ${name}`).toBe(parsed.value);
  }
}

const readmeDirectives = [...readFileSync("README.md", "utf8").matchAll(/^\s*(::demo\{[^}]*\})\s*$/gm)].map(
  (m) => m[1]!,
);

const choiceDirectives = Object.values(FAMILY_SPECS).flatMap((spec) =>
  spec!.settings.flatMap((setting) =>
    setting.type === "choice"
      ? setting.choices
          .filter((c) => c.value !== setting.default)
          .map((c) => `::demo{model="${spec!.id}" ${setting.name}="${c.value}"}`)
      : [],
  ),
);

describe("directive settings reach the model in the worker", () => {
  it("the README has demo examples to check", () => {
    expect(readmeDirectives.length).toBeGreaterThanOrEqual(2);
  });

  it.each(readmeDirectives)("README example %s", async (directive) => {
    expectAttributesReached(directive, await placeAndReadBack(directive));
  });

  it.each(choiceDirectives)("%s", async (directive) => {
    expectAttributesReached(directive, await placeAndReadBack(directive));
  });

  it('loss="wgan" alone brings Algorithm 1 of Arjovsky et al. (2017): n_critic = 5, RMSProp α = 5e-5, c = 0.01', async () => {
    const { settings } = await placeAndReadBack('::demo{model="gan" loss="wgan"}');
    expect(settings).toMatchObject({
      loss: "wgan",
      discriminatorSteps: 5,
      learningRate: 5e-5,
      discriminatorLearningRate: 5e-5,
      clip: 0.01,
    });
  });

  it('loss="wgan-gp" brings Algorithm 1 of Gulrajani et al. (2017): n_critic = 5, λ = 10, Adam 1e-4, β = (0, 0.9)', async () => {
    const { settings } = await placeAndReadBack('::demo{model="gan" loss="wgan-gp"}');
    expect(settings).toMatchObject({
      loss: "wgan-gp",
      discriminatorSteps: 5,
      learningRate: 1e-4,
      discriminatorLearningRate: 1e-4,
      adamBeta1: 0,
      adamBeta2: 0.9,
      penalty: 10,
      decayFactor: 1,
    });
  });

  it("an explicit attribute wins over the preset its loss brings", async () => {
    const { settings } = await placeAndReadBack('::demo{model="gan" loss="wgan" discriminatorSteps="3"}');
    expect(settings).toMatchObject({ loss: "wgan", discriminatorSteps: 3, clip: 0.01 });
  });
});
