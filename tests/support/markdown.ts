import { createMarkdownProcessor, parseFrontmatter } from "@astrojs/markdown-remark";
import path from "node:path";
import { markdownPipeline } from "../../src/markdown/pipeline.ts";

const contentDir = path.resolve("content");

/** Renders Markdown with the site's own pipeline, as if it were the file `content/<name>`. */
export async function renderMarkdown(markdown: string, name = "test-note.md") {
  const processor = await createMarkdownProcessor({ ...markdownPipeline({ contentDir }), syntaxHighlight: false });
  const { content, frontmatter } = parseFrontmatter(markdown, { frontmatter: "empty-with-lines" });
  const result = await processor.render(content, {
    fileURL: new URL(`file://${path.join(contentDir, name)}`),
    frontmatter,
  });
  return { html: result.code, headings: result.metadata.headings };
}
