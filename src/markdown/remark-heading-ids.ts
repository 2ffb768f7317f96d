import type { Heading, Root } from "mdast";
import { visit } from "unist-util-visit";
import type { VFile } from "vfile";
import { failAt } from "./fail.ts";

/** An explicit id: ASCII letter first, then letters, digits, `-`, `_`. */
export const EXPLICIT_ID = /^[A-Za-z][A-Za-z0-9_-]*$/;
const TRAILING_ID = /\s*\{#([^}]*)\}\s*$/;

/**
 * Lets an author pin a heading's id for lecture-note links:
 * `## 判别模型 vs 生成模型 {#discriminative-vs-generative}`.
 * The `{#…}` suffix is removed from the text; a malformed or repeated id fails the build with file and line.
 */
export function remarkHeadingIds() {
  return (tree: Root, file: VFile) => {
    const seen = new Set<string>();
    visit(tree, "heading", (heading: Heading) => {
      const last = heading.children.at(-1);
      if (last?.type !== "text") return;
      const match = TRAILING_ID.exec(last.value);
      if (!match) return;
      const id = match[1] ?? "";
      if (!EXPLICIT_ID.test(id)) {
        failAt(
          file,
          heading,
          `heading id "{#${id}}" must be ASCII: a letter, then letters, digits, "-" or "_"`,
          "heading-id",
        );
      }
      if (seen.has(id)) failAt(file, heading, `heading id "${id}" is used twice`, "heading-id");
      seen.add(id);
      last.value = last.value.slice(0, match.index);
      if (last.value === "") heading.children.pop();
      // mdast-util-to-hast copies hProperties onto the <h*> element.
      heading.data = { ...heading.data, hProperties: { id } } as Heading["data"];
    });
  };
}
