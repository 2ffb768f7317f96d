/**
 * The `<iframe>` a lecturer pastes into slides or a course page: the embed page of a demo's family with the demo's
 * current settings in its query. Pure (no DOM), so the button and the tests build it the same way.
 */
import type { Lang } from "../i18n/text.ts";
import type { FamilyId } from "../models/ids.ts";

export interface EmbedTarget {
  /** The site's origin, e.g. `https://example.org` (the page's `location.origin`). */
  origin: string;
  /** The site's base path, `/` or e.g. `/repo/`. */
  base: string;
  family: FamilyId;
  /** The settings to name, e.g. `{ dataset: "moons", loss: "wgan" }`, written as `family.name=value`. */
  settings: Record<string, string>;
  /** The interface's language; English is kept in the URL (`lang=en`), Chinese is the default. */
  lang?: Lang;
  /** Parameters of the page itself, not namespaced, e.g. `owndata` (the reader's points, see own-data-url.ts). */
  params?: Record<string, string>;
}

/** Size of the frame: the whole demo fits at this width; the embed page posts its real height for the rest. */
export const EMBED_SIZE = { width: 720, height: 760 } as const;

/** The embed page's absolute URL with the settings, namespaced by the family as on the article. */
export function embedUrl({ origin, base, family, settings, lang, params = {} }: EmbedTarget): string {
  const url = new URL(`${base.replace(/\/?$/, "/")}embed/${family}/`, origin);
  for (const [name, value] of Object.entries(settings)) url.searchParams.set(`${family}.${name}`, value);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  if (lang && lang !== "zh") url.searchParams.set("lang", lang);
  return url.href;
}

/** Text for an HTML attribute value in double quotes. */
function attribute(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** The `<iframe>` snippet: the URL, a title (what a screen reader announces for the frame) and a size. */
export function embedSnippet(target: EmbedTarget, title: string): string {
  return (
    `<iframe src="${attribute(embedUrl(target))}" title="${attribute(title)}" ` +
    `width="${EMBED_SIZE.width}" height="${EMBED_SIZE.height}" style="border:0;max-width:100%" loading="lazy"></iframe>`
  );
}
