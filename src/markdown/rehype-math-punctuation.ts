import type { Element, ElementContent, Root, Text } from "hast";
import { CONTINUE, SKIP, visit } from "unist-util-visit";

/** Punctuation that must not begin a line (Chinese 避头, plus the ASCII ones used after formulas). */
const CLOSING = /^[，。、；：？！）》」』】〕〉”’…%,.;:!?)\]]+/u;
/** Punctuation that must not end a line (Chinese 避尾). */
const OPENING = /[（《「『【〔〈“‘(\[]+$/u;

function hasClass(node: ElementContent | Root | undefined, name: string): node is Element {
  if (node?.type !== "element" || node.tagName !== "span") return false;
  const classes = node.properties.className;
  return Array.isArray(classes) && classes.includes(name);
}

/** Puts the last of KaTeX's inline boxes (`.katex-html > .base`) into a span that forbids a break after it. */
function wrapLastBox(formula: Element) {
  const html = formula.children.find((child) => hasClass(child, "katex-html")) as Element | undefined;
  const boxes = html?.children ?? [];
  const last = boxes.findLastIndex((child) => hasClass(child, "base"));
  if (last < 0) return;
  boxes[last] = {
    type: "element",
    tagName: "span",
    properties: { className: ["math-nobreak-tail"] },
    children: [boxes[last]!],
  };
}

/**
 * Keeps punctuation on the same line as the inline formula it touches, as Chinese typesetting
 * requires (no "，" at the start of a line, no "（" at the end of one). A browser may break
 * between KaTeX's inline boxes and the text next to them, so the formula and the adjacent
 * punctuation go into one `<span class="math-nobreak">` (no wrapping), the formula keeps its own
 * break points, and its last box goes into a `<span class="math-nobreak-tail">`: Chromium takes
 * the break after an inline box from the box's parent, not from the span around the formula.
 * Display math is left alone.
 */
export function rehypeMathPunctuation() {
  return (tree: Root) => {
    visit(tree, "element", (parent: Element) => {
      // the formula's own markup, display math and the spans made here have nothing to glue
      if (["katex", "katex-display", "math-nobreak"].some((name) => hasClass(parent, name))) return SKIP;
      const children = parent.children;
      for (let i = 0; i < children.length; i++) {
        const formula = children[i];
        if (!hasClass(formula, "katex")) continue;
        const before = children[i - 1];
        const after = children[i + 1];
        const opening = before?.type === "text" ? OPENING.exec(before.value)?.[0] : undefined;
        const closing = after?.type === "text" ? CLOSING.exec(after.value)?.[0] : undefined;
        if (!opening && !closing) continue;
        const glued: ElementContent[] = [];
        if (opening) {
          const text = before as Text;
          text.value = text.value.slice(0, -opening.length);
          glued.push({ type: "text", value: opening });
        }
        glued.push(formula);
        if (closing) {
          wrapLastBox(formula);
          const text = after as Text;
          text.value = text.value.slice(closing.length);
          glued.push({ type: "text", value: closing });
        }
        children[i] = {
          type: "element",
          tagName: "span",
          properties: { className: ["math-nobreak"] },
          children: glued,
        };
      }
      // text nodes emptied by the move are dropped
      parent.children = children.filter((child) => child.type !== "text" || child.value !== "");
      return CONTINUE;
    });
  };
}
