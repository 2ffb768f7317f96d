import { readFileSync } from "node:fs";
import { parseFrontmatter } from "@astrojs/markdown-remark";
import { describe, expect, it } from "vitest";
import { noteExcerpt } from "../../src/content/excerpt.ts";

describe("a note's excerpt (meta description)", () => {
  it("is the article's first paragraph of prose, whole, after its first heading", () => {
    const { content } = parseFrontmatter(readFileSync("content/1-generative-model-routes.md", "utf8"));
    expect(noteExcerpt(content)).toBe(
      "在人工智能领域，如今深度学习模型大致可分为两类：判别式模型（Discriminative Models）和生成式模型（Generative Models）。",
    );
  });

  it("skips short labels, lists, tables and directives; unwraps links and emphasis", () => {
    const markdown = [
      "**判别模型**:",
      "- 一个列表项，不是正文，也不应当被选中作为摘要",
      "| a | b |\n|---|---|\n| 1 | 2 |",
      '::demo{model="gan"}',
      "这是**第一段**真正的正文，它链接到[另一篇笔记](../other/)，\n并且跨了两行。",
    ].join("\n\n");
    expect(noteExcerpt(markdown)).toBe("这是第一段真正的正文，它链接到另一篇笔记，并且跨了两行。");
  });

  it("stops before the first formula, and passes over a paragraph too short once it does", () => {
    expect(
      noteExcerpt("设 $x$ 为样本。\n\n判别模型关注的是在给定输入的条件下建模条件概率 $P(y \\mid x)$，即预测标签。"),
    ).toBe("判别模型关注的是在给定输入的条件下建模条件概率");
  });

  it("cuts a long paragraph at a sentence end, or with an ellipsis when none ends late enough", () => {
    const sentence = "生成模型学习数据的分布。";
    expect(noteExcerpt(sentence.repeat(20), 50)).toBe(sentence.repeat(4));
    expect(noteExcerpt("很".repeat(200), 50)).toBe(`${"很".repeat(49)}…`);
  });

  it("is undefined for a note with no prose", () => {
    expect(noteExcerpt("## 标题\n\n$$x^2$$\n\n- 列表")).toBeUndefined();
  });
});
