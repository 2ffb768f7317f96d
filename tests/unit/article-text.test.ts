import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const SEED = "../shared/seeds/000_2d3542e42d0b8e54.txt";
const article = readFileSync("content/1-generative-model-routes.md", "utf8");

describe("the author's article", () => {
  it.runIf(existsSync(SEED))(
    "is kept word for word: the seed's text, front matter included, opens the note unchanged",
    () => {
      const seed = readFileSync(SEED, "utf8");
      expect(article.startsWith(seed)).toBe(true);
    },
  );

  it("keeps the author's closing paragraph before anything added after it", () => {
    const closing = article.indexOf("感兴趣的同学请follow me。");
    expect(closing).toBeGreaterThan(0);
    expect(article.indexOf("| **大类** |")).toBeLessThan(closing);
  });
});
