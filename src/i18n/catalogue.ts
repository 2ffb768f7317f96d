/**
 * The one catalogue of the interface's strings, in Chinese and English: the demos (controls, messages, legends,
 * exports), the comparison page, the embed page, and the messages of settings, backends and divergence. Each area
 * keeps its entries in a file of its own (./core-text.ts, ./demo-text.ts, ./compare-text.ts, ./page-text.ts,
 * ./own-data-text.ts, ./a11y-text.ts); code imports the area it needs, so a demo's bundle carries no comparison
 * prose; this is the one entry point, and `tests/unit/i18n-catalogue.test.ts` walks it. A family's own words (its settings, views, loss series
 * and view captions) stay with its declaration, as `{ zh, en }` pairs in src/models/, and the test of the sources
 * holds them to the same rule. Another area's file of `{ zh, en }` pairs joins by one line below.
 */
import { A11Y_TEXT } from "./a11y-text.ts";
import { COMPARE_TEXT } from "./compare-text.ts";
import { CORE_TEXT } from "./core-text.ts";
import { DEMO_TEXT } from "./demo-text.ts";
import { OWN_DATA_TEXT } from "./own-data-text.ts";
import { PAGE_TEXT } from "./page-text.ts";
import { FAMILY_TITLES } from "../models/ids.ts";
import { COMMON_SETTINGS } from "../settings/common.ts";

/** The catalogue: every area's `{ zh, en }` entries by key ("demo.play", "compare.columns.score"). */
export const CATALOGUE = {
  core: CORE_TEXT,
  demo: DEMO_TEXT,
  compare: COMPARE_TEXT,
  page: PAGE_TEXT,
  ownData: OWN_DATA_TEXT,
  a11y: A11Y_TEXT,
  /** The families' titles (declared in src/models/ids.ts) and the settings every demo has (src/settings/common.ts). */
  families: FAMILY_TITLES,
  settings: { dataset: COMMON_SETTINGS[0].label, seed: COMMON_SETTINGS[1].label, speed: COMMON_SETTINGS[2].label },
} as const;

/** The catalogue's shape, for code that walks it. */
export type Catalogue = typeof CATALOGUE;
