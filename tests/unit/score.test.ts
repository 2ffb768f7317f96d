/**
 * Score matching closed forms (Song & Ermon 2019, "Generative Modeling by Estimating Gradients of the Data
 * Distribution"), each written out here independently of src/lab/langevin.ts and src/models/score.ts.
 */
import { beforeAll, describe, expect, it } from "vitest";
import {
  annealedStepSizes,
  denoisingScoreTarget,
  geometricNoiseLevels,
  langevinStep,
  perturbData,
} from "../../src/lab/langevin.ts";
import { createRandom, fillNormal } from "../../src/lab/random.ts";
import { denoisingScoreMatchingLoss, score } from "../../src/models/score.ts";
import { defaults } from "../../src/settings/resolve.ts";
import { Trainer } from "../../src/models/trainer.ts";
import { useWasm } from "../support/tf-node.ts";

type Tensor2D = import("@tensorflow/tfjs-core").Tensor2D;

let tf: Awaited<ReturnType<typeof useWasm>>;
beforeAll(async () => {
  tf = await useWasm();
});

const value = (t: { dataSync(): ArrayLike<number>; dispose(): void }) => {
  const v = t.dataSync()[0]!;
  t.dispose();
  return v;
};

describe("the noise ladder", () => {
  it("is geometric from σ_max down to σ_min: σ_i = σ_max·r^(i−1) with r = (σ_min/σ_max)^(1/(L−1))", () => {
    const levels = geometricNoiseLevels(6, 4, 0.1);
    const ratio = Math.pow(0.1 / 4, 1 / 5);
    expect(levels.length).toBe(6);
    expect(levels[0]).toBeCloseTo(4, 12);
    expect(levels[5]).toBeCloseTo(0.1, 12);
    for (let i = 0; i < 6; i++) expect(levels[i]).toBeCloseTo(4 * ratio ** i, 12);
    expect(geometricNoiseLevels(1, 3, 0.5)).toEqual(new Float64Array([3]));
    expect(() => geometricNoiseLevels(4, 0.1, 1)).toThrow(RangeError);
  });

  it("gives the annealed step sizes of Algorithm 1: α_i = ε·σ_i²/σ_L²", () => {
    const levels = new Float64Array([2, 1, 0.5]);
    const alphas = annealedStepSizes(levels, 0.01);
    expect(alphas[0]).toBeCloseTo(0.01 * 16, 12);
    expect(alphas[1]).toBeCloseTo(0.01 * 4, 12);
    expect(alphas[2]).toBeCloseTo(0.01, 12);
  });
});

describe("denoising score matching", () => {
  it("the target −(x̃ − x)/σ² at x̃ = x + σz equals −z/σ", () => {
    const x = new Float32Array([1, -2, 0.5, 3]);
    const z = new Float32Array([0.3, -1.2, 2, 0.1]);
    const sigmas = new Float32Array([0.5, 2]);
    const noisy = perturbData(x, z, sigmas);
    expect(Array.from(noisy)).toEqual([1 + 0.15, -2 - 0.6, 0.5 + 4, 3 + 0.2].map(Math.fround));
    const target = denoisingScoreTarget(noisy, x, sigmas);
    const expected = [-0.3 / 0.5, 1.2 / 0.5, -2 / 2, -0.1 / 2];
    expected.forEach((e, i) => expect(target[i]).toBeCloseTo(e, 5));
  });

  it("the loss ½ mean σ²‖s(x̃, σ) + z/σ‖² for the score s(x, σ) = −x/(1 + σ²) matches a hand computation", () => {
    // two points: x = (1, 0), z = (1, −1), σ = 1 and x = (0, 2), z = (0, 2), σ = 0.5
    const x = new Float32Array([1, 0, 0, 2]);
    const z = new Float32Array([1, -1, 0, 2]);
    const sigmas = new Float32Array([1, 0.5]);
    const noisy = perturbData(x, z, sigmas); // (2, −1) and (0, 3)
    const target = denoisingScoreTarget(noisy, x, sigmas);
    // point 1: s = −(2, −1)/2 = (−1, 0.5); s + z/σ = (0, −0.5); σ²‖·‖² = 0.25
    // point 2: s = −(0, 3)/1.25 = (0, −2.4); s + z/σ = (0, 1.6); σ²‖·‖² = 0.25·2.56 = 0.64
    const expected = 0.5 * ((0.25 + 0.64) / 2);
    const s = tf.tensor2d([-1, 0.5, 0, -2.4], [2, 2]);
    const t = tf.tensor2d(target, [2, 2]);
    const sg = tf.tensor2d(sigmas, [2, 1]);
    expect(value(denoisingScoreMatchingLoss(s, t, sg))).toBeCloseTo(expected, 5);
    tf.dispose([s, t, sg]);
  });

  it("for data N(0, 1) the best linear score a·x̃ minimises the loss at a = −1/(1 + σ²)", () => {
    const n = 40_000;
    const sigma = 0.8;
    const rng = createRandom(5);
    const x = fillNormal(rng, new Float32Array(2 * n));
    const z = fillNormal(rng, new Float32Array(2 * n));
    const sigmas = new Float32Array(n).fill(sigma);
    const noisy = perturbData(x, z, sigmas);
    const xt = tf.tensor2d(noisy, [n, 2]);
    const t = tf.tensor2d(denoisingScoreTarget(noisy, x, sigmas), [n, 2]);
    const sg = tf.tensor2d(sigmas, [n, 1]);
    const loss = (a: number) => value(denoisingScoreMatchingLoss(tf.mul(xt, a) as Tensor2D, t, sg));
    // The loss is quadratic in a: its vertex from three values.
    const h = 0.1;
    const a0 = -0.5;
    const [minus, mid, plus] = [loss(a0 - h), loss(a0), loss(a0 + h)];
    const vertex = a0 - (h * (plus - minus)) / (2 * (plus - 2 * mid + minus));
    expect(vertex).toBeCloseTo(-1 / (1 + sigma ** 2), 2);
    tf.dispose([xt, t, sg]);
  });
});

