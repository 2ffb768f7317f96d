import { describe, expect, it } from "vitest";
import {
  applyChoicePresets,
  applyRawSettings,
  choiceDefaults,
  defaults,
  parseSetting,
  resolveSettings,
} from "../../src/settings/resolve.ts";
import { COMMON_SETTINGS } from "../../src/settings/common.ts";
import { readUrlSettings, urlWithSettings } from "../../src/demo/url-state.ts";
import { FAMILY_SPECS } from "../../src/models/specs.ts";
import type { SettingSpec } from "../../src/models/types.ts";
import { same } from "../../src/i18n/text.ts";

const lr: SettingSpec = {
  name: "learningRate",
  label: { zh: "学习率", en: "Learning rate" },
  type: "number",
  min: 1e-5,
  max: 1e-2,
  step: 1e-5,
  default: 1e-3,
  log: true,
};
const seed = COMMON_SETTINGS.find((s) => s.name === "seed")!;
const dataset = COMMON_SETTINGS.find((s) => s.name === "dataset")!;

describe("parseSetting refuses bad values with a message", () => {
  it("accepts numbers in range, including exponent notation", () => {
    expect(parseSetting(lr, "1e-3")).toEqual({ ok: true, value: 0.001 });
    expect(parseSetting(lr, " 0.0005 ")).toEqual({ ok: true, value: 0.0005 });
    expect(parseSetting(seed, "42")).toEqual({ ok: true, value: 42 });
  });

  it("reads −0 as 0, so a link that writes the value reads back the same (found by fuzzing: r1=-0)", () => {
    const r1 = FAMILY_SPECS.gan!.settings.find((s) => s.name === "r1")!;
    expect(Object.is((parseSetting(r1, "-0") as { value: number }).value, 0)).toBe(true);
    expect(Object.is((parseSetting(seed, "-0.0e5") as { value: number }).value, 0)).toBe(true);
  });

  it("refuses non-numbers, out-of-range values, fractions for integers and unknown choices", () => {
    for (const [spec, raw, pattern] of [
      [lr, "abc", /需要一个数字/],
      [lr, "", /需要一个数字/],
      [lr, "NaN", /需要一个数字/],
      [lr, "Infinity", /需要一个数字/],
      [lr, "1", /应在 0.00001 到 0.01 之间|应在 1e-5 到 0.01 之间/],
      [seed, "1.5", /需要一个整数/],
      [seed, "-3", /应在 0 到 999999999 之间/],
      [dataset, "mnist", /可选：8gaussians、moons/],
    ] as const) {
      const result = parseSetting(spec, raw);
      expect(result.ok, `${spec.name}=${raw}`).toBe(false);
      if (!result.ok) expect(result.message.zh).toMatch(pattern);
    }
  });

  it("applies good values over defaults and reports bad or unknown ones without applying them", () => {
    const specs = [...COMMON_SETTINGS, lr];
    const { values, problems } = applyRawSettings(
      specs,
      defaults(specs),
      { seed: "9", learningRate: "5", colour: "red" },
      same("网址参数"),
    );
    expect(values.seed).toBe(9);
    expect(values.learningRate).toBe(1e-3);
    expect(problems).toHaveLength(2);
    expect(problems.map((p) => p.zh).join()).toMatch(/未知设置 “colour”/);
  });

  it("every family's defaults pass its own checks", () => {
    for (const spec of Object.values(FAMILY_SPECS)) {
      for (const setting of [...COMMON_SETTINGS, ...spec.settings]) {
        expect(parseSetting(setting, String(setting.default)).ok, `${spec.id}.${setting.name}`).toBe(true);
      }
    }
  });
});

