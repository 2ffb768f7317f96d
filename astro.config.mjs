// @ts-check
import { unified } from "@astrojs/markdown-remark";
import { defineConfig } from "astro/config";
import { markdownPipeline } from "./src/markdown/pipeline.ts";
import { ASTRO_CSP } from "./src/lib/csp.ts";
import { offlineIntegration } from "./src/offline/integration.ts";

/**
 * `npm run bench` builds with BENCH_PAGES=1: the site then gains its bare-loop page (src/bench/bare.astro), which
 * drives the training worker through the demos' own typed client. The published site has no such page.
 */
const benchPages = {
  name: "bench-pages",
  hooks: {
    /** @param {{ injectRoute: (route: { pattern: string; entrypoint: string }) => void }} options */
    "astro:config:setup": ({ injectRoute }) => {
      if (process.env.BENCH_PAGES === "1")
        injectRoute({ pattern: "/__bench/bare", entrypoint: "./src/bench/bare.astro" });
    },
  },
};

// Build for a sub-path (e.g. a GitHub Pages project site) with BASE_PATH=/repo-name/.
const base = process.env.BASE_PATH ?? "/";

export default defineConfig({
  // The site's origin, for canonical and link-preview URLs; without it the pages carry no absolute URL.
  ...(process.env.SITE_URL ? { site: process.env.SITE_URL } : {}),
  base,
  // Tests build variants of the site (another base, other notes) with their own cache.
  cacheDir: process.env.ASTRO_CACHE_DIR ?? "./node_modules/.astro",
  trailingSlash: "always",
  // Stylesheets inlined into the page: no render-blocking request before the first paint (measured by
  // Lighthouse on a throttled phone, docs/benchmarks.md). KaTeX's fonts stay separate files.
  build: { format: "directory", inlineStylesheets: "always" },
  markdown: {
    processor: unified(markdownPipeline()),
    syntaxHighlight: false,
  },
  devToolbar: { enabled: false },
  // The policy of src/lib/csp.ts as every page's <meta http-equiv="content-security-policy">, written by Astro.
  // Astro adds to script-src the hashes of the page's scripts (all of them files, see assetsInlineLimit below, which
  // 'self' allows anyway); with 'unsafe-inline' in style-src it adds none there.
  security: { csp: ASTRO_CSP },
  integrations: [benchPages, offlineIntegration()],
  vite: {
    // Nothing is inlined as a data: URL or an inline script: scripts stay files, so the policy needs no hash of any
    // script and a static host's header (README) is the same for every page and build; KaTeX's smallest font stays
    // a file, which font-src 'self' (default-src) allows. Stylesheets are inlined by build.inlineStylesheets.
    build: { assetsInlineLimit: 0 },
    // `npm run dev`: the training worker's dependencies are pre-bundled at start-up; found later, they made
    // Vite re-bundle and reload the page the first time a demo came near.
    optimizeDeps: {
      include: [
        "@tensorflow/tfjs-core",
        "@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops",
        "@tensorflow/tfjs-core/dist/register_all_gradients",
        "@tensorflow/tfjs-backend-cpu",
        "@tensorflow/tfjs-backend-webgl",
        "@tensorflow/tfjs-backend-wasm",
      ],
    },
  },
});
