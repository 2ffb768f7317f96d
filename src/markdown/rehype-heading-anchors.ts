import GithubSlugger from "github-slugger";
import type { Element, Root } from "hast";
import { toString } from "hast-util-to-string";
import { visit } from "unist-util-visit";

const HEADING = /^h[1-6]$/;

/**
 * Gives every heading a stable id and a "copy link" anchor.
 * Ids are GitHub-style slugs (Chinese kept, duplicates suffixed `-1`, `-2`),
 * unless the author pinned one with `{#id}`. The anchor holds no text (its glyph comes from CSS),
 * so the heading's text, and therefore its slug and its table-of-contents entry, stay unchanged.
 */
export function rehypeHeadingAnchors() {
  return (tree: Root) => {
    const slugger = new GithubSlugger();
    const explicit = new Set<string>();
    visit(tree, "element", (node: Element) => {
      if (HEADING.test(node.tagName) && typeof node.properties.id === "string") explicit.add(node.properties.id);
    });
    visit(tree, "element", (node: Element) => {
      if (!HEADING.test(node.tagName)) return;
      const text = toString(node).trim();
      if (typeof node.properties.id !== "string") {
        let id = slugger.slug(text);
        while (explicit.has(id)) id = slugger.slug(text);
        node.properties.id = id;
      }
      node.children.push({
        type: "element",
        tagName: "a",
        properties: {
          className: ["heading-anchor"],
          href: `#${node.properties.id}`,
          ariaLabel: `复制本节链接：${text}`,
          dataCopyLink: "",
        },
        children: [],
      });
    });
  };
}
