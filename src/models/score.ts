/**
 * Score matching with a noise-conditional score network (NCSN; Song & Ermon 2019, "Generative Modeling by
 * Estimating Gradients of the Data Distribution"). An MLP s_θ(x, σ) learns ∇ₓ log p_σ(x) of the data blurred
 * by N(0, σ²I), for a geometric ladder σ_1 > … > σ_L, by denoising score matching (eq. 5–6 with λ(σ) = σ²):
 *   L = ½ E_{i, x, z} σ_i² ‖s_θ(x + σ_i z, σ_i) + z/σ_i‖².
 * Samples come from annealed Langevin dynamics (Algorithm 1), optionally followed by one denoising step
 * x + σ_L² s_θ(x, σ_L) (Tweedie's formula; Song & Ermon 2020, "Improved Techniques", Appendix C.2).
 * Also from Song & Ermon 2020: the output is divided by σ (s_θ = net/σ, technique 3) and sampling uses an
 * exponential moving average of the weights (technique 5).
 */
import { tf } from "#tf";
import { tidyRead } from "../lab/tidy-read.ts";
import { averageInto } from "../lab/weight-average.ts";
import { concatTensors } from "../lab/concat.ts";
import type { DataSource } from "../lab/data-source.ts";
import { sampleDataset } from "../lab/datasets.ts";
import type { Dataset } from "../lab/own-data.ts";
import { gridPoints } from "../lab/grid.ts";
import {
  annealedStepSizes,
  denoisingScoreTarget,
  geometricNoiseLevels,
  langevinStep,
  perturbData,
} from "../lab/langevin.ts";
import { createFlatAdam, type FlatAdam } from "../lab/flat-adam.ts";
import { createMlp, mlpWeights, type Mlp, type MlpSpec } from "../lab/mlp.ts";
import { createRandom, fillNormal, type Random } from "../lab/random.ts";
import { pointTrails, splitStates } from "../lab/trails.ts";
import { scoreSpec } from "./specs/score.ts";
import type { Family, Losses, Model, ValuesOf, ViewFrame, ViewRequest } from "./types.ts";
import { fill } from "../i18n/text.ts";

type Variable = import("@tensorflow/tfjs-core").Variable;

type Tensor2D = import("@tensorflow/tfjs-core").Tensor2D;
type Scalar = import("@tensorflow/tfjs-core").Scalar;

const BATCH = scoreSpec.batchSize;
/** Decay of the moving average of the weights used for sampling (0.999 in the paper, for far longer runs). */
const EMA_DECAY = 0.98;
/**
 * Rough variance of the toy data: the network sees x/√(σ² + this), so its input stays near unit scale at every
 * level (the input scaling c_in of Karras et al. 2022).
 */
const DATA_VARIANCE = 4;
/** How many Langevin chains the trajectory view draws, and the most arrows across the score view. */
const TRAJECTORIES = 16;
const ARROW_GRID = 20;

/** The settings of its table (`specs/score.ts`), typed by it, with the final denoising step as a flag. */
export type ScoreSettings = Omit<ValuesOf<typeof scoreSpec.settings>, "denoise"> & { denoise: boolean };

/**
 * The denoising score matching loss (Song & Ermon 2019, eq. 6 with λ(σ) = σ²): ½ mean_n σ_n² ‖s_n − t_n‖²,
 * for scores s, targets t = −(x̃ − x)/σ² and noise levels σ, one row per point.
 */
export function denoisingScoreMatchingLoss(score: Tensor2D, target: Tensor2D, sigmas: Tensor2D): Scalar {
  return tf.tidy(() => tf.mul(0.5, tf.mean(tf.sum(tf.square(tf.mul(tf.sub(score, target), sigmas)), 1))));
}

/** Positions of n chains: states[k] after k Langevin steps (the last one after the denoising step, if any). */
type Chain = Float32Array[];

class ScoreModel implements Model {
  private readonly network: Mlp;
  /** The moving average of `network`'s weights, used to sample and draw. */
  private readonly average: Mlp;
  /** One step of that average (with the warm-up every family's weight average has, ../lab/weight-average.ts). */
  private readonly updateAverage: () => void;
  private readonly optimizer: FlatAdam;
  private readonly settings: ScoreSettings;
  private readonly sigmas: Float64Array;
  private readonly stepSizes: Float64Array;
  private readonly noise: Random;
  private readonly sampleNoise: Random;
  private readonly viewNoise: Random;
  private readonly dataset: Dataset;
  private chain: { n: number; states: Chain } | null = null;

