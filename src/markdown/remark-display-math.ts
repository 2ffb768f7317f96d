import type { Paragraph, Root } from "mdast";
import type { InlineMath, Math } from "mdast-util-math";
import { visit } from "unist-util-visit";
import type { VFile } from "vfile";

/**
 * Hexo articles write display math on one line: `$$f(x) = …$$`. remark-math parses that as
 * inline math, so this plugin turns it back into display math:
 * a paragraph that holds only such a formula becomes a display-math block,
 * and one inside running text is rendered in display style in place.
 */
export function remarkDisplayMath() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    const isDoubleDollar = (node: InlineMath) => {
      const start = node.position?.start.offset;
      return start !== undefined && source.startsWith("$$", start);
    };
    visit(tree, "paragraph", (paragraph: Paragraph, index, parent) => {
      const meaningful = paragraph.children.filter((child) => !(child.type === "text" && child.value.trim() === ""));
      const only = meaningful[0];
      if (
        meaningful.length === 1 &&
        only?.type === "inlineMath" &&
        isDoubleDollar(only) &&
        parent &&
        index !== undefined
      ) {
        const block: Math = {
          type: "math",
          value: only.value,
          position: only.position,
          data: {
            hName: "pre",
            hChildren: [
              {
                type: "element",
                tagName: "code",
                properties: { className: ["language-math", "math-display"] },
                children: [{ type: "text", value: only.value }],
              },
            ],
          },
        };
        parent.children.splice(index, 1, block);
        return;
      }
      for (const child of paragraph.children) {
        if (child.type === "inlineMath" && isDoubleDollar(child)) {
          child.data = {
            ...child.data,
            hProperties: { className: ["language-math", "math-display"] },
          };
        }
      }
    });
  };
}
