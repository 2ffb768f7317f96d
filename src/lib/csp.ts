/**
 * The site's Content-Security-Policy, stated once: the build writes it into every page as a `<meta http-equiv>`
 * (through Astro's `security.csp`, astro.config.mjs), the test server sends it as a header, and the README quotes
 * it for static hosts (a unit test holds the README to it).
 *
 * - `script-src 'self' 'wasm-unsafe-eval'`: every script is a file of the site (the build inlines none, see
 *   astro.config.mjs); tfjs's WASM backend compiles its `.wasm` with `WebAssembly.instantiate`.
 * - `style-src 'self' 'unsafe-inline'`: KaTeX sets thousands of `style="height:…"` attributes on the article's
 *   formulas (one per box it lays out), and the stylesheets are inlined for the first paint; neither can carry a
 *   hash a static host's header could list once for every page.
 * - `img-src data: blob:`: the PNG export draws the figure's SVG through an image made from a blob URL.
 * - `frame-ancestors *`: any page may frame `/embed/`. A `<meta>` cannot carry it (browsers ignore it there and
 *   say so in the console), so only the header has it.
 */
export const CSP_DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "worker-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors *",
] as const;

/** The policy as a static host sends it: `Content-Security-Policy: <CSP_HEADER>`. */
export const CSP_HEADER: string = CSP_DIRECTIVES.join("; ");

/** The directives a `<meta http-equiv="content-security-policy">` can carry (all but `frame-ancestors`). */
export const CSP_META_DIRECTIVES: readonly string[] = CSP_DIRECTIVES.filter((d) => !d.startsWith("frame-ancestors"));

type Directive = (typeof CSP_DIRECTIVES)[number];
/** A directive of the `<meta>` other than the script and style sources, which Astro states itself. */
type OtherDirective = Exclude<Directive, `${"script-src" | "style-src" | "frame-ancestors"} ${string}`>;
const isOther = (d: Directive): d is OtherDirective => !/^(script-src|style-src|frame-ancestors) /.test(d);

/** The sources of one directive, e.g. `["'self'", "'wasm-unsafe-eval'"]` for `script-src`. */
export function cspSources(name: string): string[] {
  const directive = CSP_DIRECTIVES.find((d) => d.split(" ")[0] === name);
  if (!directive)
    throw new Error(
      `No directive ${name} in the policy; it has ${CSP_DIRECTIVES.map((d) => d.split(" ")[0]).join(", ")}`,
    );
  return directive.split(" ").slice(1);
}

/**
 * The `<meta>`'s policy as Astro's `security.csp` takes it (astro.config.mjs): the script and style sources apart,
 * since Astro writes those directives itself, adding the hashes of what the page carries.
 */
export const ASTRO_CSP = {
  directives: CSP_DIRECTIVES.filter(isOther),
  scriptDirective: { resources: cspSources("script-src") },
  styleDirective: { resources: cspSources("style-src") },
};
