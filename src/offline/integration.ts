/**
 * The build's step for offline use: once Astro has written the site, `sw.js` is written at its base with the list
 * of files to precache and a cache name versioned by their contents (build-service-worker.ts).
 */
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { writeServiceWorker } from "./build-service-worker.ts";

/** The Astro integration that writes the service worker after the build. */
export function offlineIntegration(): AstroIntegration {
  let base = "/";
  let root: URL | undefined;
  return {
    name: "offline-service-worker",
    hooks: {
      "astro:config:done": ({ config }) => {
        base = config.base;
        root = config.root;
      },
      "astro:build:done": async ({ dir, logger }) => {
        const source = fileURLToPath(new URL("src/offline/service-worker.ts", root));
        const precache = await writeServiceWorker(fileURLToPath(dir), base, source);
        logger.info(`sw.js: ${precache.urls.length} files precached, cache ${precache.cache}`);
      },
    },
  };
}
