/** The one reader of a family's settings: every value present, valid and in range, or it throws with what is valid. */
import { describe, expect, it } from "vitest";
import { FAMILY_SPECS } from "../../src/models/specs.ts";
import { readSettings } from "../../src/settings/read.ts";
import { defaults } from "../../src/settings/resolve.ts";

const ddpm = FAMILY_SPECS.ddpm.settings;

describe("readSettings", () => {
  it("returns a family's values, and leaves out names its table does not have", () => {
    const values = readSettings(ddpm, { ...defaults(ddpm), dataset: "moons", seed: 3 });
    expect(values).toEqual({ schedule: "linear", steps: 100, learningRate: 4e-3, average: 0.999 });
  });

  it("throws on a missing value, an unknown choice, a number out of range, a fraction for a whole number", () => {
    const base = defaults(ddpm);
    const { steps: _dropped, ...missing } = base;
    expect(() => readSettings(ddpm, missing)).toThrow(/"steps" needs a whole number from 10 to 500, got undefined/);
    expect(() => readSettings(ddpm, { ...base, schedule: "quadratic" })).toThrow(/valid values: linear, cosine/);
    expect(() => readSettings(ddpm, { ...base, steps: 501 })).toThrow(/"steps" needs a whole number from 10 to 500/);
    expect(() => readSettings(ddpm, { ...base, steps: 20.5 })).toThrow(/whole number/);
    expect(() => readSettings(ddpm, { ...base, learningRate: NaN })).toThrow(/"learningRate" needs a number/);
    expect(() => readSettings(ddpm, { ...base, learningRate: "0.001" })).toThrow(/got "0.001"/);
  });

  it("accepts every family's defaults", () => {
    for (const spec of Object.values(FAMILY_SPECS))
      expect(readSettings(spec.settings, defaults(spec.settings))).toBeTruthy();
  });
});
