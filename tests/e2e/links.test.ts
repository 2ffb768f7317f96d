import { describe, expect, it } from "vitest";
import { checkLinks } from "../support/links.ts";
import { DIST, readHtml, requireBuild } from "../support/site.ts";
import expectedIds from "../fixtures/article-heading-ids.json" with { type: "json" };

describe("the built site's links", () => {
  it("has no broken internal link or anchor, and only links (never loads) external pages", () => {
    requireBuild();
    const { broken, external } = checkLinks(DIST);
    expect(broken).toEqual([]);
    expect(external.length).toBeGreaterThan(0);
    // external URLs appear only as link targets (href), never as a script, image or style source
    expect(external.filter((e) => !e.startsWith("href https://") && !e.startsWith("href http://"))).toEqual([]);
  });

  it("keeps the article's heading ids from build to build", () => {
    const html = readHtml("notes/1-generative-model-routes/index.html");
    const ids = [...html.matchAll(/<h[2-6] id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(expectedIds);
  });
});
