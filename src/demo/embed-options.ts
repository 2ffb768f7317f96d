/**
 * What an embed's URL may pare away: `/embed/gan/?hide=settings,loss` drops the settings and the loss chart, the way
 * a lecturer trims a demo for a slide; and `?snapshot=1`, which starts it from the family's trained model. Pure (no
 * DOM), so the page and the tests read flags the same way.
 */
import { DEMO_TEXT } from "../i18n/demo-text.ts";
import { fill, listOf, type Text } from "../i18n/text.ts";

/** The parts `hide=` can drop, each with what it hides (for the message that lists them). */
export const HIDE_FLAGS = DEMO_TEXT.embed.hide;

export type HideFlag = keyof typeof HIDE_FLAGS;

export interface HideOptions {
  /** The valid flags named, each once, in the order of HIDE_FLAGS. */
  flags: HideFlag[];
  /** One message per unknown flag, for the reader. */
  problems: Text[];
}

function isHideFlag(name: string): name is HideFlag {
  return Object.hasOwn(HIDE_FLAGS, name);
}

/**
 * Reads every `hide=` parameter of `search` (a comma list; `hide=settings&hide=loss` works too). Names are trimmed
 * and read in any case; empty items are skipped; an unknown one is named in `problems` with the valid list.
 */
export function parseHideFlags(search: string): HideOptions {
  const named = new Set<HideFlag>();
  const problems: Text[] = [];
  for (const value of new URLSearchParams(search).getAll("hide")) {
    for (const raw of value.split(",")) {
      const name = raw.trim().toLowerCase();
      if (name === "") continue;
      if (isHideFlag(name)) named.add(name);
      else
        problems.push(
          fill(DEMO_TEXT.embed.unknownHide, { raw: raw.trim(), valid: Object.keys(HIDE_FLAGS).join(", ") }),
        );
    }
  }
  const flags = (Object.keys(HIDE_FLAGS) as HideFlag[]).filter((flag) => named.has(flag));
  return { flags, problems };
}

/**
 * Reads `snapshot=` of `search`: `1` (or `true`) starts the embed from the family's trained model, `0` (or
 * `false`) or no parameter from scratch; any other value (or two values that disagree) is named in `problem` and
 * the embed starts from scratch.
 */
export function parseSnapshotFlag(search: string): { snapshot: boolean; problem: Text | null } {
  const values = new URLSearchParams(search).getAll("snapshot").map((v) => v.trim().toLowerCase());
  const read = values.map((v) => (v === "1" || v === "true" ? true : v === "0" || v === "false" ? false : null));
  if (read.some((v) => v === null) || new Set(read).size > 1) {
    const shown = listOf(values.map((v) => `“${v}”`));
    return { snapshot: false, problem: fill(DEMO_TEXT.embed.badSnapshot, { shown }) };
  }
  return { snapshot: read[0] ?? false, problem: null };
}
