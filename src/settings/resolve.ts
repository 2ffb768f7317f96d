/**
 * Raw setting values (text from a control, an attribute, the URL or the CLI's `--set`) checked against their table
 * and resolved: the defaults, then the presets of the chosen choices, then what was given. Every value passes
 * through `parseSetting`, which refuses bad input with a message instead of passing it on. Shared by the build
 * (directives), the CLI, the worker's callers and the demo.
 */
import { CORE_TEXT } from "../i18n/core-text.ts";
import { fill, listOf, type Text } from "../i18n/text.ts";
import type { SettingSpec, SettingValues, ValuesOf } from "./table.ts";

const T = CORE_TEXT.setting;

export type ParseResult = { ok: true; value: number | string } | { ok: false; message: Text };

/** Checks one raw value (from a control, an attribute or the URL) against its spec. */
export function parseSetting(spec: SettingSpec, raw: string): ParseResult {
  const text = raw.trim();
  if (spec.type === "choice") {
    if (spec.choices.some((c) => c.value === text)) return { ok: true, value: text };
    return {
      ok: false,
      message: fill(T.notAChoice, { label: spec.label, raw, valid: listOf(spec.choices.map((c) => c.value)) }),
    };
  }
  if (text === "" || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text)) {
    return { ok: false, message: fill(T.notANumber, { label: spec.label, raw }) };
  }
  // + 0 reads −0 as 0, so the value a link writes ("0") reads back the same.
  const value = Number(text) + 0;
  if (spec.type === "integer" && !Number.isInteger(value)) {
    return { ok: false, message: fill(T.notAnInteger, { label: spec.label, raw }) };
  }
  if (value < spec.min || value > spec.max) {
    return { ok: false, message: fill(T.outOfRange, { label: spec.label, min: spec.min, max: spec.max, raw }) };
  }
  return { ok: true, value };
}

/** Every setting of the table at its default, typed by the table. */
export function defaults<const T extends readonly SettingSpec[]>(specs: T): ValuesOf<T> {
  return Object.fromEntries(specs.map((s) => [s.name, s.default])) as ValuesOf<T>;
}

/** The presets that the value `value` of choice setting `spec` carries (none for other settings or values). */
function presetsOf(spec: SettingSpec, value: number | string | undefined): Readonly<SettingValues> {
  if (spec.type !== "choice") return {};
  return spec.choices.find((c) => c.value === value)?.presets ?? {};
}

/**
 * The values the table gives when its choices are those of `values`: each setting's default, overridden by the
 * presets of the chosen value of every choice setting (in table order, so a later choice's preset wins). A setting
 * `values` does not name keeps its default choice. Presets naming settings the table lacks are ignored.
 */
export function choiceDefaults(specs: readonly SettingSpec[], values: SettingValues): SettingValues {
  const result = defaults(specs);
  for (const spec of specs) {
    for (const [name, value] of Object.entries(presetsOf(spec, values[spec.name] ?? spec.default))) {
      if (specs.some((s) => s.name === name)) result[name] = value;
    }
  }
  for (const spec of specs) {
    const chosen = values[spec.name];
    if (spec.type === "choice" && chosen !== undefined) result[spec.name] = chosen;
  }
  return result;
}

/**
 * When the reader changes the choice setting `changed` (already set in `values`): the values with that choice's
 * presets applied, replacing whatever those settings held, so switching a GAN's loss back and forth brings each
 * loss's own settings back. Every other value is kept; a setting that is not a choice, or a choice without
 * presets, returns the values unchanged (a copy).
 */
export function applyChoicePresets(
  specs: readonly SettingSpec[],
  values: SettingValues,
  changed: string,
): SettingValues {
  const result = { ...values };
  const spec = specs.find((s) => s.name === changed);
  if (!spec) return result;
  for (const [name, value] of Object.entries(presetsOf(spec, values[changed]))) {
    if (specs.some((s) => s.name === name)) result[name] = value;
  }
  return result;
}

/** Parses `raw` against `specs` into `into`; unknown names and bad values go to `problems`. */
function parseRaw(
  specs: readonly SettingSpec[],
  raw: Record<string, string>,
  source: Text | null,
  into: SettingValues,
  problems: Text[],
): void {
  for (const [name, text] of Object.entries(raw)) {
    const spec = specs.find((s) => s.name === name);
    if (!spec) {
      const valid = listOf(specs.map((s) => s.name));
      problems.push(source ? fill(T.unknown, { source, name, valid }) : fill(T.unknownBare, { name, valid }));
      continue;
    }
    const parsed = parseSetting(spec, text);
    if (parsed.ok) into[name] = parsed.value;
    else problems.push(source ? fill(T.refused, { source, message: parsed.message }) : parsed.message);
  }
}

/**
 * A demo's settings from its raw sources (e.g. the directive's attributes, then the URL; or the CLI's --set), in
 * this order of precedence, lowest first: the table's defaults; the presets of the chosen value of each choice
 * setting, for settings no source names; then every valid value a source gives, a later source over an earlier
 * one. So `loss="wgan"` brings WGAN's settings, and `loss="wgan" discriminatorSteps="3"` keeps 3. Unknown names
 * and bad values are skipped and reported (prefixed with their source), so one bad parameter never stops the demo.
 */
export function resolveSettings(
  specs: readonly SettingSpec[],
  sources: readonly { raw: Record<string, string>; source: Text | null }[],
): { values: SettingValues; problems: Text[] } {
  const explicit: SettingValues = {};
  const problems: Text[] = [];
  for (const { raw, source } of sources) parseRaw(specs, raw, source, explicit, problems);
  return { values: { ...choiceDefaults(specs, explicit), ...explicit }, problems };
}

/**
 * Applies raw values (e.g. from attributes, then from the URL) over `base`. A choice that `raw` sets brings its
 * presets to the settings `raw` does not name (as when the reader picks that choice), so over `defaults(specs)`
 * (which are the default choices' presets: a unit test holds every table to it) this is `resolveSettings` with one
 * source. Unknown names and bad values are skipped and reported, so one bad
 * parameter never stops the demo.
 */
export function applyRawSettings(
  specs: readonly SettingSpec[],
  base: SettingValues,
  raw: Record<string, string>,
  source: Text | null,
): { values: SettingValues; problems: Text[] } {
  const explicit: SettingValues = {};
  const problems: Text[] = [];
  parseRaw(specs, raw, source, explicit, problems);
  let values = { ...base, ...explicit };
  for (const name of Object.keys(explicit)) values = applyChoicePresets(specs, values, name);
  return { values: { ...values, ...explicit }, problems };
}
