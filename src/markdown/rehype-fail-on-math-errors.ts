import type { Element, Root } from "hast";
import { toString } from "hast-util-to-string";
import type { VFile } from "vfile";
import { failAt } from "./fail.ts";

/**
 * rehype-katex only warns about a formula it cannot render and prints it in red.
 * Run after it, this turns the first such warning into a build error naming the file, line and formula.
 */
export function rehypeFailOnMathErrors() {
  return (_tree: Root, file: VFile) => {
    const problem = file.messages.find((m) => m.source === "rehype-katex");
    if (!problem) return;
    const element = problem.ancestors?.at(-1) as Element | undefined;
    const formula = element ? toString(element) : "";
    const cause = problem.cause instanceof Error ? problem.cause.message : problem.reason;
    failAt(file, element, `KaTeX cannot render $${formula}$: ${cause}`, "katex");
  };
}
