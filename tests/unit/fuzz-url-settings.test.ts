/**
 * Hostile URL parameters and setting values, fuzzed (fast-check; issue 15): every value from the URL, a control or
 * an attribute is either accepted as a valid value of its setting (a choice of its list, or a finite number in its
 * range, whole where it must be) or refused with a message naming the setting; nothing throws, and every unknown
 * parameter is reported by name. Covers `parseSetting`/`resolveSettings`, a demo's `?key.name=` parameters, the
 * embed's `hide=`/`snapshot=`/`backend=` and the comparison page's query.
 */
import { CORE_TEXT } from "../../src/i18n/core-text.ts";
import { LANGS } from "../../src/i18n/text.ts";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BUDGET_SETTING, COMPARE_MODES, familySettings, readSetup, setupSearch } from "../../src/compare/setup.ts";
import { backendFromUrl } from "../../src/demo/backend-preference.ts";
import { HIDE_FLAGS, parseHideFlags, parseSnapshotFlag } from "../../src/demo/embed-options.ts";
import { linkSettings, readUrlSettings, urlWithSettings } from "../../src/demo/url-state.ts";
import { DATASET_NAMES, OWN_DATASET } from "../../src/lab/dataset-names.ts";
import { FAMILY_IDS, type FamilyId } from "../../src/models/ids.ts";
import { FAMILY_SPECS } from "../../src/models/specs.ts";
import { COMMON_SETTINGS } from "../../src/settings/common.ts";
import { readSettings } from "../../src/settings/read.ts";
import { parseSetting, resolveSettings } from "../../src/settings/resolve.ts";
import type { SettingSpec } from "../../src/settings/table.ts";
import { cutShort, fuzz, hostileText, ODD_TEXT, validOrHostile } from "../support/hostile-input.ts";

/** Every table a reader's text is checked against: the common settings, each family's, the comparison's budget. */
const ALL_SPECS: SettingSpec[] = [
  ...COMMON_SETTINGS,
  ...FAMILY_IDS.flatMap((id) => FAMILY_SPECS[id].settings),
  BUDGET_SETTING,
];

/** A value of `spec` as a reader would type it. */
function validText(spec: SettingSpec): fc.Arbitrary<string> {
  if (spec.type === "choice") return fc.constantFrom(...spec.choices.map((c) => c.value));
  if (spec.type === "integer") return fc.integer({ min: spec.min, max: spec.max }).map(String);
  return fc.double({ min: spec.min, max: spec.max, noNaN: true }).map(String);
}

/** Valid or hostile text for `spec`. */
const settingText = (spec: SettingSpec) => validOrHostile(validText(spec));

/** Holds `value` to what `spec` declares: one of its choices, or a finite number in range, whole where it must be. */
function expectWithin(spec: SettingSpec, value: unknown): void {
  if (spec.type === "choice") {
    expect(spec.choices.map((c) => c.value)).toContain(value);
    return;
  }
  expect(typeof value).toBe("number");
  const n = value as number;
  expect(Number.isFinite(n), `${spec.name} = ${n}`).toBe(true);
  expect(n).toBeGreaterThanOrEqual(spec.min);
  expect(n).toBeLessThanOrEqual(spec.max);
  if (spec.type === "integer") expect(Number.isInteger(n)).toBe(true);
}

/** A query string from name/value pairs, encoded as a browser would. */
const query = (pairs: readonly (readonly [string, string])[]) => `?${new URLSearchParams(pairs as [string, string][])}`;

/** The parameters of a query as the page reads them. */
const decoded = (search: string) => [...new URLSearchParams(search)];

describe("parseSetting, fuzzed over every setting of every table", () => {
  it("accepts a value within the setting's range or choices, else refuses it with a message naming the setting", () => {
    const arb = fc.constantFrom(...ALL_SPECS).chain((spec) => fc.tuple(fc.constant(spec), settingText(spec)));
    fc.assert(
      fc.property(arb, ([spec, raw]) => {
        const parsed = parseSetting(spec, raw);
        if (parsed.ok) expectWithin(spec, parsed.value);
        else {
          for (const lang of LANGS) {
            expect(parsed.message[lang]).toContain(spec.label[lang]);
            expect(parsed.message[lang].length).toBeGreaterThan(spec.label[lang].length);
          }
        }
      }),
      fuzz(2000),
    );
  });

  it("accepts every valid value as typed, with spaces around it", () => {
    const arb = fc.constantFrom(...ALL_SPECS).chain((spec) => fc.tuple(fc.constant(spec), validText(spec)));
    fc.assert(
      fc.property(arb, ([spec, raw]) => {
        expect(parseSetting(spec, ` ${raw}\t`).ok).toBe(true);
      }),
      fuzz(500),
    );
  });
});