describe("choice presets: a choice brings settings of its own", () => {
  // A table like the GAN's: a loss whose values carry other settings' values.
  const table: SettingSpec[] = [
    {
      name: "loss",
      label: same("目标函数"),
      type: "choice",
      choices: [
        { value: "plain", label: same("plain"), presets: { steps: 1, rate: 4e-4 } },
        { value: "clipped", label: same("clipped"), presets: { steps: 5, rate: 5e-5, clip: 0.01 } },
        { value: "bare", label: same("bare") },
      ],
      default: "plain",
    },
    // the defaults are the default choice's presets, as every family's table has them (tested below)
    { name: "steps", label: same("次数"), type: "integer", min: 1, max: 10, default: 1 },
    { ...lr, name: "rate", default: 4e-4 },
    { name: "clip", label: same("裁剪"), type: "number", min: 0.001, max: 1, step: 0.001, default: 0.1 },
  ];
  const resolve = (...raws: Record<string, string>[]) =>
    resolveSettings(
      table,
      raws.map((raw, i) => ({ raw, source: same(`来源${i}`) })),
    );

  it("resolves defaults, then the chosen value's presets, then explicit values", () => {
    expect(resolve().values).toEqual({ loss: "plain", steps: 1, rate: 4e-4, clip: 0.1 });
    expect(resolve({ loss: "clipped" }).values).toEqual({ loss: "clipped", steps: 5, rate: 5e-5, clip: 0.01 });
    expect(resolve({ loss: "clipped", steps: "3" }).values).toEqual({
      loss: "clipped",
      steps: 3,
      rate: 5e-5,
      clip: 0.01,
    });
    expect(resolve({ loss: "bare" }).values).toEqual({ loss: "bare", steps: 1, rate: 4e-4, clip: 0.1 });
  });

  it("lets an explicit value from any source beat a preset, whichever source chose the value", () => {
    // the attribute sets the steps, the URL switches the loss: the steps stay
    expect(resolve({ steps: "3" }, { loss: "clipped" }).values).toMatchObject({
      loss: "clipped",
      steps: 3,
      clip: 0.01,
    });
    // a later source beats an earlier one
    expect(resolve({ loss: "clipped", steps: "3" }, { steps: "7", loss: "plain" }).values).toEqual({
      loss: "plain",
      steps: 7,
      rate: 4e-4,
      clip: 0.1,
    });
  });

  it("reports bad and unknown values by source and keeps the presets of the valid choice", () => {
    const { values, problems } = resolve({ loss: "lsgan", steps: "99" }, { colour: "red" });
    expect(values).toEqual({ loss: "plain", steps: 1, rate: 4e-4, clip: 0.1 });
    expect(problems).toHaveLength(3);
    expect(problems[0]!.zh).toMatch(/^来源0：.*“lsgan”.*可选：plain、clipped、bare/);
    expect(problems[2]!.zh).toMatch(/^来源1中的未知设置 “colour”/);
  });

  it("applyRawSettings over the defaults (the CLI's --set) is resolveSettings with one source", () => {
    for (const raw of [{}, { loss: "clipped" }, { loss: "clipped", rate: "1e-3" }, { steps: "4" }]) {
      expect(applyRawSettings(table, defaults(table), raw, same("--set")).values).toEqual(resolve(raw).values);
    }
  });

  it("choiceDefaults gives what the table gives for the current choices (a link need only name the loss)", () => {
    expect(choiceDefaults(table, { loss: "clipped", steps: 9 })).toEqual({
      loss: "clipped",
      steps: 5,
      rate: 5e-5,
      clip: 0.01,
    });
    expect(choiceDefaults(table, {})).toEqual(resolve().values);
  });

  it("applyChoicePresets: changing a choice puts its presets in, and switching back restores the first's", () => {
    const start = resolve().values;
    const tuned = { ...start, steps: 8 };
    const clipped = applyChoicePresets(table, { ...tuned, loss: "clipped" }, "loss");
    expect(clipped).toEqual({ loss: "clipped", steps: 5, rate: 5e-5, clip: 0.01 });
    const back = applyChoicePresets(table, { ...clipped, loss: "plain" }, "loss");
    // plain carries no clip: the value WGAN set stays (plain does not use it)
    expect(back).toEqual({ loss: "plain", steps: 1, rate: 4e-4, clip: 0.01 });
    // a setting that is not a choice, or a choice without presets, changes nothing else
    expect(applyChoicePresets(table, { ...tuned, rate: 2e-3 }, "rate")).toEqual({ ...tuned, rate: 2e-3 });
    expect(applyChoicePresets(table, { ...tuned, loss: "bare" }, "loss")).toEqual({ ...tuned, loss: "bare" });
    expect(tuned.steps).toBe(8); // the input is not changed
  });

  it("every family's presets name a setting of that family and pass its checks", () => {
    let count = 0;
    for (const spec of Object.values(FAMILY_SPECS)) {
      for (const setting of spec.settings) {
        if (setting.type !== "choice") continue;
        for (const choice of setting.choices) {
          for (const [name, value] of Object.entries(choice.presets ?? {})) {
            const target = spec.settings.find((s) => s.name === name);
            expect(target, `${spec.id}.${setting.name}=${choice.value} presets ${name}`).toBeDefined();
            expect(target!.type, `${spec.id}: ${name} is set by a preset, not a choice`).not.toBe("choice");
            expect(parseSetting(target!, String(value)).ok, `${spec.id}.${name}=${value}`).toBe(true);
            count++;
          }
        }
      }
    }
    expect(count).toBeGreaterThan(0);
  });

  it("every family's defaults are its default choices' presets, so defaults() needs no resolving", () => {
    for (const spec of Object.values(FAMILY_SPECS)) {
      const table = [...COMMON_SETTINGS, ...spec.settings];
      expect(choiceDefaults(table, {}), spec.id).toEqual(defaults(table));
    }
  });

  it("the GAN's WGAN is Arjovsky et al.'s Algorithm 1 unless a setting is given, and its WGAN-GP Gulrajani et al.'s", () => {
    const gan = [...COMMON_SETTINGS, ...FAMILY_SPECS.gan!.settings];
    const attributes = (raw: Record<string, string>) => resolveSettings(gan, [{ raw, source: same("属性") }]).values;
    expect(attributes({ loss: "wgan" })).toMatchObject({
      discriminatorSteps: 5,
      learningRate: 5e-5,
      discriminatorLearningRate: 5e-5,
      clip: 0.01,
    });
    expect(attributes({ loss: "wgan", discriminatorSteps: "3" })).toMatchObject({ discriminatorSteps: 3, clip: 0.01 });
    expect(attributes({ loss: "wgan-gp" })).toMatchObject({
      discriminatorSteps: 5,
      learningRate: 1e-4,
      discriminatorLearningRate: 1e-4,
      adamBeta1: 0,
      adamBeta2: 0.9,
      penalty: 10,
    });
    const fastRecipe = {
      discriminatorSteps: 1,
      learningRate: 2e-3,
      discriminatorLearningRate: 4e-3,
      adamBeta2: 0.99,
      decayFactor: 0.03,
      average: 0.999,
    };
    expect(attributes({})).toMatchObject({ loss: "nonsaturating", ...fastRecipe });
    // switching the control back from WGAN-GP restores the non-saturating GAN's own settings
    const back = applyChoicePresets(gan, { ...attributes({ loss: "wgan-gp" }), loss: "nonsaturating" }, "loss");
    expect(back).toMatchObject(fastRecipe);
  });
});

