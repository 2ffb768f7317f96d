/**
 * The built site served and a Chromium launched for one test file: registers their start (beforeAll) and end
 * (afterAll) and returns a handle whose `origin` and `browser` are ready inside the tests.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchChromium } from "../../src/cli/chromium.ts";
import { serveStatic, type StaticServer } from "../../src/cli/static-server.ts";
import { DIST, requireBuild } from "./site.ts";

export interface ServedSite {
  readonly origin: string;
  readonly browser: Browser;
}

export function servedSite(): ServedSite {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    requireBuild();
    server = await serveStatic(DIST);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get origin() {
      if (!server) throw new Error("the site is served only inside the tests");
      return server.origin;
    },
    get browser() {
      if (!browser) throw new Error("Chromium runs only inside the tests");
      return browser;
    },
  };
}