  constructor(settings: ScoreSettings, seed: number, dataset: Dataset) {
    this.settings = settings;
    this.dataset = dataset;
    const root = createRandom(seed);
    this.noise = root.fork("noise");
    this.sampleNoise = root.fork("sample");
    this.viewNoise = root.fork("view");
    // A reversed pair of ends still gives a valid ladder.
    const high = Math.max(settings.sigmaMax, settings.sigmaMin);
    const low = Math.min(settings.sigmaMax, settings.sigmaMin);
    this.sigmas = geometricNoiseLevels(settings.levels, high, low);
    this.stepSizes = annealedStepSizes(this.sigmas, settings.stepRatio * low * low);
    const spec: MlpSpec = { name: "score", inputs: 3, hidden: [64, 64, 64], outputs: 2, activation: "relu" };
    // The same seed for both: the average starts as the network.
    this.network = createMlp(spec, root.fork("network"));
    this.average = createMlp({ ...spec, name: "score-average" }, root.fork("network"));
    this.optimizer = createFlatAdam(this.network.variables, { learningRate: settings.learningRate });
    this.updateAverage = averageInto(this.network.variables, this.average.variables, EMA_DECAY);
  }

  /** The noise level as an input in [−1, 1]: log σ rescaled over the ladder. */
  private levelInput(sigma: number): number {
    const top = Math.log(this.sigmas[0]!);
    const bottom = Math.log(this.sigmas[this.sigmas.length - 1]!);
    return top === bottom ? 0 : (2 * (Math.log(sigma) - bottom)) / (top - bottom) - 1;
  }

  /** s_θ(x, σ) = net(x/√(σ² + v), c(σ))/σ for a batch with one σ per row ([n, 1]). */
  private score(net: Mlp, x: Tensor2D, sigmas: Tensor2D, levelInputs: Tensor2D): Tensor2D {
    const scaled = tf.div<Tensor2D>(x, tf.sqrt(tf.add(tf.square(sigmas), DATA_VARIANCE)));
    return tf.div<Tensor2D>(net.apply(concatTensors([scaled, levelInputs], 1)), sigmas);
  }

  /**
   * The averaged network's score at one noise level (index i = 0…L−1) for every row of x: the same function as
   * `score`, with σ a number, so the level's input enters the first layer once rather than once per point.
   */
  private scoreAt(x: Tensor2D, level: number): Tensor2D {
    const sigma = this.sigmas[level]!;
    const scaled = tf.mul<Tensor2D>(x, 1 / Math.sqrt(sigma * sigma + DATA_VARIANCE));
    const row = this.average.conditioning(tf.tensor2d([[this.levelInput(sigma)]]), 2);
    return tf.div<Tensor2D>(this.average.applyConditioned(scaled, row), sigma);
  }

  trainStep(data: DataSource, read: boolean): Losses | null {
    const clean = data.next(BATCH);
    const sigmas = new Float32Array(BATCH);
    const levelInputs = new Float32Array(BATCH);
    for (let i = 0; i < BATCH; i++) {
      sigmas[i] = this.sigmas[this.noise.int(this.sigmas.length)]!;
      levelInputs[i] = this.levelInput(sigmas[i]!);
    }
    const z = fillNormal(this.noise, new Float32Array(BATCH * 2));
    const noisy = perturbData(clean, z, sigmas);
    const target = denoisingScoreTarget(noisy, clean, sigmas);
    const cost = tf.tidy(() => {
      const x = tf.tensor2d(noisy, [BATCH, 2]);
      const s = tf.tensor2d(sigmas, [BATCH, 1]);
      const c = tf.tensor2d(levelInputs, [BATCH, 1]);
      const t = tf.tensor2d(target, [BATCH, 2]);
      const loss = this.optimizer.minimize(() => denoisingScoreMatchingLoss(this.score(this.network, x, s, c), t, s));
      this.updateAverage();
      return loss;
    });
    this.chain = null;
    const result = read ? { loss: cost.dataSync()[0]! } : null;
    cost.dispose();
    return result;
  }

  /**
   * Annealed Langevin dynamics (Algorithm 1) from N(0, σ_1²I): for each level i, T steps of
   * x ← x + (α_i/2) s_θ(x, σ_i) + √α_i z, then the optional denoising step. Keeps every state when `keep`.
   */
  private langevin(n: number, rng: Random, keep: boolean): Chain {
    const { stepsPerLevel, denoise } = this.settings;
    const start = fillNormal(rng, new Float32Array(n * 2)).map((v) => v * this.sigmas[0]!);
    return tidyRead(() => {
      let x = tf.tensor2d(start, [n, 2]);
      const states: Tensor2D[] = [x];
      const advance = (next: Tensor2D) => {
        if (keep) states.push(next);
        else x.dispose();
        x = next;
      };
      for (let level = 0; level < this.sigmas.length; level++) {
        for (let t = 0; t < stepsPerLevel; t++) {
          const z = fillNormal(rng, new Float32Array(n * 2));
          advance(
            tf.tidy(() => langevinStep(x, this.scoreAt(x, level), this.stepSizes[level]!, tf.tensor2d(z, [n, 2]))),
          );
        }
      }
      if (denoise) {
        const last = this.sigmas.length - 1;
        advance(tf.tidy(() => tf.add(x, tf.mul(this.scoreAt(x, last), this.sigmas[last]! ** 2))));
      }
      const flat = concatTensors(keep ? states : [x], 0).dataSync() as Float32Array;
      const count = keep ? states.length : 1;
      return splitStates(flat, count, n);
    });
  }

