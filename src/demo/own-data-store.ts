/**
 * Where the reader's own points live: the browser's localStorage (key `gen-demo:own-data`), one set shared by every
 * demo and the comparison page, so a lecturer draws once and compares the families on it; and, for a small set,
 * the page's link (`owndata=`, see own-data-url.ts), which a page stores on load. Nothing here draws.
 */
import { checkCount } from "../lab/own-data.ts";
import { decodeOwnData, OWN_DATA_PARAM } from "../lab/own-data-url.ts";
import type { Text } from "../i18n/text.ts";
import { OWN_TEXT, urlRefusalText } from "./own-data-messages.ts";

/** The storage key. */
export const OWN_DATA_KEY = "gen-demo:own-data";
/** Coordinates are stored to this many decimals (1e-5 of a plot 9 units wide). */
const DECIMALS = 5;
/** Sent on `window` after the set changes, so other demos of the page can follow. */
export const OWN_DATA_EVENT = "gen-demo:own-data";

interface StoredSet {
  version: 1;
  /** Interleaved xy. */
  points: number[];
}

/** The page's storage, or null where the browser refuses it (a sandboxed frame, storage disabled). */
function defaultStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** The stored set, or null when there is none or what is stored is not a usable set (then it is ignored). */
export function loadOwnData(storage: Storage | null = defaultStorage()): Float32Array | null {
  let text: string | null = null;
  try {
    text = storage?.getItem(OWN_DATA_KEY) ?? null;
  } catch {
    return null;
  }
  if (!text) return null;
  try {
    const stored = JSON.parse(text) as Partial<StoredSet>;
    if (stored.version !== 1 || !Array.isArray(stored.points) || stored.points.length % 2 !== 0) return null;
    if (!stored.points.every((v) => typeof v === "number" && Number.isFinite(v))) return null;
    if (checkCount(stored.points.length / 2)) return null;
    return Float32Array.from(stored.points);
  } catch {
    return null;
  }
}

/** Stores `points` (replacing the set) and tells the page; false when the browser refused to store them. */
export function saveOwnData(points: Float32Array, storage: Storage | null = defaultStorage()): boolean {
  const factor = 10 ** DECIMALS;
  const stored: StoredSet = { version: 1, points: Array.from(points, (v) => Math.round(v * factor) / factor) };
  let saved = false;
  try {
    storage?.setItem(OWN_DATA_KEY, JSON.stringify(stored));
    saved = storage !== null;
  } catch {
    saved = false;
  }
  globalThis.dispatchEvent?.(new CustomEvent(OWN_DATA_EVENT));
  return saved;
}

/** Removes the stored set. */
export function clearOwnData(storage: Storage | null = defaultStorage()): void {
  try {
    storage?.removeItem(OWN_DATA_KEY);
  } catch {
    // Nothing stored that could be removed.
  }
  globalThis.dispatchEvent?.(new CustomEvent(OWN_DATA_EVENT));
}

/**
 * What a page finds when it loads: the link's set if `search` carries a good one (stored at once, replacing the
 * stored set), else the stored set; and what to tell the reader about the link (null when it carried nothing).
 * A bad or cut-short link value is refused with its reason and changes nothing.
 */
export function ownDataOnLoad(
  search: string,
  storage: Storage | null = defaultStorage(),
): { points: Float32Array | null; notice: Text | null; refused: boolean } {
  const value = new URLSearchParams(search).get(OWN_DATA_PARAM);
  if (value === null) return { points: loadOwnData(storage), notice: null, refused: false };
  const decoded = decodeOwnData(value);
  if (!decoded.ok) {
    return {
      points: loadOwnData(storage),
      notice: OWN_TEXT.linkRefused(urlRefusalText(decoded.refusal)),
      refused: true,
    };
  }
  saveOwnData(decoded.points, storage);
  return { points: decoded.points, notice: OWN_TEXT.fromLink(decoded.points.length / 2), refused: false };
}
