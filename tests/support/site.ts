import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export const DIST = path.resolve("dist");
export const ARTICLE_PATH = "/notes/1-generative-model-routes/";

/** Fails early with a clear message when the site has not been built. */
export function requireBuild(dist = DIST): void {
  if (!existsSync(path.join(dist, "index.html"))) {
    throw new Error(`No built site in ${dist}: run \`npm run build\` first (npm test does).`);
  }
}

/** Every HTML file of a built site, as paths relative to its root. */
export function htmlFiles(dist = DIST): string[] {
  return readdirSync(dist, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".html"));
}

export function readHtml(file: string, dist = DIST): string {
  return readFileSync(path.join(dist, file), "utf8");
}
