/** The divergence messages: what became non-finite, and the known cause when the family names one. */
import { describe, expect, it } from "vitest";
import { divergenceMessage, divergenceMessageEn } from "../../src/models/divergence.ts";
import { defaults } from "../../src/settings/resolve.ts";
import { FAMILY_SPECS } from "../../src/models/specs.ts";

const score = FAMILY_SPECS.score!;
const vae = FAMILY_SPECS.vae!;

describe("divergence messages", () => {
  it("blame the learning rate when no other cause is known, naming the loss by its label", () => {
    const message = divergenceMessage(vae, { step: 12, series: "elbo" }, defaults(vae.settings)).zh;
    expect(message).toMatch(/^训练在第 12 步发散（“.+”变成了 NaN 或无穷大），已停止。学习率可能太大/);
    expect(message).toContain(vae.lossSeries.find((s) => s.key === "elbo")!.label.zh);
    expect(divergenceMessageEn(vae, { step: 12, series: "elbo" }, defaults(vae.settings))).toBe(
      "diverged at step 12: the elbo loss is not finite; lower the learning rate",
    );
  });

  it("name the family's known cause instead (score: a Langevin step ratio near 4)", () => {
    const settings = { ...defaults(score.settings), stepRatio: 3.5 };
    const divergence = { step: 40, series: "samples", nonFinite: 7, drawn: 2000 };
    const message = divergenceMessage(score, divergence, settings).zh;
    expect(message).toContain("2000 个生成样本中有 7 个不是有限数");
    expect(message).toContain("相对步长 r = 3.5 太大");
    expect(message).not.toContain("学习率");
    expect(divergenceMessageEn(score, divergence, settings)).toMatch(
      /^diverged at step 40: 7 of 2000 samples are not finite, although the losses are; likely cause: stepRatio=3.5/,
    );
    // At the default ratio the cause is not claimed.
    expect(divergenceMessage(score, divergence, defaults(score.settings)).zh).toContain("学习率可能太大");
  });
});
