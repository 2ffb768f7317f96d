import { parseFrontmatter } from "@astrojs/markdown-remark";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatDate, isoInZone, readFrontMatterDate } from "../../src/content/dates.ts";
import { noteSchema } from "../../src/content/schema.ts";

const article = readFileSync("content/1-generative-model-routes.md", "utf8");

describe("front matter schema", () => {
  it("accepts the article's Hexo front matter and reads its date in Asia/Shanghai", () => {
    const { frontmatter } = parseFrontmatter(article);
    const data = noteSchema("Asia/Shanghai").parse(frontmatter);
    expect(data.title).toBe("笔记｜生成模型（二）：生成模型的技术路线总览");
    expect(data.date.toISOString()).toBe("2025-08-03T17:37:31.000Z");
    expect(isoInZone(data.date, "Asia/Shanghai")).toBe("2025-08-04T01:37:31+08:00");
    expect(formatDate(data.date, "Asia/Shanghai")).toBe("2025-08-04 01:37");
    expect(data.cover).toBe(false);
    expect(data.mathjax).toBe(true);
    expect(data.categories).toEqual(["Notes"]);
    expect(data.tags).toEqual(["Deep learning", "Generative models theory"]);
    expect(data.series).toBe("Diffusion Models theory");
  });

  it("reads the same wall-clock time in another configured zone", () => {
    const data = noteSchema("Europe/Berlin").parse({ title: "t", date: new Date(Date.UTC(2025, 0, 15, 9, 0, 0)) });
    expect(data.date.toISOString()).toBe("2025-01-15T08:00:00.000Z");
  });

  it("keeps unknown keys, takes a single tag as a list and a cover path", () => {
    const data = noteSchema().parse({
      title: "t",
      date: "2024-03-01 10:00",
      tags: "GAN",
      cover: "/img/c.png",
      toc: true,
      abbrlink: 42,
    });
    expect(data.tags).toEqual(["GAN"]);
    expect(data.cover).toBe("/img/c.png");
    expect(data).toMatchObject({ toc: true, abbrlink: 42 });
    expect(data.date.toISOString()).toBe("2024-03-01T02:00:00.000Z");
  });

  it("refuses bad front matter with a message naming the field", () => {
    const missing = noteSchema().safeParse({ date: "2024-03-01" });
    expect(missing.success).toBe(false);
    expect(missing.error?.issues[0]?.path).toEqual(["title"]);
    const badDate = noteSchema().safeParse({ title: "t", date: "next tuesday" });
    expect(badDate.success).toBe(false);
    expect(badDate.error?.issues[0]?.message).toMatch(/date "next tuesday" is not a date; write YYYY-MM-DD HH:MM:SS/);
    const badCover = noteSchema().safeParse({ title: "t", date: "2024-03-01", cover: true });
    expect(badCover.success).toBe(false);
    expect(badCover.error?.issues[0]?.path).toEqual(["cover"]);
  });

  it("keeps an explicit offset as written", () => {
    expect(readFrontMatterDate("2025-08-04T01:37:31Z", "Asia/Shanghai").toISOString()).toBe("2025-08-04T01:37:31.000Z");
  });
});
