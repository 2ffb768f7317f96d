/**
 * Writes the service worker (service-worker.ts) into a built site as `sw.js`, with the list of files it precaches
 * and a cache name that changes whenever any of them does. Run by the build (integration.ts) after Astro has
 * written every file.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { transformWithOxc } from "vite";

/** The service worker's file name, at the site's base. */
export const SERVICE_WORKER_FILE = "sw.js";

/**
 * What a first visit precaches: pages, scripts, styles, WOFF2 fonts (KaTeX's; every browser with service workers
 * reads WOFF2, so the WOFF and TTF copies are left out), tfjs's WASM, images and the snapshots (a slow classroom
 * machine's way to a trained model). Not `sw.js` itself, nor the benchmark's pages (`__bench/`).
 */
const PRECACHED = /\.(html|js|css|woff2|wasm|json|svg|png)$/;

/** The files of `dist` a first visit precaches, as paths relative to it with `/`, sorted. */
export function precachedFiles(dist: string): string[] {
  return readdirSync(dist, { recursive: true, encoding: "utf8" })
    .map((f) => f.split(path.sep).join("/"))
    .filter((f) => PRECACHED.test(f) && f !== SERVICE_WORKER_FILE && !f.startsWith("__"))
    .sort();
}

/** The URL a file is fetched by: `notes/x/index.html` is `<base>notes/x/`, as the site links it. */
export function fileUrl(base: string, file: string): string {
  const root = base.replace(/\/?$/, "/");
  if (file === "index.html") return root;
  return root + (file.endsWith("/index.html") ? file.slice(0, -"index.html".length) : file);
}

/** A short hash of the files' names and contents: the same site gives the same name, any change a new one. */
export function siteHash(dist: string, files: readonly string[]): string {
  const hash = createHash("sha256");
  for (const file of files) {
    hash
      .update(file)
      .update("\0")
      .update(
        createHash("sha256")
          .update(readFileSync(path.join(dist, file)))
          .digest(),
      );
  }
  return hash.digest("hex").slice(0, 16);
}

/** What the service worker is told: see `Precache` in service-worker.ts. */
export interface Precache {
  base: string;
  cache: string;
  prefix: string;
  urls: string[];
}

/** The precache of a built site at `base`. The prefix names the base, so two sites on one origin keep apart. */
export function precacheOf(dist: string, base: string): Precache {
  const files = precachedFiles(dist);
  const root = base.replace(/\/?$/, "/");
  const prefix = `gen-notes:${root}:`;
  return { base: root, cache: prefix + siteHash(dist, files), prefix, urls: files.map((f) => fileUrl(root, f)) };
}

/**
 * Writes `<dist>/sw.js`: service-worker.ts (read from `source`) without its types, after `const PRECACHE = …`.
 * Returns what it precaches.
 */
export async function writeServiceWorker(dist: string, base: string, source: string): Promise<Precache> {
  const precache = precacheOf(dist, base);
  const { code } = await transformWithOxc(readFileSync(source, "utf8"), source, { lang: "ts" });
  writeFileSync(path.join(dist, SERVICE_WORKER_FILE), `const PRECACHE = ${JSON.stringify(precache)};\n${code}`);
  return precache;
}
