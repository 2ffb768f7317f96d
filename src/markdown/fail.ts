import { existsSync, readFileSync } from "node:fs";
import type { Node } from "unist";
import type { VFile } from "vfile";

/**
 * Astro renders a note's body without its front matter (and trims it), so positions count from the body.
 * This finds how many lines of the file on disk come before the body, to report real line numbers.
 */
function linesBeforeBody(file: VFile): number {
  if (!file.path || !existsSync(file.path)) return 0;
  const onDisk = readFileSync(file.path, "utf8");
  const body = String(file.value);
  const at = body.length > 0 ? onDisk.indexOf(body) : -1;
  return at > 0 ? onDisk.slice(0, at).split("\n").length - 1 : 0;
}

/**
 * Stops the build with a message that names the file and line, e.g.
 * `content/note.md:12:1: unknown model "gann"`.
 */
export function failAt(file: VFile, node: Node | undefined, reason: string, ruleId: string): never {
  const start = node?.position?.start;
  const line = start ? start.line + linesBeforeBody(file) : undefined;
  const where = `${file.path || "<markdown>"}${line ? `:${line}:${start!.column}` : ""}`;
  return file.fail(`${where}: ${reason}`, { place: node?.position, ruleId, source: "gen-models" });
}
