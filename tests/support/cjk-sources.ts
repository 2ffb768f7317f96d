/**
 * Finds interface strings that bypass the catalogue: Chinese (CJK) text in a source file that is not the `zh` of a
 * `{ zh, en }` pair whose `en` is a plain English string with the same `{placeholders}`. Comments are not strings,
 * so they may stay Chinese. TypeScript is read with the compiler's parser; an `.astro` file's front matter and
 * script the same way, and its template must hold no Chinese at all (it renders the catalogue's strings).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";

const CJK = /[\u4e00-\u9fff]/;
const PLACEHOLDER = /\{([A-Za-z0-9_]+)\}/g;

/** Source paths (relative to src/, forward slashes) that are not the interface, each with why. */
export const NOT_INTERFACE: Record<string, string> = {
  "markdown/": "renders the author's article, which stays Chinese (link marks, heading anchors, table labels)",
  "components/": "the article page's own parts (contents, date, heading links): the article stays Chinese",
  "pages/index.astro": "the home page, a list of the author's notes",
  "pages/404.astro": "the site's not-found page, around the Chinese notes",
  "pages/notes/": "the article page, the author's text",
  "site.config.ts": "the site's Chinese title and description (the article's)",
  "cli/": "the command line, in English; Chinese appears only where it names the demos' Chinese buttons",
  "styles/": "CSS",
  "content/": "the notes' schema and dates",
};

export interface Offender {
  file: string;
  line: number;
  text: string;
}

function pairProblem(node: ts.StringLiteralLike): string | null {
  const property = node.parent;
  if (!ts.isPropertyAssignment(property) || property.initializer !== node) return "not in a { zh, en } pair";
  if (property.name.getText() !== "zh") return "Chinese outside a zh: entry";
  const en = property.parent.properties.find(
    (p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText() === "en",
  )?.initializer;
  if (!en || !ts.isStringLiteralLike(en)) return "its en: is missing or not a plain string";
  if (en.text.trim() === "" || CJK.test(en.text)) return "its en: is empty or Chinese";
  const names = (s: string) => [...new Set([...s.matchAll(PLACEHOLDER)].map((m) => m[1]))].sort().join(",");
  if (names(node.text) !== names(en.text))
    return `its placeholders differ: {${names(node.text)}} and {${names(en.text)}}`;
  return null;
}

/** The offending strings of one TypeScript source. */
export function scanTypeScript(file: string, text: string, lineOffset = 0): Offender[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: Offender[] = [];
  const report = (node: ts.Node, why: string) =>
    found.push({
      file,
      line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1 + lineOffset,
      text: `${node.getText().slice(0, 80)} (${why})`,
    });
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteralLike(node) && CJK.test(node.text)) {
      const problem = pairProblem(node);
      if (problem) report(node, problem);
    } else if (ts.isTemplateExpression(node) && CJK.test(node.getText())) {
      report(node, "a template string: use fill() on a { zh, en } pair");
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The offending strings of one `.astro` file: its front matter and scripts as TypeScript, its template as text. */
export function scanAstro(file: string, text: string): Offender[] {
  const found: Offender[] = [];
  const lineOf = (index: number) => text.slice(0, index).split("\n").length;
  const front = /^---\n([\s\S]*?)\n---/.exec(text);
  const scripts = [...text.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)];
  if (front) found.push(...scanTypeScript(file, front[1]!, 1));
  for (const s of scripts) found.push(...scanTypeScript(file, s[1]!, lineOf(s.index!) - 1));
  let template = text.slice(front ? front[0].length : 0);
  for (const s of scripts) template = template.replace(s[0], "");
  template = template.replace(/<style[\s\S]*?<\/style>/g, "").replace(/\{\/\*[\s\S]*?\*\/\}/g, "");
  template.split("\n").forEach((line, i) => {
    if (CJK.test(line))
      found.push({ file, line: i + 1 + (front ? front[0].split("\n").length - 1 : 0), text: line.trim() });
  });
  return found;
}

/** Every interface source under `srcRoot` (all of src/ but NOT_INTERFACE), as paths relative to it. */
export function interfaceSources(srcRoot: string): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|astro)$/.test(entry.name)) files.push(relative(srcRoot, path).split("\\").join("/"));
    }
  };
  walk(srcRoot);
  return files.filter((f) => !Object.keys(NOT_INTERFACE).some((skip) => f === skip || f.startsWith(skip)));
}

/** The strings of every interface source under `srcRoot` that bypass the catalogue. */
export function cjkOffenders(srcRoot: string): Offender[] {
  return interfaceSources(srcRoot).flatMap((file) => {
    const text = readFileSync(join(srcRoot, file), "utf8");
    return file.endsWith(".astro") ? scanAstro(file, text) : scanTypeScript(file, text);
  });
}
