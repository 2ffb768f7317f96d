/**
 * What a screen reader is told: the plot's text alternative names the data set, step, score and each layer of the
 * view with its count, in both languages; it is written at most every 2 s (the last state always); the "learned"
 * milestone comes once per model, at the comparison's target, and never for a score that is not a number.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { TARGET_SCORE } from "../../src/compare/race.ts";
import { LEARNED_SCORE, Milestones } from "../../src/demo/milestones.ts";
import { describePlot, PacedText } from "../../src/demo/plot-description.ts";
import { same, type Text } from "../../src/i18n/text.ts";
import { FAMILY_TITLES } from "../../src/models/ids.ts";

const frame = {
  samples: new Float32Array(2 * 300),
  field: {
    values: new Float32Array(4),
    gridSize: 2,
    kind: "diverging" as const,
    label: { zh: "判别器", en: "critic" },
  },
  paths: { lines: [new Float32Array(4), new Float32Array(4)], label: { zh: "轨迹", en: "paths" } },
  caption: same("t = 40 / 100"),
};

describe("the plot's text alternative", () => {
  it("says the data set, step, score, view and each layer with its count", () => {
    const text = describePlot({
      title: FAMILY_TITLES.ddpm,
      dataset: same("moons"),
      step: 1200,
      score: 0.1834,
      view: { zh: "反向过程", en: "Reverse process" },
      frame,
      dataCount: 1000,
    });
    expect(text.zh).toBe(
      `${FAMILY_TITLES.ddpm.zh}：数据集 moons，第 1200 步，得分 0.18。视图“反向过程”（t = 40 / 100）：` +
        "真实数据 1000 个点、生成样本 300 个点、热图“判别器”、轨迹 2 条。",
    );
    expect(text.en).toBe(
      `${FAMILY_TITLES.ddpm.en}: dataset moons, step 1200, score 0.18. View “Reverse process” (t = 40 / 100): ` +
        "Real data, 1000 points; Generated samples, 300 points; heat map “critic”; paths, 2 of them.",
    );
  });

  it("says there is no score yet, and leaves out the data when the view hides it", () => {
    const text = describePlot({
      title: FAMILY_TITLES.vae,
      dataset: same("circles"),
      step: 0,
      score: null,
      view: same("z"),
      frame: { showData: false, samples: new Float32Array(10) },
      dataCount: 1000,
    });
    expect(text.zh).toMatch(/第 0 步，尚无得分。视图“z”：生成样本 5 个点。$/);
  });
});

describe("the paced text", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("writes at once, then at most every 2 s, and always the last text given", () => {
    const written: string[] = [];
    const paced = new PacedText(
      (t: Text) => written.push(t.en),
      2000,
      () => Date.now(),
    );
    paced.set(same("a"));
    expect(written).toEqual(["a"]);
    for (const t of ["b", "c", "d"]) {
      vi.advanceTimersByTime(300);
      paced.set(same(t));
    }
    expect(written).toEqual(["a"]);
    vi.advanceTimersByTime(1100);
    expect(written).toEqual(["a", "d"]);
    vi.advanceTimersByTime(5000);
    expect(written).toEqual(["a", "d"]);
    paced.set(same("e"));
    paced.cancel();
    vi.advanceTimersByTime(5000);
    expect(written).toEqual(["a", "d", "e"]);
  });
});

describe("the milestones", () => {
  it("announce the first score at or under the target once, and again after a new model", () => {
    expect(LEARNED_SCORE).toBe(TARGET_SCORE);
    const m = new Milestones();
    expect(m.score(0.5, 100)).toBeNull();
    expect(m.score(Number.NaN, 150)).toBeNull();
    expect(m.score(TARGET_SCORE, 200)?.zh).toBe("已学会：第 200 步得分 0.20，不超过 0.2。");
    expect(m.score(0.1, 300)).toBeNull();
    m.reset();
    expect(m.score(0.25, 10)).toBeNull();
    expect(m.score(0.05, 20)?.en).toBe("Learned: score 0.05 at step 20, at most 0.2.");
  });
});