describe("URL state", () => {
  it("reads only this demo's namespaced parameters", () => {
    expect(readUrlSettings("gan", "?gan.dataset=moons&gan.seed=3&ddpm.seed=4&backend=wasm")).toEqual({
      dataset: "moons",
      seed: "3",
    });
  });

  it("reports a parameter named like an object's own property (found by fuzzing: gan.__proto__ was dropped)", () => {
    const raw = readUrlSettings("gan", "?gan.__proto__=1&gan.constructor=2");
    expect(Object.keys(raw)).toEqual(["__proto__", "constructor"]);
    const { problems } = resolveSettings([seed], [{ raw, source: same("网址参数") }]);
    expect(problems).toHaveLength(2);
    expect(problems[0]!.zh).toMatch(/未知设置 “__proto__”/);
  });

  it("writes the settings that differ from the defaults and keeps other parameters", () => {
    const url = urlWithSettings(
      "gan",
      { dataset: "moons", seed: 1 },
      { dataset: "8gaussians", seed: 1 },
      "https://x.test/n/?ddpm.seed=4&gan.seed=9#gan",
    );
    const params = new URL(url).searchParams;
    expect(params.get("gan.dataset")).toBe("moons");
    expect(params.has("gan.seed")).toBe(false);
    expect(params.get("ddpm.seed")).toBe("4");
    expect(new URL(url).hash).toBe("#gan");
  });
});
