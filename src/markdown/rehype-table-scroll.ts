import type { Element, Root } from "hast";
import { visit } from "unist-util-visit";

/**
 * Wraps each table in a focusable, labelled region that scrolls sideways on its own,
 * so a wide table stays readable on a 360 px phone without widening the page.
 */
export function rehypeTableScroll() {
  return (tree: Root) => {
    visit(tree, "element", (node: Element, index, parent) => {
      if (node.tagName !== "table" || !parent || index === undefined) return;
      const wrapper: Element = {
        type: "element",
        tagName: "div",
        properties: { className: ["table-scroll"], role: "region", tabIndex: 0, ariaLabel: "表格（可左右滚动）" },
        children: [node],
      };
      parent.children.splice(index, 1, wrapper);
      return "skip";
    });
  };
}
