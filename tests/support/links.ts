import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { htmlFiles, readHtml } from "./site.ts";

const ATTRIBUTE = /\s(href|src)="([^"]*)"/g;
const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

function decodeEntities(value: string): string {
  return value.replace(/&amp;/g, "&").replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)));
}

/** The URL path a built HTML file is served at, under `base`. */
export function pagePath(file: string, base: string): string {
  const posix = file.split(path.sep).join("/");
  return base + (posix.endsWith("index.html") ? posix.slice(0, -"index.html".length) : posix);
}

/** Resolves a URL path to the file a static server would send, or null. */
function fileFor(dist: string, urlPath: string, base: string): string | null {
  if (!urlPath.startsWith(base)) return null;
  const file = path.join(dist, decodeURIComponent(urlPath.slice(base.length)));
  if (existsSync(file) && statSync(file).isFile()) return file;
  const index = path.join(file, "index.html");
  return existsSync(index) ? index : null;
}

/**
 * Checks every internal href/src of a built site: the target file exists and, for `#fragment`,
 * the target page has that id. Returns one line per broken link, and the external links found.
 */
export function checkLinks(dist: string, base = "/") {
  const broken: string[] = [];
  const external: string[] = [];
  const ids = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    let set = ids.get(file);
    if (!set) {
      set = new Set(
        [...readHtml(path.relative(dist, file), dist).matchAll(/\sid="([^"]+)"/g)].map((m) => decodeEntities(m[1]!)),
      );
      ids.set(file, set);
    }
    return set;
  };
  for (const file of htmlFiles(dist)) {
    const from = pagePath(file, base);
    for (const match of readHtml(file, dist).matchAll(ATTRIBUTE)) {
      const [, attribute, raw] = match as unknown as [string, string, string];
      const value = decodeEntities(raw);
      if (EXTERNAL.test(value)) {
        if (!value.startsWith("data:")) external.push(`${attribute} ${value}`);
        continue;
      }
      const url = new URL(value, `http://site.invalid${from}`);
      const target = fileFor(dist, url.pathname, base);
      if (!target) {
        broken.push(`${file}: ${attribute}="${value}" → ${url.pathname} does not exist`);
        continue;
      }
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (fragment && target.endsWith(".html") && !idsOf(target).has(fragment)) {
        broken.push(`${file}: ${attribute}="${value}" → no id "${fragment}" in ${path.relative(dist, target)}`);
      }
    }
  }
  return { broken, external };
}
