/** Links name as few settings as give the demo's values back, read over its own attributes. */
import { describe, expect, it } from "vitest";
import { applyChoicePresets, resolveSettings } from "../../src/settings/resolve.ts";
import { COMMON_SETTINGS } from "../../src/settings/common.ts";
import { linkSettings } from "../../src/demo/url-state.ts";
import { FAMILY_SPECS } from "../../src/models/specs.ts";
import { same } from "../../src/i18n/text.ts";

const gan = [...COMMON_SETTINGS, ...FAMILY_SPECS.gan!.settings];
const read = (attributes: Record<string, string>, link: Record<string, string>) =>
  resolveSettings(gan, [
    { raw: attributes, source: same("属性") },
    { raw: link, source: same("网址参数") },
  ]).values;

describe("linkSettings", () => {
  it("names only the loss when the reader switched a GAN to WGAN: the loss brings the rest", () => {
    const values = applyChoicePresets(gan, { ...read({}, {}), loss: "wgan" }, "loss");
    expect(values.discriminatorSteps).toBe(5);
    const link = linkSettings(gan, {}, values);
    expect(link).toEqual({ loss: "wgan" });
    expect(read({}, link)).toEqual(values);
  });

  it("names a choice set back to its default when the page's attribute chose another", () => {
    const attributes = { loss: "wgan", dataset: "moons" };
    const values = applyChoicePresets(gan, { ...read(attributes, {}), loss: "nonsaturating" }, "loss");
    const link = linkSettings(gan, attributes, values);
    expect(link).toEqual({ loss: "nonsaturating" });
    expect(read(attributes, link)).toEqual(values);
  });

  it("names a value that differs from what the loss brings, and nothing the attributes already give", () => {
    const attributes = { seed: "7" };
    const values = { ...applyChoicePresets(gan, { ...read(attributes, {}), loss: "wgan-gp" }, "loss"), clip: 0.5 };
    const link = linkSettings(gan, attributes, values);
    expect(link).toEqual({ loss: "wgan-gp", clip: "0.5" });
    expect(read(attributes, link)).toEqual(values);
  });

  it("gives the values back for every family's every choice", () => {
    for (const spec of Object.values(FAMILY_SPECS)) {
      const specs = [...COMMON_SETTINGS, ...spec!.settings];
      for (const setting of spec!.settings) {
        if (setting.type !== "choice") continue;
        for (const choice of setting.choices) {
          const base = resolveSettings(specs, []).values;
          const values = applyChoicePresets(specs, { ...base, [setting.name]: choice.value, seed: 3 }, setting.name);
          const link = linkSettings(specs, {}, values);
          expect(resolveSettings(specs, [{ raw: link, source: null }]).values, `${spec!.id} ${choice.value}`).toEqual(
            values,
          );
        }
      }
    }
  });
});
