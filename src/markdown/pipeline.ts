import type { RehypePlugins, RemarkPlugins } from "@astrojs/markdown-remark";
import path from "node:path";
import rehypeKatex from "rehype-katex";
import remarkDirective from "remark-directive";
import remarkMath from "remark-math";
import { rehypeFailOnMathErrors } from "./rehype-fail-on-math-errors.ts";
import { rehypeHeadingAnchors } from "./rehype-heading-anchors.ts";
import { rehypeLinks } from "./rehype-links.ts";
import { rehypeMathPunctuation } from "./rehype-math-punctuation.ts";
import { rehypeTableScroll } from "./rehype-table-scroll.ts";
import { remarkDemoDirective } from "./remark-demo-directive.ts";
import { remarkDisplayMath } from "./remark-display-math.ts";
import { remarkHeadingIds } from "./remark-heading-ids.ts";

export interface PipelineOptions {
  /** Folder of the notes, for checking links between them. */
  contentDir?: string;
}

/**
 * The Markdown pipeline of the site, shared by `astro.config.mjs` and the unit tests:
 * math rendered by KaTeX at build time (one-line `$$…$$` as display math, punctuation kept on the formula's
 * line), the `::demo{…}` directive, stable heading ids with copy-link anchors, checked links, and tables that
 * scroll on phones.
 */
export function markdownPipeline(options: PipelineOptions = {}): {
  remarkPlugins: RemarkPlugins;
  rehypePlugins: RehypePlugins;
  smartypants: false;
  gfm: true;
} {
  const contentDir = options.contentDir ?? path.resolve(process.env.CONTENT_DIR ?? "content");
  return {
    remarkPlugins: [remarkMath, remarkDisplayMath, remarkDirective, remarkDemoDirective, remarkHeadingIds],
    rehypePlugins: [
      [rehypeKatex, { strict: "ignore" }],
      rehypeFailOnMathErrors,
      rehypeMathPunctuation,
      rehypeHeadingAnchors,
      [rehypeLinks, { contentDir }],
      rehypeTableScroll,
    ],
    // the author's quotes and dashes are kept exactly as written
    smartypants: false,
    gfm: true,
  };
}
