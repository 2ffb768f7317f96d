/**
 * Every setting value is safe: for every family, each setting at its minimum, at its maximum and at each of its
 * choices (the others at their defaults) trains a few steps with finite losses, then draws finite samples and finite
 * views. The one exception is a learning rate at its maximum, which may diverge (the range goes up to 1 so that a
 * reader can watch a run blow up): then the trainer must say so, never hand out non-finite samples in silence.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { defaults } from "../../src/settings/resolve.ts";
import { registeredFamilies } from "../../src/models/registry.ts";
import { Trainer } from "../../src/models/trainer.ts";
import type { Family, SettingSpec, SettingValues } from "../../src/models/types.ts";
import { frameArrays } from "../support/frames.ts";
import { useWasm } from "../support/tf-node.ts";

beforeAll(async () => {
  await useWasm();
});

const STEPS = 20;

/** The values worth trying for one setting: its ends, or each of its choices. */
function extremes(spec: SettingSpec): (number | string)[] {
  if (spec.type === "choice") return spec.choices.map((c) => c.value).filter((v) => v !== spec.default);
  return [spec.min, spec.max];
}

function settingsWith(family: Family, name: string, value: number | string): SettingValues {
  return { ...defaults(family.settings), [name]: value };
}

/** A learning rate at the top of its range may diverge; the trainer must then report it. */
function mayDiverge(spec: SettingSpec, value: number | string): boolean {
  return /(^l|L)earningRate$/.test(spec.name) && spec.type === "number" && value === spec.max;
}

const cases = registeredFamilies().flatMap((family) =>
  family.settings.flatMap((spec) =>
    extremes(spec).map((value) => [`${family.id} ${spec.name}=${value}`, family, spec, value] as const),
  ),
);

describe("setting names", () => {
  it("never look like the demo's own status attributes (data-demo-*), so an attribute is never read as both", () => {
    for (const family of registeredFamilies()) {
      for (const spec of family.settings) expect(spec.name, family.id).not.toMatch(/^demo[A-Z]/);
    }
  });
});

describe("unknown values", () => {
  const choices = registeredFamilies().flatMap((family) =>
    family.settings
      .filter((spec) => spec.type === "choice")
      .map((spec) => [`${family.id} ${spec.name}`, family, spec] as const),
  );
  it.each(choices)(
    "%s: the trainer refuses it with the valid names instead of training with a default",
    (_l, family, spec) => {
      if (spec.type !== "choice") throw new Error("not a choice");
      const settings = settingsWith(family, spec.name, "bogus");
      expect(() => new Trainer({ family, settings, seed: 1, dataset: "8gaussians" })).toThrow(
        new RegExp(`"${spec.name}".*${spec.choices.map((c) => c.value).join(", ")}`),
      );
    },
  );
});

describe("every setting value trains, or is a learning rate that diverges and says so", () => {
  it.each(cases)("%s", (_label, family, spec, value) => {
    const trainer = new Trainer({
      family,
      dataset: "8gaussians",
      seed: 1,
      settings: settingsWith(family, spec.name, value),
    });
    try {
      const progress = trainer.train(STEPS, 1);
      if (progress.diverged) {
        expect(
          mayDiverge(spec, value),
          `diverged at step ${progress.diverged.step} (${progress.diverged.series})`,
        ).toBe(true);
        return;
      }
      for (const loss of Object.values(progress.losses ?? {})) expect(Number.isFinite(loss)).toBe(true);
      const samples = trainer.sample(200);
      if (trainer.diverged) {
        // The losses stayed finite but the samples did not: the trainer says so, and only a learning rate may.
        expect(trainer.diverged.nonFinite, "non-finite samples are counted").toBeGreaterThan(0);
        expect(mayDiverge(spec, value), `${trainer.diverged.nonFinite} of 200 samples are not finite`).toBe(true);
        return;
      }
      expect(samples.every(Number.isFinite), "samples are finite").toBe(true);
      for (const view of family.views) {
        const param = view.param
          ? view.param.maxSetting
            ? Number(trainer.options.settings[view.param.maxSetting])
            : view.param.max
          : undefined;
        const frame = trainer.view({
          view: view.id,
          n: 50,
          extent: 4.5,
          gridSize: 8,
          ...(param === undefined ? {} : { param }),
        });
        for (const array of frameArrays(frame)) expect(array.every(Number.isFinite), `view ${view.id}`).toBe(true);
      }
    } finally {
      trainer.dispose();
    }
  });
});
