/**
 * What a comparison is run with (dataset, seed, seconds per family, the families, in turn or as a race) and its
 * place in the URL, so a lecturer can link a setup: `/compare/?dataset=moons&seed=3&budget=5&families=gan,vae`.
 * A family's own settings are its defaults; a link may change one as `<family>.<setting>=value` (as on the
 * article), checked by the family's table. Reading never throws: a bad value is left out and reported, in Chinese.
 * No DOM, no tfjs.
 */
import { BACKEND_NAMES, isBackendName } from "../lab/backend-names.ts";
import { DATASET_NAMES, type DatasetChoice } from "../lab/dataset-names.ts";
import { FAMILY_IDS, isFamilyId, type FamilyId } from "../models/ids.ts";
import { FAMILY_SPECS } from "../models/specs.ts";
import type { SettingValues } from "../models/types.ts";
import { COMMON_SETTINGS } from "../settings/common.ts";
import { OWN_DATA_PARAM } from "../lab/own-data-url.ts";
import { readSettings } from "../settings/read.ts";
import { defaults, parseSetting, resolveSettings } from "../settings/resolve.ts";
import type { NumberSetting } from "../settings/table.ts";
import { COMPARE_TEXT } from "../i18n/compare-text.ts";
import { fill, joinTexts, listOf, type Text } from "../i18n/text.ts";

const U = COMPARE_TEXT.url;

/** In turn: one family after another; race (比赛): short turns round the families, so all learn at once. */
export const COMPARE_MODES = ["race", "turns"] as const;
export type CompareMode = (typeof COMPARE_MODES)[number];

export interface CompareSetup {
  /** A toy dataset, or `own`: the reader's points from this browser's storage (or the link's `owndata=`). */
  dataset: DatasetChoice;
  seed: number;
  /** Training seconds per family (time spent in its training calls, measured by the worker). */
  budgetSeconds: number;
  /** In the order of `FAMILY_IDS`. */
  families: FamilyId[];
  mode: CompareMode;
  /** Raw settings a link changes, by family: `{ vae: { learningRate: "1" } }`. */
  overrides: Partial<Record<FamilyId, Record<string, string>>>;
}

const [DATASET_SETTING, SEED_SETTING] = COMMON_SETTINGS;

/** The seconds per family: a whole range a reader may type, 10 s by default. */
export const BUDGET_SETTING = {
  name: "budget",
  label: COMPARE_TEXT.budget,
  type: "number",
  min: 1,
  max: 120,
  step: 0.5,
  default: 10,
} as const satisfies NumberSetting;

/**
 * The URL parameters of the page besides `<family>.<setting>`; `backend` is checked here and used by the backend
 * choice, `lang` is read by the page's language, `owndata` carries the reader's points.
 */
const KNOWN = ["dataset", "seed", "budget", "families", "mode", "backend", "lang", OWN_DATA_PARAM];

export function defaultSetup(): CompareSetup {
  return {
    dataset: DATASET_SETTING.default,
    seed: SEED_SETTING.default,
    budgetSeconds: BUDGET_SETTING.default,
    families: [...FAMILY_IDS],
    mode: "race",
    overrides: {},
  };
}

/** The seed from text, or a message. */
export function parseSeed(raw: string): { ok: true; value: number } | { ok: false; message: Text } {
  const parsed = parseSetting(SEED_SETTING, raw);
  return parsed.ok ? { ok: true, value: Number(parsed.value) } : parsed;
}

/** The seconds per family from text, or a message. */
export function parseBudget(raw: string): { ok: true; value: number } | { ok: false; message: Text } {
  const parsed = parseSetting(BUDGET_SETTING, raw);
  return parsed.ok ? { ok: true, value: Number(parsed.value) } : parsed;
}

/** The families of a comma-separated list, in the registry's order, or a message naming what is not a family. */
export function parseFamilies(raw: string): { ok: true; value: FamilyId[] } | { ok: false; message: Text } {
  const names = raw
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = names.filter((name) => !isFamilyId(name));
  if (unknown.length > 0) {
    return { ok: false, message: fill(U.unknownFamily, { names: listOf(unknown), valid: listOf(FAMILY_IDS) }) };
  }
  if (names.length === 0) return { ok: false, message: COMPARE_TEXT.noFamily };
  return { ok: true, value: FAMILY_IDS.filter((id) => names.includes(id)) };
}

/**
 * The setup a URL's query asks for: every valid value, the default for the others, and one message per refused
 * parameter (prefixed 「网址参数」) for the page to show.
 */
