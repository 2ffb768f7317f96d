import type { SettingSpec, SettingValues } from "../models/types.ts";
import { resolveSettings } from "../settings/resolve.ts";

/**
 * A demo's settings in the page URL, so a lecturer can link a configured demo:
 * `?gan.dataset=moons&gan.seed=3#gan`. Parameters are namespaced by the demo's key (its model id, or its
 * figure id when a page has two demos of one model). Reading never throws: values are checked later.
 */
export function readUrlSettings(key: string, search: string = location.search): Record<string, string> {
  const params = [...new URLSearchParams(search)].filter(([name]) => name.startsWith(`${key}.`));
  // fromEntries makes every name an own key, `__proto__` too (an assignment would drop it unreported).
  return Object.fromEntries(params.map(([name, value]) => [name.slice(key.length + 1), value]));
}

/** The URL with this demo's settings that differ from its defaults (others' parameters kept). */
export function urlWithSettings(
  key: string,
  values: Record<string, number | string>,
  defaults: Record<string, number | string>,
  href: string = location.href,
): string {
  const url = new URL(href);
  for (const name of [...url.searchParams.keys()]) if (name.startsWith(`${key}.`)) url.searchParams.delete(name);
  for (const [name, value] of Object.entries(values)) {
    if (defaults[name] !== value) url.searchParams.set(`${key}.${name}`, String(value));
  }
  return url.href;
}

/**
 * The settings a link must name so that, read over the demo's own attributes (as `resolveSettings` reads them),
 * it gives `values`: choices first, since a choice's presets may already give the settings after it. So a link to
 * a GAN switched to WGAN names only `loss=wgan`, not the five settings that loss brings.
 */
export function linkSettings(
  specs: readonly SettingSpec[],
  attributes: Record<string, string>,
  values: SettingValues,
): Record<string, string> {
  const link: Record<string, string> = {};
  const ordered = [...specs.filter((s) => s.type === "choice"), ...specs.filter((s) => s.type !== "choice")];
  for (const spec of ordered) {
    const read = resolveSettings(specs, [
      { raw: attributes, source: null },
      { raw: link, source: null },
    ]).values;
    if (read[spec.name] !== values[spec.name]) link[spec.name] = String(values[spec.name]);
  }
  return link;
}
