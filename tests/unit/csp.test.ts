import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ASTRO_CSP, CSP_DIRECTIVES, CSP_HEADER, CSP_META_DIRECTIVES, cspSources } from "../../src/lib/csp.ts";

describe("the site's Content-Security-Policy", () => {
  it("is the one the README gives static hosts", () => {
    expect(readFileSync("README.md", "utf8")).toContain(`Content-Security-Policy: ${CSP_HEADER}\n`);
  });

  it("is the issue's strict policy, with styles inline for KaTeX", () => {
    expect(CSP_HEADER).toBe(
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; worker-src 'self'; " +
        "connect-src 'self'; img-src 'self' data: blob:; object-src 'none'; base-uri 'self'; frame-ancestors *",
    );
  });

  it("leaves frame-ancestors out of the <meta>, where browsers ignore it", () => {
    expect(CSP_META_DIRECTIVES).toEqual(CSP_DIRECTIVES.filter((d) => d !== "frame-ancestors *"));
  });

  it("is the <meta>'s policy as Astro takes it: script and style sources apart", () => {
    const astro = [
      ...ASTRO_CSP.directives,
      `script-src ${ASTRO_CSP.scriptDirective.resources.join(" ")}`,
      `style-src ${ASTRO_CSP.styleDirective.resources.join(" ")}`,
    ];
    expect(astro.sort()).toEqual([...CSP_META_DIRECTIVES].sort());
  });

  it("gives a directive's sources, and names the directives for an unknown one", () => {
    expect(cspSources("script-src")).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(() => cspSources("font-src")).toThrow(/default-src, script-src/);
  });
});