export function readSetup(search: string): { setup: CompareSetup; problems: Text[] } {
  const params = new URLSearchParams(search);
  const setup = defaultSetup();
  const problems: Text[] = [];
  const refuse = (name: string, message: Text) => problems.push(fill(U.refused, { name, message }));

  const dataset = params.get("dataset");
  if (dataset !== null) {
    const parsed = parseSetting(DATASET_SETTING, dataset);
    if (parsed.ok) setup.dataset = parsed.value as DatasetChoice;
    else refuse("dataset", parsed.message);
  }
  const seed = params.get("seed");
  if (seed !== null) {
    const parsed = parseSeed(seed);
    if (parsed.ok) setup.seed = parsed.value;
    else refuse("seed", parsed.message);
  }
  const budget = params.get("budget");
  if (budget !== null) {
    const parsed = parseBudget(budget);
    if (parsed.ok) setup.budgetSeconds = parsed.value;
    else refuse("budget", parsed.message);
  }
  const families = params.get("families");
  if (families !== null) {
    const parsed = parseFamilies(families);
    if (parsed.ok) setup.families = parsed.value;
    else refuse("families", parsed.message);
  }
  const mode = params.get("mode");
  if (mode !== null) {
    if ((COMPARE_MODES as readonly string[]).includes(mode)) setup.mode = mode as CompareMode;
    else refuse("mode", fill(U.badMode, { mode, valid: listOf(COMPARE_MODES) }));
  }

  const backend = params.get("backend");
  if (backend !== null && !isBackendName(backend)) {
    refuse("backend", fill(U.badBackend, { backend, valid: listOf(BACKEND_NAMES) }));
  }

  // Pairs, not an object filled by assignment, which would drop a setting named `__proto__` unreported.
  const raw: Partial<Record<FamilyId, [string, string][]>> = {};
  for (const [name, value] of params) {
    if (KNOWN.includes(name)) continue;
    const dot = name.indexOf(".");
    const family = dot > 0 ? name.slice(0, dot) : "";
    if (!isFamilyId(family)) {
      problems.push(fill(U.unknownParam, { name, valid: listOf(KNOWN) }));
      continue;
    }
    (raw[family] ??= []).push([name.slice(dot + 1), value]);
  }
  for (const [family, pairs] of Object.entries(raw) as [FamilyId, [string, string][]][]) {
    const values = Object.fromEntries(pairs);
    const resolved = familySettings(family, values);
    problems.push(...resolved.problems.map((message) => fill(U.familySetting, { family, message })));
    const kept = Object.fromEntries(
      Object.entries(values).filter(([name]) => resolved.values[name] !== undefined && !resolved.refused.has(name)),
    );
    if (Object.keys(kept).length > 0) setup.overrides[family] = kept;
  }
  return { setup, problems };
}

/**
 * A family's settings: its table's defaults (with the presets of its default choices), then the raw values of
 * `overrides`, each checked by the table; the result passes the family's one reader (`readSettings`), as the worker
 * will read it. `refused` names the raw values that were left out.
 */
export function familySettings(
  family: FamilyId,
  overrides: Record<string, string> = {},
): { values: SettingValues; problems: Text[]; refused: Set<string> } {
  const spec = FAMILY_SPECS[family];
  const refused = new Set<string>();
  const problems: Text[] = [];
  const valid: Record<string, string> = {};
  for (const [name, raw] of Object.entries(overrides)) {
    const one = resolveSettings(spec.settings, [{ raw: { [name]: raw }, source: null }]);
    if (one.problems.length > 0) {
      refused.add(name);
      problems.push(fill(U.settingProblem, { name, message: joinTexts(one.problems, { zh: "；", en: "; " }) }));
    } else valid[name] = raw;
  }
  const base =
    Object.keys(valid).length > 0 ? resolveSettings(spec.settings, [{ raw: valid, source: null }]).values : {};
  const values = { ...defaults(spec.settings), ...base };
  return { values: readSettings(spec.settings, values), problems, refused };
}

/** The query string of a setup, naming only what differs from the defaults ("" for the default setup). */
export function setupSearch(setup: CompareSetup): string {
  const params = new URLSearchParams();
  const base = defaultSetup();
  if (setup.dataset !== base.dataset) params.set("dataset", setup.dataset);
  if (setup.seed !== base.seed) params.set("seed", String(setup.seed));
  if (setup.budgetSeconds !== base.budgetSeconds) params.set("budget", String(setup.budgetSeconds));
  if (setup.families.join(",") !== base.families.join(",")) params.set("families", setup.families.join(","));
  if (setup.mode !== base.mode) params.set("mode", setup.mode);
  for (const family of FAMILY_IDS) {
    for (const [name, value] of Object.entries(setup.overrides[family] ?? {})) params.set(`${family}.${name}`, value);
  }
  // Commas need no escaping in a query; unescaped, a lecturer's link stays readable (families=gan,vae).
  const text = params.toString().replace(/%2C/gi, ",");
  return text ? `?${text}` : "";
}

/** The names of every dataset, for the form. */
export const DATASETS = DATASET_NAMES;
