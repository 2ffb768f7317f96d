/**
 * The comparison's URL state and its network-evaluation counts: a link restores every field, a bad value is
 * refused with a message and replaced by its default, a family's own setting is checked by its table, the query
 * names only what differs from the defaults, and the evaluations per sample follow the settings.
 */
import { describe, expect, it } from "vitest";
import { networkEvaluations, STEP_EVALUATIONS } from "../../src/compare/evaluations.ts";
import { defaultSetup, familySettings, readSetup, setupSearch } from "../../src/compare/setup.ts";
import { SOLVER_EVALUATIONS } from "../../src/lab/flow-matching-ode.ts";
import { FAMILY_IDS } from "../../src/models/ids.ts";
import { FAMILY_SPECS } from "../../src/models/specs.ts";
import { defaults } from "../../src/settings/resolve.ts";

describe("readSetup", () => {
  it("gives the defaults for an empty query: 8gaussians, seed 1, 10 s, all nine families, a race", () => {
    expect(readSetup("")).toEqual({ setup: defaultSetup(), problems: [] });
    expect(defaultSetup()).toMatchObject({ dataset: "8gaussians", seed: 1, budgetSeconds: 10, mode: "race" });
    expect(defaultSetup().families).toEqual([...FAMILY_IDS]);
  });

  it("restores every field of a link, families in the registry's order", () => {
    const { setup, problems } = readSetup("?dataset=moons&seed=7&budget=2.5&families=vae,gan&mode=turns");
    expect(problems).toEqual([]);
    expect(setup).toEqual({
      dataset: "moons",
      seed: 7,
      budgetSeconds: 2.5,
      families: ["gan", "vae"],
      mode: "turns",
      overrides: {},
    });
  });

  it("refuses bad values one by one with a message, keeping the default for each", () => {
    const { setup, problems } = readSetup(
      "?dataset=mnist&seed=1.5&budget=0&families=gan,bogus&mode=fast&colour=red&dataset2=x",
    );
    expect(setup).toEqual(defaultSetup());
    expect(problems).toHaveLength(7);
    expect(problems[0]!.zh).toMatch(/^网址参数 dataset：“数据集”不能取 “mnist”/);
    expect(problems[1]!.zh).toMatch(/^网址参数 seed：“随机种子”需要一个整数/);
    expect(problems[2]!.zh).toMatch(/^网址参数 budget：.*应在 1 到 120 之间/);
    expect(problems[3]!.zh).toMatch(/^网址参数 families：未知的模型 “bogus”/);
    expect(problems[4]!.zh).toMatch(/^网址参数 mode：不能取 “fast”/);
    expect(problems[5]!.zh).toMatch(/^未知的网址参数 “colour”/);
    expect(readSetup("?families=").problems[0]!.zh).toMatch(/至少要选一个模型/);
    expect(readSetup("?backend=wasm").problems).toEqual([]);
    expect(readSetup("?lang=en").problems).toEqual([]);
  });

  it("refuses a backend that is not one, with the valid ones (it was silently ignored)", () => {
    expect(readSetup("?backend=<b>gpu</b>").problems.map((p) => p.zh)).toEqual([
      "网址参数 backend：不能取 “<b>gpu</b>”，可选：webgl、wasm、cpu，已改用默认值",
    ]);
  });

  it("keeps a family's own setting that its table accepts and refuses one it does not", () => {
    const good = readSetup("?vae.learningRate=1&gan.loss=wgan");
    expect(good.problems).toEqual([]);
    expect(good.setup.overrides).toEqual({ vae: { learningRate: "1" }, gan: { loss: "wgan" } });
    const bad = readSetup("?vae.learningRate=7&vae.bogus=1&ddpm.steps=100");
    expect(bad.setup.overrides).toEqual({ ddpm: { steps: "100" } });
    expect(bad.problems).toHaveLength(2);
    expect(bad.problems[0]!.zh).toMatch(/^网址参数 vae\.learningRate：.*学习率.*应在/);
    expect(bad.problems[1]!.zh).toMatch(/^网址参数 vae\.bogus：/);
  });

  it("refuses a family's parameter named like an object's own property (found by fuzzing: it was dropped)", () => {
    const { setup, problems } = readSetup("?flow-matching.__proto__=0&gan.constructor=1");
    expect(setup.overrides).toEqual({});
    expect(problems).toHaveLength(2);
    expect(problems[0]!.zh).toMatch(/^网址参数 flow-matching\.__proto__：.*“__proto__”/);
  });
});

describe("familySettings", () => {
  it("is the table's defaults, or the defaults with a checked override and its choice's presets", () => {
    for (const id of FAMILY_IDS) expect(familySettings(id).values).toEqual(defaults(FAMILY_SPECS[id].settings));
    const vae = familySettings("vae", { learningRate: "1" });
    expect(vae.values).toEqual({ ...defaults(FAMILY_SPECS.vae.settings), learningRate: 1 });
    // WGAN brings its paper's settings with it, as on the article.
    expect(familySettings("gan", { loss: "wgan" }).values).toMatchObject({
      loss: "wgan",
      discriminatorSteps: 5,
      clip: 0.01,
    });
    const bad = familySettings("vae", { learningRate: "2" });
    expect(bad.values).toEqual(defaults(FAMILY_SPECS.vae.settings));
    expect([...bad.refused]).toEqual(["learningRate"]);
  });
});

describe("setupSearch", () => {
  it("names only what differs from the defaults, and reads back to the same setup", () => {
    expect(setupSearch(defaultSetup())).toBe("");
    const setup = {
      ...defaultSetup(),
      dataset: "moons" as const,
      budgetSeconds: 3,
      families: ["flow" as const, "ebm" as const],
      overrides: { vae: { learningRate: "1" } },
    };
    const search = setupSearch(setup);
    expect(search).toBe("?dataset=moons&budget=3&families=flow,ebm&vae.learningRate=1");
    expect(readSetup(search).setup).toEqual(setup);
  });
});

describe("networkEvaluations", () => {
  const at = (id: (typeof FAMILY_IDS)[number], changes: Record<string, number | string> = {}) =>
    networkEvaluations(id, { ...defaults(FAMILY_SPECS[id].settings), ...changes }).count;

  it("counts one pass for GAN, VAE and flow, two for the autoregressive model", () => {
    expect([at("gan"), at("vae"), at("flow"), at("autoregressive")]).toEqual([1, 1, 1, 2]);
  });

  it("follows the iterative samplers' settings", () => {
    expect(at("ddpm")).toBe(100);
    expect(at("ddpm", { steps: 250 })).toBe(250);
    expect(at("score")).toBe(6 * 10 + 1);
    expect(at("score", { denoise: "off", levels: 3, stepsPerLevel: 5 })).toBe(15);
    expect(at("ebm")).toBe(50);
    expect(at("flow-matching")).toBe(20);
    expect(at("flow-matching", { solver: "euler", steps: 7 })).toBe(7);
    expect(at("schrodinger-bridge")).toBe(20);
    expect(at("schrodinger-bridge", { sampler: "ode" })).toBe(40);
  });

  it("uses the ODE solvers' own table of evaluations per step", () => {
    expect(STEP_EVALUATIONS).toEqual(SOLVER_EVALUATIONS);
  });
});
