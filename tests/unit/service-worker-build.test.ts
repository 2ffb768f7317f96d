import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Script } from "node:vm";
import { describe, expect, it } from "vitest";
import { fileUrl, precachedFiles, precacheOf, writeServiceWorker } from "../../src/offline/build-service-worker.ts";

/** A small built site: pages, a script, fonts in three formats, WASM, a snapshot, the benchmark's page. */
function site(): string {
  const dist = mkdtempSync(path.join(tmpdir(), "sw-site-"));
  const files: Record<string, string> = {
    "index.html": "<h1>home</h1>",
    "404.html": "missing",
    "notes/a/index.html": "<h1>a</h1>",
    "_astro/page.abc.js": "console.log(1)",
    "_astro/KaTeX_Main.x.woff2": "w2",
    "_astro/KaTeX_Main.x.woff": "w1",
    "_astro/KaTeX_Main.x.ttf": "t",
    "_astro/tfjs-backend-wasm.y.wasm": "wasm",
    "snapshots/gan.json": "{}",
    "favicon.svg": "<svg/>",
    "__bench/bare/index.html": "bench",
    "sw.js": "old",
  };
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dist, file)), { recursive: true });
    writeFileSync(path.join(dist, file), text);
  }
  return dist;
}

describe("the service worker's precache", () => {
  it("lists pages, scripts, WOFF2 fonts, WASM, snapshots and icons; not WOFF/TTF, sw.js or the benchmark's pages", () => {
    expect(precachedFiles(site())).toEqual([
      "404.html",
      "_astro/KaTeX_Main.x.woff2",
      "_astro/page.abc.js",
      "_astro/tfjs-backend-wasm.y.wasm",
      "favicon.svg",
      "index.html",
      "notes/a/index.html",
      "snapshots/gan.json",
    ]);
  });

  it("fetches a page by the URL the site links, under the base", () => {
    expect(fileUrl("/", "index.html")).toBe("/");
    expect(fileUrl("/repo/", "notes/a/index.html")).toBe("/repo/notes/a/");
    expect(fileUrl("/repo", "404.html")).toBe("/repo/404.html");
    expect(fileUrl("/", "_astro/page.abc.js")).toBe("/_astro/page.abc.js");
  });

  it("names its cache by the base and the files' contents: the same site the same name, any change a new one", () => {
    const dist = site();
    const first = precacheOf(dist, "/repo/");
    expect(first.cache.startsWith(first.prefix)).toBe(true);
    expect(first.prefix).toBe("gen-notes:/repo/:");
    expect(precacheOf(dist, "/repo/").cache).toBe(first.cache);
    expect(precacheOf(dist, "/").prefix).not.toBe(first.prefix);
    writeFileSync(path.join(dist, "notes/a/index.html"), "<h1>a, edited</h1>");
    expect(precacheOf(dist, "/repo/").cache).not.toBe(first.cache);
  });

  it("writes sw.js as a plain script (no types, no module syntax) that starts with what it precaches", async () => {
    const dist = site();
    const precache = await writeServiceWorker(dist, "/repo/", path.resolve("src/offline/service-worker.ts"));
    const code = readFileSync(path.join(dist, "sw.js"), "utf8");
    expect(() => new Script(code)).not.toThrow();
    expect(code.startsWith(`const PRECACHE = ${JSON.stringify(precache)};\n`)).toBe(true);
    expect(precache.urls).toContain("/repo/notes/a/");
    expect(code).not.toMatch(/\binterface\b|\bexport\b|\bimport\b/);
  });
});