/** A parameter name for a demo keyed `gan`: its settings, others' settings, hostile names, other demos' keys. */
function demoParamName(specs: readonly SettingSpec[]): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(...specs.map((s) => `gan.${s.name}`)),
    fc.constantFrom(...ODD_TEXT.map((t) => `gan.${t}`), "gan.", "gan..seed", "gan.seed.", "GAN.seed", "vae.seed"),
    hostileText.map((t) => `gan.${t}`),
    hostileText,
  );
}

describe("a demo's URL parameters, fuzzed", () => {
  const specs = [...COMMON_SETTINGS, ...FAMILY_SPECS.gan.settings];
  const pair = fc.oneof(
    fc.constantFrom(...specs).chain((s) => fc.tuple(fc.constant(`gan.${s.name}`), settingText(s))),
    fc.tuple(demoParamName(specs), hostileText),
  );

  it("gives settings the model's reader accepts, and one message per refused or unknown parameter, naming it", () => {
    fc.assert(
      fc.property(fc.array(pair, { maxLength: 8 }), (pairs) => {
        const search = query(pairs);
        const { values, problems } = resolveSettings(specs, [
          { raw: readUrlSettings("gan", search), source: CORE_TEXT.setting.sourceUrl },
        ]);
        // What reaches the model passes its one reader: every value present, finite, in range.
        readSettings(specs, values);
        for (const spec of specs) expectWithin(spec, values[spec.name]);
        for (const problem of problems) expect(problem.zh).toMatch(/^网址参数/);
        // The last value of each of this demo's parameters counts (as the browser decodes it: a lone surrogate
        // becomes U+FFFD); each one refused or unknown is reported, once.
        const last = new Map(
          decoded(search)
            .filter(([n]) => n.startsWith("gan."))
            .map(([n, v]) => [n.slice(4), v]),
        );
        let refused = 0;
        for (const [name, raw] of last) {
          const spec = specs.find((s) => s.name === name);
          const parsed = spec ? parseSetting(spec, raw) : null;
          if (!spec)
            expect(
              problems.some((p) => p.zh.includes(`“${name}”`) && p.en.includes(`“${name}”`)),
              `unknown “${name}” reported`,
            ).toBe(true);
          else if (!parsed!.ok)
            expect(problems.some((p) => p.zh.includes(spec.label.zh) && p.en.includes(spec.label.en))).toBe(true);
          else expect(values[name]).toBe(parsed!.value);
          if (!parsed?.ok) refused++;
        }
        expect(problems).toHaveLength(refused);
      }),
      fuzz(1000),
    );
  });

  it("never throws on a raw query string, however malformed", () => {
    fc.assert(
      fc.property(hostileText, (search) => {
        const raw = readUrlSettings("gan", search);
        const { values } = resolveSettings(specs, [{ raw, source: CORE_TEXT.setting.sourceUrl }]);
        readSettings(specs, values);
      }),
      fuzz(1000),
    );
  });

  it("reads a link cut short (a copy that lost its end) as valid settings and a message for what it cannot read", () => {
    const link = fc
      .array(pair, { maxLength: 8 })
      .map((pairs) => {
        const { values } = resolveSettings(specs, [
          { raw: readUrlSettings("gan", query(pairs)), source: CORE_TEXT.setting.sourceUrl },
        ]);
        return urlWithSettings("gan", linkSettings(specs, {}, values), {}, "https://example.test/notes/a/?x=1");
      })
      .chain(cutShort);
    fc.assert(
      fc.property(link, (cut) => {
        const search = cut.includes("?") ? cut.slice(cut.indexOf("?")) : "";
        const { values, problems } = resolveSettings(specs, [
          { raw: readUrlSettings("gan", search), source: CORE_TEXT.setting.sourceUrl },
        ]);
        readSettings(specs, values);
        for (const problem of problems) expect(problem.zh).toMatch(/^网址参数/);
      }),
      fuzz(500),
    );
  });

  it("links back to the same settings: the link a demo writes reads back to its values with no problem", () => {
    fc.assert(
      fc.property(fc.array(pair, { maxLength: 8 }), (pairs) => {
        const { values } = resolveSettings(specs, [
          { raw: readUrlSettings("gan", query(pairs)), source: CORE_TEXT.setting.sourceUrl },
        ]);
        const link = urlWithSettings("gan", linkSettings(specs, {}, values), {}, "https://example.test/notes/a/");
        const back = resolveSettings(specs, [
          { raw: readUrlSettings("gan", new URL(link).search), source: CORE_TEXT.setting.sourceUrl },
        ]);
        expect(back).toEqual({ values, problems: [] });
      }),
      fuzz(300),
    );
  });
});

