/**
 * The likelihoods the comparison page reads (`Model.logLikelihood`), each against a closed form written out here:
 * an untrained RealNVP is the identity, so its NLL is the standard normal's; an autoregressive model with zero
 * logits is uniform over [−4.5, 4.5]²; a VAE whose encoder outputs the prior and whose decoder outputs a zero mean
 * is N(0, σ_x² I) with a tight bound. Families without a likelihood give null through the trainer.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { sampleDataset } from "../../src/lab/datasets.ts";
import type { Mlp } from "../../src/lab/mlp.ts";
import { createRandom } from "../../src/lab/random.ts";
import { autoregressive } from "../../src/models/autoregressive.ts";
import { flow } from "../../src/models/flow.ts";
import { FAMILIES } from "../../src/models/registry.ts";
import { Trainer } from "../../src/models/trainer.ts";
import type { Model } from "../../src/models/types.ts";
import { MIN_LOG_VARIANCE, vae } from "../../src/models/vae.ts";
import { defaults } from "../../src/settings/resolve.ts";
import { useWasm } from "../support/tf-node.ts";

let tf: Awaited<ReturnType<typeof useWasm>>;
beforeAll(async () => {
  tf = await useWasm();
});

const POINTS = new Float32Array([0.3, 0.7, -1.2, 0.4, 1.5, -0.6, 2.1, 0.2, -0.4, -0.9, 3.9, -4.2]);
const n = POINTS.length / 2;

/** Sets a network's output layer to zero (weights and bias), so it outputs 0 whatever it reads. */
function zeroOutput(mlp: Mlp): void {
  tf.tidy(() => {
    mlp.outputLayer.weight.assign(tf.zerosLike(mlp.outputLayer.weight));
    mlp.outputLayer.bias.assign(tf.zerosLike(mlp.outputLayer.bias));
  });
}

/** A private network of a model, for a test that pins its weights. */
const network = (model: Model, name: string) => (model as unknown as Record<string, Mlp>)[name]!;

describe("Model.logLikelihood", () => {
  it("an untrained RealNVP (the identity) gives the standard normal's NLL, ½‖x‖² + log 2π, exactly", () => {
    const model = flow.create({ settings: defaults(flow.settings), seed: 3, dataset: "moons" });
    let expected = 0;
    for (let i = 0; i < n; i++)
      expected += 0.5 * (POINTS[2 * i]! ** 2 + POINTS[2 * i + 1]! ** 2) + Math.log(2 * Math.PI);
    const result = model.logLikelihood!(POINTS);
    expect(result.kind).toBe("exact");
    expect(result.meanNll).toBeCloseTo(expected / n, 5);
    model.dispose();
  });

  it("an autoregressive model with zero logits is uniform on [−4.5, 4.5]²: NLL = log 81 for points inside", () => {
    const model = autoregressive.create({ settings: defaults(autoregressive.settings), seed: 3, dataset: "moons" });
    zeroOutput(network(model, "conditional"));
    const result = model.logLikelihood!(POINTS);
    expect(result.kind).toBe("exact");
    expect(result.meanNll).toBeCloseTo(Math.log(81), 5);
    model.dispose();
  });

  it("a VAE with q(z|x) = p(z) and a zero decoder mean has −ELBO = −log N(x; 0, σ_x² I), the exact NLL", () => {
    const model = vae.create({ settings: { ...defaults(vae.settings), beta: 3 }, seed: 3, dataset: "moons" });
    zeroOutput(network(model, "encoder"));
    zeroOutput(network(model, "decoder"));
    // The bound is the model's that samples are drawn from: the decoder's weight average.
    for (const name of ["decoderAverage.output.weight", "decoderAverage.output.bias"]) {
      const weight = model.weights()[name]!;
      weight.assign(tf.zerosLike(weight));
    }
    // The decoder's log-variance starts at −2 per coordinate (its per-point head at zero), floored softly at m:
    // m + softplus(−2 − m). With z independent of x the bound is tight, and β (training's weight) does not enter it.
    const logVariance = MIN_LOG_VARIANCE + Math.log1p(Math.exp(-2 - MIN_LOG_VARIANCE));
    let expected = 0;
    for (let i = 0; i < 2 * n; i++) {
      expected += 0.5 * (Math.log(2 * Math.PI) + logVariance + POINTS[i]! ** 2 / Math.exp(logVariance));
    }
    const result = model.logLikelihood!(POINTS);
    expect(result.kind).toBe("elbo");
    expect(result.meanNll).toBeCloseTo(expected / n, 4);
    model.dispose();
  });

  it("leaves no tensor behind", () => {
    for (const family of [flow, autoregressive, vae]) {
      const model = family.create({ settings: defaults(family.settings) as never, seed: 1, dataset: "moons" });
      model.logLikelihood!(POINTS);
      const before = tf.memory().numTensors;
      model.logLikelihood!(POINTS);
      expect(tf.memory().numTensors, family.id).toBe(before);
      model.dispose();
    }
  });
});

describe("Trainer.logLikelihood", () => {
  it("is null for families without a likelihood and measures the others on the seed's held-out points", () => {
    const withLikelihood = new Set(["flow", "autoregressive", "vae"]);
    for (const family of Object.values(FAMILIES)) {
      const trainer = new Trainer({ family, dataset: "moons", seed: 5, settings: defaults(family.settings) });
      const result = trainer.logLikelihood(200);
      if (withLikelihood.has(family.id)) {
        expect(Number.isFinite(result?.meanNll), family.id).toBe(true);
      } else {
        expect(result, family.id).toBeNull();
      }
      trainer.dispose();
    }
    // The held-out points are those of the seed's own fork: the flow's number is that of those points.
    const trainer = new Trainer({ family: flow, dataset: "moons", seed: 5, settings: defaults(flow.settings) });
    const points = sampleDataset("moons", 200, createRandom(5).fork("likelihood"));
    let expected = 0;
    for (let i = 0; i < 200; i++)
      expected += 0.5 * (points[2 * i]! ** 2 + points[2 * i + 1]! ** 2) + Math.log(2 * Math.PI);
    expect(trainer.logLikelihood(200)!.meanNll).toBeCloseTo(expected / 200, 4);
    trainer.dispose();
  });
});