  sample(n: number): Float32Array {
    return this.langevin(n, this.sampleNoise, false)[0]!;
  }

  view(request: ViewRequest): ViewFrame {
    const L = this.sigmas.length;
    if (request.view === "score") {
      const level = Math.round(Math.min(L, Math.max(1, request.param ?? 1))) - 1;
      const sigma = this.sigmas[level]!;
      const origins = gridPoints(request.extent, Math.min(request.gridSize, ARROW_GRID));
      // σ² s_θ(x, σ) is Tweedie's step from x to E[clean | x]: in data units, so the arrows stay readable.
      const vectors = tidyRead(() => {
        const x = tf.tensor2d(origins, [origins.length / 2, 2]);
        return tf.mul(this.scoreAt(x, level), sigma * sigma).dataSync() as Float32Array;
      });
      const rng = createRandom(this.viewNoise.seed).fork("noised");
      const clean = sampleDataset(this.dataset, request.n, rng);
      const noisy = perturbData(
        clean,
        fillNormal(rng, new Float32Array(clean.length)),
        new Float32Array(request.n).fill(sigma),
      );
      return {
        samples: noisy,
        samplesLabel: fill({ zh: "加噪数据 x + σ{v}z", en: "Noised data x + σ{v}z" }, { v: subscript(level + 1) }),
        arrows: {
          origins,
          vectors: vectors.slice(),
          label: { zh: "σ² s_θ(x, σ)：指向去噪均值", en: "σ² s_θ(x, σ): points to the denoised mean" },
        },
        caption: fill(
          { zh: "噪声级 i = {v} / {L}，σ = {sigma}", en: "Noise level i = {v} / {L}, σ = {sigma}" },
          { v: level + 1, L, sigma: sigma.toPrecision(3) },
        ),
      };
    }
    if (!this.chain || this.chain.n !== request.n) {
      this.chain = { n: request.n, states: this.langevin(request.n, createRandom(this.viewNoise.seed), true) };
    }
    const states = this.chain.states;
    if (request.view !== "langevin") return { samples: states.at(-1)! };
    // The slider counts what is left to run, so "play" (max → 0) runs the sampler forwards.
    const total = states.length - 1;
    const remaining = Math.min(100, Math.max(0, request.param ?? 0));
    const k = Math.round(total * (1 - remaining / 100));
    // Each chain's trail over its last T steps (one noise level): whole paths are a tangle of the early, long jumps.
    const T = this.settings.stepsPerLevel;
    const first = Math.max(0, k - T);
    const lines = pointTrails(states, Math.min(TRAJECTORIES, request.n), first, k);
    const level = Math.min(L, Math.max(1, Math.ceil(k / T)));
    const stage =
      k > L * T
        ? { zh: "最后一步去噪", en: "final denoising step" }
        : fill(
            { zh: "噪声级 {level} / {L}，σ = {v}", en: "noise level {level} / {L}, σ = {v}" },
            { level, L, v: this.sigmas[level - 1]!.toPrecision(3) },
          );
    return {
      samples: states[k]!,
      paths: { lines, label: fill({ zh: "朗之万链最近 {T} 步", en: "The Langevin chains' last {T} steps" }, { T }) },
      caption: fill({ zh: "第 {k} / {total} 步，{stage}", en: "Step {k} / {total}, {stage}" }, { k, total, stage }),
    };
  }

  weights(): Record<string, Variable> {
    return { ...mlpWeights(this.network, "network"), ...mlpWeights(this.average, "average") };
  }

  weightsChanged(): void {
    this.chain = null;
  }

  dispose(): void {
    this.network.dispose();
    this.average.dispose();
    this.optimizer.dispose();
    this.chain = null;
  }
}

function subscript(i: number): string {
  return String(i).replace(/\d/g, (d) => "₀₁₂₃₄₅₆₇₈₉"[Number(d)]!);
}

export const score: Family<typeof scoreSpec.settings> = {
  ...scoreSpec,
  create({ settings, seed, dataset }) {
    return new ScoreModel({ ...settings, denoise: settings.denoise === "on" }, seed, dataset);
  },
};