describe("an embed's URL, fuzzed", () => {
  const hideValue = validOrHostile(
    fc
      .subarray(Object.keys(HIDE_FLAGS), { minLength: 1 })
      .map((flags) => flags.map((f) => (f.length % 2 ? f.toUpperCase() : f)).join(",")),
  );
  const snapshotValue = validOrHostile(fc.constantFrom("1", "0", "true", "false", "TRUE"));
  const backendValue = validOrHostile(fc.constantFrom("webgl", "wasm", "cpu"));
  const pairs = fc.array(
    fc.oneof(
      fc.tuple(fc.constant("hide"), hideValue),
      fc.tuple(fc.constant("snapshot"), snapshotValue),
      fc.tuple(fc.constant("backend"), backendValue),
      fc.tuple(hostileText, hostileText),
    ),
    { maxLength: 6 },
  );

  it("reads only known hide flags, a boolean snapshot and a known backend, naming each refused value", () => {
    fc.assert(
      fc.property(pairs, (list) => {
        const search = query(list);
        const hide = parseHideFlags(search);
        for (const flag of hide.flags) expect(Object.keys(HIDE_FLAGS)).toContain(flag);
        expect(new Set(hide.flags).size).toBe(hide.flags.length);
        for (const problem of hide.problems) expect(problem.zh).toMatch(/^网址参数 hide 中的“.*”无法识别；可用：/s);
        const snapshot = parseSnapshotFlag(search);
        expect(typeof snapshot.snapshot).toBe("boolean");
        if (snapshot.problem !== null) {
          for (const lang of LANGS) expect(snapshot.problem[lang]).toContain("snapshot");
          expect(snapshot.snapshot).toBe(false);
        }
        const backend = backendFromUrl(search);
        if (backend.backend !== null) expect(["webgl", "wasm", "cpu"]).toContain(backend.backend);
        if (backend.problem !== null) for (const lang of LANGS) expect(backend.problem[lang]).toContain("backend");
        expect(backend.backend === null || backend.problem === null).toBe(true);
      }),
      fuzz(1000),
    );
  });
});

describe("the comparison page's query, fuzzed", () => {
  const family = fc.constantFrom(...FAMILY_IDS);
  const familyList = validOrHostile(fc.subarray([...FAMILY_IDS], { minLength: 1 }).map((ids) => ids.join(",")));
  const override = family.chain((id) =>
    fc.oneof(
      fc
        .constantFrom(...FAMILY_SPECS[id].settings)
        .chain((s) => fc.tuple(fc.constant(`${id}.${s.name}`), settingText(s))),
      fc.tuple(
        fc.oneof(fc.constantFrom(...ODD_TEXT), hostileText).map((name) => `${id}.${name}`),
        hostileText,
      ),
    ),
  );
  const pairs = fc.array(
    fc.oneof(
      fc.tuple(fc.constant("dataset"), settingText(COMMON_SETTINGS[0])),
      fc.tuple(fc.constant("seed"), settingText(COMMON_SETTINGS[1])),
      fc.tuple(fc.constant("budget"), settingText(BUDGET_SETTING)),
      fc.tuple(fc.constant("families"), familyList),
      fc.tuple(fc.constant("mode"), validOrHostile(fc.constantFrom(...COMPARE_MODES))),
      override,
      fc.tuple(hostileText, hostileText),
    ),
    { maxLength: 8 },
  );

  it("gives a setup of valid values only, with each family's settings valid for its model", () => {
    fc.assert(
      fc.property(pairs, (list) => {
        const { setup, problems } = readSetup(query(list));
        expect([...DATASET_NAMES, OWN_DATASET]).toContain(setup.dataset);
        expectWithin(COMMON_SETTINGS[1], setup.seed);
        expectWithin(BUDGET_SETTING, setup.budgetSeconds);
        expect(setup.families.length).toBeGreaterThan(0);
        for (const id of setup.families) expect(FAMILY_IDS).toContain(id);
        expect(COMPARE_MODES).toContain(setup.mode);
        for (const [id, overrides] of Object.entries(setup.overrides)) {
          const read = familySettings(id as FamilyId, overrides);
          expect(read.problems).toEqual([]);
          for (const spec of FAMILY_SPECS[id as FamilyId].settings) expectWithin(spec, read.values[spec.name]);
        }
        for (const problem of problems) for (const lang of LANGS) expect(problem[lang].length).toBeGreaterThan(0);
        // Each family's parameter that names no setting of it is reported by name.
        for (const [name] of decoded(query(list))) {
          const dot = name.indexOf(".");
          const id = name.slice(0, dot) as FamilyId;
          const setting = name.slice(dot + 1);
          if (dot > 0 && FAMILY_IDS.includes(id) && !FAMILY_SPECS[id].settings.some((s) => s.name === setting)) {
            expect(
              problems.some((p) => p.zh.includes(`“${setting}”`) && p.en.includes(`“${setting}”`)),
              `${name} reported`,
            ).toBe(true);
          }
        }
      }),
      fuzz(500),
    );
  });

  it("writes a setup as a query that reads back to the same setup, with no problem", () => {
    fc.assert(
      fc.property(pairs, (list) => {
        const { setup } = readSetup(query(list));
        expect(readSetup(setupSearch(setup))).toEqual({ setup, problems: [] });
      }),
      fuzz(300),
    );
  });
});
