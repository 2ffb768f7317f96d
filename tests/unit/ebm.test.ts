/**
 * Energy-based model closed forms (LeCun et al. 2006; Du & Mordatch 2019), each written out here independently
 * of src/models/ebm.ts and src/lab/replay-buffer.ts.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createMlp } from "../../src/lab/mlp.ts";
import { createRandom, fillNormal } from "../../src/lab/random.ts";
import { drawChainStarts, storeChains, uniformPoints } from "../../src/lab/replay-buffer.ts";
import {
  contrastiveDivergenceLoss,
  ebm,
  energyGradient,
  runLangevin,
  transposedWeights,
} from "../../src/models/ebm.ts";
import { defaults } from "../../src/settings/resolve.ts";
import { Trainer } from "../../src/models/trainer.ts";
import { useWasm } from "../support/tf-node.ts";

type Tensor2D = import("@tensorflow/tfjs-core").Tensor2D;

let tf: Awaited<ReturnType<typeof useWasm>>;
beforeAll(async () => {
  tf = await useWasm();
});

describe("the contrastive divergence loss", () => {
  it("is mean E(x⁺) − mean E(x⁻) + α(mean E(x⁺)² + mean E(x⁻)²) on known energies", () => {
    const positive = tf.tensor2d([1, -2, 0.5], [3, 1]);
    const negative = tf.tensor2d([3, 1], [2, 1]);
    // means: −0.5/3 and 2; mean squares: 5.25/3 = 1.75 and 5
    const expected = -0.5 / 3 - 2 + 0.1 * (1.75 + 5);
    const loss = contrastiveDivergenceLoss(positive, negative, 0.1);
    expect(loss.dataSync()[0]).toBeCloseTo(expected, 5);
    tf.dispose([positive, negative, loss]);
  });
});

describe("∇ₓE", () => {
  it("written out by the chain rule, equals tf.grad of the network's own output", () => {
    const net = createMlp(
      { name: "test-energy", inputs: 2, hidden: [16, 8, 12], outputs: 1, activation: "leakyRelu" },
      createRandom(4),
    );
    const points = uniformPoints(50, 4, createRandom(5));
    const [mine, reference] = tf.tidy(() => {
      const x = tf.tensor2d(points, [50, 2]);
      const grad = tf.grad((p) => tf.sum(net.apply(p as Tensor2D)))(x);
      return [energyGradient(net, transposedWeights(net), x).dataSync(), grad.dataSync()];
    });
    for (let i = 0; i < reference.length; i++) expect(mine[i]).toBeCloseTo(reference[i]!, 5);
    net.dispose();
  });
});

describe("Langevin dynamics on the quadratic energy E(x) = ½‖x − μ‖²/s²", () => {
  const mu = [1, -2];
  const s2 = 0.5;
  const gradient = (x: Tensor2D) => tf.div(tf.sub(x, tf.tensor1d(mu)), s2) as Tensor2D;

  it("moves points by −(λ/2)(x − μ)/s² + √λ·η·z with the given noise", () => {
    const start = new Float32Array([0, 0, 3, 1]);
    const [lambda, eta] = [0.02, 0.5];
    const [, end] = runLangevin(start, 1, gradient, lambda, eta, createRandom(7), true);
    const z = fillNormal(createRandom(7), new Float32Array(4));
    start.forEach((x, i) => {
      const expected = x - (lambda / 2) * ((x - mu[i % 2]!) / s2) + Math.sqrt(lambda) * eta * z[i]!;
      expect(end![i]).toBeCloseTo(expected, 5);
    });
    // by hand for the first coordinate: 0 − 0.01·(−2) + √0.02·0.5·z₀
    expect(end![0]).toBeCloseTo(0.02 + Math.sqrt(0.02) * 0.5 * z[0]!, 5);
  });

  it("settles at mean μ and variance η²s²/(1 − λ/(4s²)), the stationary law of this linear recursion", () => {
    const n = 4000;
    const [lambda, eta] = [0.05, 0.5];
    const [end] = runLangevin(new Float32Array(2 * n), 300, gradient, lambda, eta, createRandom(8));
    for (const axis of [0, 1]) {
      let sum = 0;
      let squares = 0;
      for (let i = 0; i < n; i++) {
        sum += end![2 * i + axis]!;
        squares += end![2 * i + axis]! ** 2;
      }
      const mean = sum / n;
      expect(mean).toBeCloseTo(mu[axis]!, 1);
      const variance = squares / n - mean ** 2;
      const expected = (eta * eta * s2) / (1 - lambda / (4 * s2));
      expect(Math.abs(variance - expected)).toBeLessThan(0.08 * expected);
    }
  });
});

describe("the replay buffer", () => {
  it("restarts about 5% of chains from uniform noise and continues the rest from their slots", () => {
    const buffer = new Float32Array(2 * 1000).map((_, i) => 10 + i); // outside the noise square
    const rng = createRandom(11);
    let fresh = 0;
    const draws = 200;
    for (let d = 0; d < draws; d++) {
      const slots = Int32Array.from({ length: 100 }, () => rng.int(1000));
      const result = drawChainStarts(buffer, slots, 0.05, 4.5, rng);
      for (let i = 0; i < 100; i++) {
        const [x, y] = [result.starts[2 * i]!, result.starts[2 * i + 1]!];
        if (result.fresh[i]) {
          fresh++;
          expect(Math.abs(x) <= 4.5 && Math.abs(y) <= 4.5).toBe(true);
        } else {
          expect([x, y]).toEqual([buffer[2 * slots[i]!], buffer[2 * slots[i]! + 1]]);
        }
      }
    }
    // binomial(20 000, 0.05): mean 1000, standard deviation ≈ 31
    expect(Math.abs(fresh - 1000)).toBeLessThan(4 * 31);
  });

  it("stores the chains' new positions back in their slots", () => {
    const buffer = new Float32Array(8);
    storeChains(buffer, Int32Array.from([2, 0]), new Float32Array([1, 2, 3, 4]));
    expect(Array.from(buffer)).toEqual([3, 4, 0, 0, 1, 2, 0, 0]);
  });
});

describe("the energy model", () => {
  it("keeps the tensor count constant in every view, draws its watched chains, and scales the density to 1", () => {
    const trainer = new Trainer({ family: ebm, dataset: "moons", seed: 3, settings: defaults(ebm.settings) });
    trainer.train(3, 1);
    const views = () => {
      for (const view of ebm.views) {
        for (const param of [0, 40, 100]) trainer.view({ view: view.id, n: 30, extent: 4.5, gridSize: 8, param });
      }
    };
    views();
    const warm = tf.memory().numTensors;
    trainer.train(2, 1);
    views();
    trainer.sample(10);
    expect(tf.memory().numTensors).toBe(warm);
    const chains = trainer.view({ view: "chains", n: 30, extent: 4.5, gridSize: 8 });
    expect(chains.paths?.lines.length).toBe(12);
    expect(chains.samples?.length).toBe(60);
    const landscape = trainer.view({ view: "landscape", n: 30, extent: 4.5, gridSize: 8 });
    expect(Math.max(...landscape.field!.values)).toBeCloseTo(1, 6);
    trainer.dispose();
  });
});
