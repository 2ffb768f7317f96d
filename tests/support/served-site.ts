/**
 * The built site served and a Chromium launched for one test file: registers their start (beforeAll) and end
 * (afterAll) and returns a handle whose `origin` and `browser` are ready inside the tests.
 */
import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchChromium } from "../../src/cli/chromium.ts";
import { serveStatic, type StaticServer } from "../../src/cli/static-server.ts";
import { serveWithPolicy, type CspWatch } from "./csp.ts";
import { DIST, requireBuild } from "./site.ts";

/** How the site is served; by default dist/ itself, plainly. */
export interface ServedSiteOptions {
  /** Sent with the site's Content-Security-Policy as a header, its violations collected (`policy`). */
  readonly policy?: boolean;
  /** A fresh copy of dist/ in a temporary folder (`root`), for a test file that changes the site's files. */
  readonly copy?: boolean;
}

export interface ServedSite {
  readonly origin: string;
  readonly browser: Browser;
  /** The folder served: dist/, or its copy. */
  readonly root: string;
  /** What watches the policy; only with `{ policy: true }`. */
  readonly policy: CspWatch;
}

export function servedSite(options: ServedSiteOptions = {}): ServedSite {
  let root: string | undefined;
  let server: StaticServer | undefined;
  let policy: CspWatch | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    requireBuild();
    root = DIST;
    if (options.copy) {
      root = mkdtempSync(path.join(tmpdir(), "served-site-"));
      cpSync(DIST, root, { recursive: true });
    }
    if (options.policy) {
      policy = await serveWithPolicy(root);
      server = policy.site;
    } else {
      server = await serveStatic(root);
    }
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await (policy ?? server)?.close();
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
    get root() {
      if (!root) throw new Error("the site is served only inside the tests");
      return root;
    },
    get policy() {
      if (!policy) throw new Error("the policy is watched only with servedSite({ policy: true }), inside the tests");
      return policy;
    },
  };
}
