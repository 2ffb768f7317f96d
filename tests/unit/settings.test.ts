import { describe, expect, it } from "vitest";
import { applyRawSettings, COMMON_SETTINGS, defaults, parseSetting } from "../../src/demo/settings.ts";
import { readUrlSettings, urlWithSettings } from "../../src/demo/url-state.ts";
import { FAMILY_SPECS } from "../../src/models/specs.ts";
import type { SettingSpec } from "../../src/models/types.ts";

const lr: SettingSpec = {
  name: "learningRate",
  label: "学习率",
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
      if (!result.ok) expect(result.message).toMatch(pattern);
    }
  });

  it("applies good values over defaults and reports bad or unknown ones without applying them", () => {
    const specs = [...COMMON_SETTINGS, lr];
    const { values, problems } = applyRawSettings(
      specs,
      defaults(specs),
      { seed: "9", learningRate: "5", colour: "red" },
      "网址参数",
    );
    expect(values.seed).toBe(9);
    expect(values.learningRate).toBe(1e-3);
    expect(problems).toHaveLength(2);
    expect(problems.join()).toMatch(/未知设置 “colour”/);
  });

  it("every family's defaults pass its own checks", () => {
    for (const spec of Object.values(FAMILY_SPECS)) {
      for (const setting of [...COMMON_SETTINGS, ...spec.settings]) {
        expect(parseSetting(setting, String(setting.default)).ok, `${spec.id}.${setting.name}`).toBe(true);
      }
    }
  });
});

describe("URL state", () => {
  it("reads only this demo's namespaced parameters", () => {
    expect(readUrlSettings("gan", "?gan.dataset=moons&gan.seed=3&ddpm.seed=4&backend=wasm")).toEqual({
      dataset: "moons",
      seed: "3",
    });
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
