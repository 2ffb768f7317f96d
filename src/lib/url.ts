import { base } from "astro:config/client";

/** A path inside the site, prefixed with the configured base (`/` or e.g. `/repo/`). */
export function withBase(path: string): string {
  return base.replace(/\/?$/, "/") + path.replace(/^\//, "");
}

/** URL path of a note. Relative links between notes (`../other-note/`) rely on this shape. */
export function notePath(id: string): string {
  return withBase(`notes/${id}/`);
}
