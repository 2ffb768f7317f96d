/**
 * Serving the built site under its Content-Security-Policy (src/lib/csp.ts) and hearing every violation: the
 * `securitypolicyviolation` events of each page and frame (an init script records them), the browser's console
 * messages about the policy, and the reports the browser posts (`report-uri`, which also covers the training
 * worker and the service worker, where no init script runs).
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { BrowserContext, Page } from "playwright-core";
import { CSP_HEADER } from "../../src/lib/csp.ts";
import { serveStatic, type StaticServer } from "../../src/cli/static-server.ts";

/** Records each `securitypolicyviolation` of a page or frame in `window.__cspViolations`. */
const RECORD_VIOLATIONS = `
  window.__cspViolations = [];
  addEventListener("securitypolicyviolation", (e) => {
    window.__cspViolations.push(e.violatedDirective + " blocked " + (e.blockedURI || "inline") + " at " + e.sourceFile + ":" + e.lineNumber);
  });
`;

export interface CspWatch {
  /** The site, sent with the policy as a header (plus a `report-uri` to a collector of this test's own). */
  site: StaticServer;
  /** Makes a context's pages and frames record their violations, and hears its console's words on the policy. */
  watch(context: BrowserContext): Promise<void>;
  /** What the pages, their frames and their workers reported since the last call, and what the console said. */
  violations(pages: readonly Page[]): Promise<string[]>;
  close(): Promise<void>;
}

/** Serves `dist` with the site's policy and collects what breaks it. */
export async function serveWithPolicy(dist: string): Promise<CspWatch> {
  const heard: string[] = [];
  const collector = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    request.on("end", () => {
      heard.push(`report: ${body}`);
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => collector.listen(0, "127.0.0.1", resolve));
  const reportUri = `http://127.0.0.1:${(collector.address() as AddressInfo).port}/csp`;
  const site = await serveStatic(
    dist,
    "/",
    {},
    { "content-security-policy": `${CSP_HEADER}; report-uri ${reportUri}` },
  );
  return {
    site,
    async watch(context) {
      await context.addInitScript({ content: RECORD_VIOLATIONS });
      context.on("console", (m) => {
        if (/Content[ -]Security[ -]Policy|Refused to/i.test(m.text())) heard.push(`console: ${m.text()}`);
      });
    },
    async violations(pages) {
      const events: string[] = [];
      for (const page of pages) {
        for (const frame of page.frames()) {
          const recorded = await frame
            .evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [])
            .catch(() => []);
          events.push(...recorded);
        }
      }
      // a report is posted a moment after its violation
      await new Promise((resolve) => setTimeout(resolve, 500));
      return [...events, ...heard.splice(0)];
    },
    async close() {
      await site.close();
      await new Promise((resolve) => collector.close(resolve));
    },
  };
}
