import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../support/markdown.ts";

describe("math", () => {
  it("renders inline math with KaTeX at build time", async () => {
    const { html } = await renderMarkdown("判别模型关注的是建模条件概率 $P(y \\mid x)$，即给定 $x$。");
    expect(html).toContain('class="katex"');
    expect(html).not.toContain("katex-display");
    expect(html).not.toContain("katex-error");
    expect(html).toContain("判别模型关注的是建模条件概率");
  });

  it("renders a one-line $$…$$ paragraph as display math (Hexo habit)", async () => {
    const { html } = await renderMarkdown(
      "前文\n\n$$f(x) = \\mathop {\\arg \\max }\\limits_y \\;P(y\\mid x)$$\n\n后文",
    );
    expect(html).toContain('class="katex-display"');
    expect(html).not.toContain("katex-error");
    // a block, not a display formula wrapped in a paragraph
    expect(html).not.toMatch(/<p>\s*<span class="katex-display"/);
    // \limits puts the subscript under argmax: KaTeX emits an munder element for it
    expect(html).toContain("<munder>");
  });

  it("renders $$ on their own lines as display math", async () => {
    const { html } = await renderMarkdown("$$\n\\nabla_x \\log p(x)\n$$");
    expect(html).toContain('class="katex-display"');
  });

  it("renders escaped braces and Chinese text right next to math", async () => {
    const { html } = await renderMarkdown("类别标签为 $y \\in \\{1, 2, \\dots, K\\}$，共$K$类。");
    expect(html).not.toContain("katex-error");
    expect(html).toContain('<mo stretchy="false">{</mo>');
    expect(html).toContain("共");
  });

  it("glues punctuation to the inline formula it touches, not to display math", async () => {
    const { html } = await renderMarkdown("概率（$P(y \\mid x)$），即给定 $x$ 的条件下；共$K$。\n\n$$a = b$$。");
    // the bracket before and the punctuation after share one unbreakable span with the formula
    expect(html).toContain('概率<span class="math-nobreak">（<span class="katex">');
    expect(html).toContain("</span>），</span>即给定 ");
    expect(html).toContain('共<span class="math-nobreak"><span class="katex">');
    expect(html.match(/class="math-nobreak"/g)).toHaveLength(2);
    // a formula with a space after it and display math are left alone; no character is lost or moved
    expect(
      html.replace(/<span class="katex">.*?<\/span><\/span><\/span>(?=[^<]*(<\/span>)?)/g, "").replace(/<[^>]+>/g, ""),
    ).toBe("概率（），即给定  的条件下；共。\n。");
  });

  it("fails on a TeX error, naming the file and the formula", async () => {
    await expect(renderMarkdown("正文\n\n坏公式 $\\frac{1}{$ 在这里。", "broken.md")).rejects.toThrow(
      /broken\.md:3.*\\frac\{1\}\{/,
    );
  });
});

describe("demo directive", () => {
  it("turns ::demo{…} into a figure with the demo element's placeholder", async () => {
    const { html } = await renderMarkdown('::demo{model="gan" dataset="moons" seed="7"}');
    expect(html).toMatch(/<figure class="demo-figure" id="demo-gan">/);
    expect(html).toMatch(/<gen-demo model="gan" data-dataset="moons" data-seed="7">/);
    expect(html).toContain("需要启用 JavaScript");
    expect(html).toContain("<figcaption>");
  });

  it("gives a second demo of the same model its own id", async () => {
    const { html } = await renderMarkdown('::demo{model="ddpm"}\n\n::demo{model="ddpm" dataset="moons"}');
    expect(html).toContain('id="demo-ddpm"');
    expect(html).toContain('id="demo-ddpm-2"');
  });

  it("fails on an unknown model with file, line and the valid names", async () => {
    await expect(renderMarkdown('第一行\n\n::demo{model="gann"}', "bad-demo.md")).rejects.toThrow(
      /bad-demo\.md:3:1: unknown model "gann"; valid models: gan, vae, ddpm/,
    );
  });

  it("fails on an unknown attribute or a bad value", async () => {
    await expect(renderMarkdown('::demo{model="gan" colour="red"}', "a.md")).rejects.toThrow(
      /a\.md:1:1: unknown demo attribute "colour"/,
    );
    await expect(renderMarkdown('::demo{model="gan" dataset="mnist"}', "a.md")).rejects.toThrow(
      /demo attribute dataset="mnist" must be one of 8gaussians, moons/,
    );
    await expect(renderMarkdown('::demo{model="gan" seed="-1"}', "a.md")).rejects.toThrow(
      /demo attribute seed="-1" must be a whole number from 0 to 999999999/,
    );
    await expect(renderMarkdown('::demo{seed="1"}', "a.md")).rejects.toThrow(/a demo needs model=/);
    await expect(renderMarkdown('::demo{model="gan" loss="lsgan"}', "a.md")).rejects.toThrow(
      /a\.md:1:1: demo attribute loss="lsgan" must be one of nonsaturating, wgan/,
    );
    await expect(renderMarkdown('::demo{model="ddpm" steps="5"}', "a.md")).rejects.toThrow(
      /demo attribute steps="5" must be a whole number from 10 to 500/,
    );
    // A setting of another family is not a setting of this one.
    await expect(renderMarkdown('::demo{model="ddpm" loss="wgan"}', "a.md")).rejects.toThrow(
      /unknown demo attribute "loss" for model "ddpm"/,
    );
  });

  it("passes the family's own settings on to the demo element", async () => {
    const { html } = await renderMarkdown('::demo{model="gan" loss="wgan" discriminatorSteps="5"}');
    expect(html).toMatch(/<gen-demo model="gan" data-loss="wgan" data-discriminator-steps="5">/);
  });

  it("fails on an unknown block directive but keeps a :word in prose as text", async () => {
    await expect(renderMarkdown('::video{src="x"}', "a.md")).rejects.toThrow(/a\.md:1:1: unknown directive "video"/);
    const { html } = await renderMarkdown("比例为 3:4，时间 10:30，标签:note 保留。");
    expect(html).toContain("比例为 3:4，时间 10:30，标签:note 保留。");
  });
});

describe("heading ids", () => {
  it("uses GitHub-style slugs that keep Chinese, with suffixes for duplicates", async () => {
    const { headings } = await renderMarkdown(
      "## 判别模型 vs 生成模型\n\n## 小结\n\n## 小结\n\n### Score Matching (NCSN)",
    );
    expect(headings.map((h) => h.slug)).toEqual(["判别模型-vs-生成模型", "小结", "小结-1", "score-matching-ncsn"]);
  });

  it("takes an explicit ASCII id and removes it from the text", async () => {
    const { html, headings } = await renderMarkdown("## 判别模型 vs 生成模型 {#discriminative-vs-generative}");
    expect(headings).toEqual([{ depth: 2, slug: "discriminative-vs-generative", text: "判别模型 vs 生成模型" }]);
    expect(html).toContain(
      '<h2 id="discriminative-vs-generative">判别模型 vs 生成模型<a class="heading-anchor" href="#discriminative-vs-generative"',
    );
  });

  it("does not let a slug collide with an explicit id", async () => {
    const { headings } = await renderMarkdown("## GAN\n\n## 对抗生成 {#gan}");
    expect(headings.map((h) => h.slug)).toEqual(["gan-1", "gan"]);
  });

  it("refuses a non-ASCII or repeated explicit id with file and line", async () => {
    await expect(renderMarkdown("\n## 标题 {#中文}", "ids.md")).rejects.toThrow(
      /ids\.md:2:1: heading id "\{#中文\}" must be ASCII/,
    );
    await expect(renderMarkdown("## A {#x}\n\n## B {#x}", "ids.md")).rejects.toThrow(
      /ids\.md:3:1: heading id "x" is used twice/,
    );
  });

  it("adds a copy-link anchor with an accessible name and no text", async () => {
    const { html } = await renderMarkdown("## 那如何训练生成模型呢");
    expect(html).toContain(
      '<a class="heading-anchor" href="#那如何训练生成模型呢" aria-label="复制本节链接：那如何训练生成模型呢" data-copy-link=""></a>',
    );
  });
});

describe("links and tables", () => {
  it("marks external links without changing how they open", async () => {
    const { html } = await renderMarkdown("[论文](https://arxiv.org/abs/1406.2661)");
    expect(html).toContain(
      '<a href="https://arxiv.org/abs/1406.2661" class="external-link">论文<span class="visually-hidden">（外部链接）</span></a>',
    );
    expect(html).not.toContain("target=");
  });

  it("renders an allow-listed link to an unpublished note as text marked 尚未发布", async () => {
    const { html } = await renderMarkdown(
      "见[(=`ω´=)我是链接猪](../0-generation-basic-theory)。",
      "1-generative-model-routes.md",
    );
    expect(html).not.toContain('href="../0-generation-basic-theory"');
    expect(html).toMatch(
      /<span class="unpublished-link" title="尚未发布：[^"]+">\(=`ω´=\)我是链接猪<span class="unpublished-badge">（尚未发布）<\/span><\/span>/,
    );
  });

  it("keeps a link to a note that exists, and fails on a link to one that does not", async () => {
    const { html } = await renderMarkdown("[总览](../1-generative-model-routes/)", "other.md");
    expect(html).toContain('href="../1-generative-model-routes/"');
    await expect(renderMarkdown("\n[下一篇](../9-missing)", "other.md")).rejects.toThrow(
      /other\.md:2:1: link "\.\.\/9-missing" points at no note/,
    );
  });

  it("keeps a relative link from a note to one of the site's pages (the comparison), and fails on another path", async () => {
    const { html } = await renderMarkdown("[把所有模型放在一起比较](../../compare/)", "1-generative-model-routes.md");
    expect(html).toContain('href="../../compare/"');
    await expect(renderMarkdown("[比较](../../contrast/)", "1-generative-model-routes.md")).rejects.toThrow(
      /link "\.\.\/\.\.\/contrast\/" points at no note/,
    );
  });

  it("wraps tables in a labelled region that scrolls on its own", async () => {
    const { html } = await renderMarkdown("| a | b |\n| :--- | :--- |\n| 1 | 2 |");
    expect(html).toMatch(/<div class="table-scroll" role="region" tabindex="0" aria-label="[^"]+"><table>/);
  });
});