describe("Langevin dynamics", () => {
  it("one step on the score of N(μ, s²), −(x − μ)/s², moves points by (α/2)·score + √α·z", () => {
    const mu = [1, -1];
    const s2 = 0.25;
    const alpha = 0.04;
    const x = [0, 0, 2, 3];
    const z = [0.5, -1, 1.5, 0];
    const scoreValues = x.map((v, i) => -(v - mu[i % 2]!) / s2);
    const expected = x.map((v, i) => v + (alpha / 2) * scoreValues[i]! + Math.sqrt(alpha) * z[i]!);
    const out = tf.tidy(() =>
      langevinStep(tf.tensor2d(x, [2, 2]), tf.tensor2d(scoreValues, [2, 2]), alpha, tf.tensor2d(z, [2, 2])).dataSync(),
    );
    expected.forEach((e, i) => expect(out[i]).toBeCloseTo(e, 5));
    // by hand for the first coordinate: 0 + 0.02·4 + 0.2·0.5 = 0.18
    expect(out[0]).toBeCloseTo(0.18, 5);
  });

  it("with that step, many steps reach N(μ, s²) (up to the O(α) bias of the discretisation)", () => {
    const n = 5_000;
    const mu = 1.5;
    const s2 = 0.5;
    const alpha = 0.02;
    const rng = createRandom(9);
    const final = tf.tidy(() => {
      let x = tf.zeros([n, 2]) as Tensor2D;
      for (let k = 0; k < 400; k++) {
        const next = tf.tidy(() => {
          const drift = tf.div(tf.sub(x, mu), -s2) as Tensor2D;
          return langevinStep(x, drift, alpha, tf.tensor2d(fillNormal(rng, new Float32Array(2 * n)), [n, 2]));
        });
        x.dispose();
        x = next;
      }
      return x.dataSync() as Float32Array;
    });
    let sum = 0;
    let squares = 0;
    for (let i = 0; i < final.length; i++) {
      sum += final[i]!;
      squares += final[i]! ** 2;
    }
    const mean = sum / final.length;
    // the exact stationary variance of this linear recursion: s²/(1 − α/(4s²))
    expect(mean).toBeCloseTo(mu, 1);
    expect(squares / final.length - mean ** 2).toBeCloseTo(s2 / (1 - alpha / (4 * s2)), 1);
  });
});

describe("the score model", () => {
  it("keeps the tensor count constant in every view, and reports the noise level in the score view", () => {
    const trainer = new Trainer({ family: score, dataset: "moons", seed: 3, settings: defaults(score.settings) });
    trainer.train(3, 1);
    const views = () => {
      for (const view of score.views) {
        for (const param of [0, 1, 3, 6, 50, 100])
          trainer.view({ view: view.id, n: 30, extent: 4.5, gridSize: 8, param });
      }
    };
    views();
    const warm = tf.memory().numTensors;
    trainer.train(2, 1);
    views();
    expect(tf.memory().numTensors).toBe(warm);
    const frame = trainer.view({ view: "score", n: 30, extent: 4.5, gridSize: 8, param: 6 });
    expect(frame.caption?.zh).toContain("σ = 0.100");
    expect(frame.caption?.en).toContain("σ = 0.100");
    expect(frame.arrows?.origins.length).toBe(128);
    const path = trainer.view({ view: "langevin", n: 30, extent: 4.5, gridSize: 8, param: 0 });
    // 6 levels × 10 steps + the denoising step, each chain drawn over its last 10 steps
    expect(path.caption?.zh).toContain("第 61 / 61 步");
    expect(path.caption?.en).toContain("Step 61 / 61");
    expect(path.paths?.lines[0]?.length).toBe(2 * 11);
    trainer.dispose();
  });
});
