/**
 * A family is one model file, one spec file and its id in one list (src/models/ids.ts), plus its section in the
 * article. The registries are complete by type; this test names, for each id, whatever else a new family is missing.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { FAMILY_IDS } from "../../src/models/ids.ts";
import { FAMILIES } from "../../src/models/registry.ts";
import { FAMILY_SPECS } from "../../src/models/specs.ts";

const article = readFileSync("content/1-generative-model-routes.md", "utf8");
const headingIds = JSON.parse(readFileSync("tests/fixtures/article-heading-ids.json", "utf8")) as string[];
const qualityTest = readFileSync("tests/unit/training-quality.test.ts", "utf8");

describe.each(FAMILY_IDS.map((id) => [id]))("family %s", (id) => {
  it("has a spec and a model that carry its id, and a setting table of its own", () => {
    expect(FAMILY_SPECS[id]?.id, `src/models/specs/${id}.ts, registered in src/models/specs.ts`).toBe(id);
    expect(FAMILIES[id]?.id, `src/models/${id}.ts, registered in src/models/registry.ts`).toBe(id);
    expect(FAMILIES[id]!.settings).toBe(FAMILY_SPECS[id]!.settings);
  });

  it("has its section in the article, with an ASCII id and a demo", () => {
    expect(article, `a heading "### … {#${id}}" in the article`).toMatch(new RegExp(`^### .+ \\{#${id}\\}$`, "m"));
    expect(article, `::demo{model="${id}" …} in the article`).toContain(`::demo{model="${id}"`);
    expect(headingIds, "tests/fixtures/article-heading-ids.json").toContain(id);
  });

  it("has a quality threshold in tests/unit/training-quality.test.ts", () => {
    expect(qualityTest).toMatch(new RegExp(`["']${id}["']`));
  });
});
