/**
 * The Schrödinger bridge between two 2D distributions, trained with minibatch [SF]²M (Tong et al. 2023,
 * "Simulation-free Schrödinger bridges via score and flow matching"). The bridge is the stochastic process from
 * q₀ (the source: noise or a dataset) at t = 0 to q₁ (the dataset) at t = 1 that is closest in KL to σ·Brownian
 * motion. [SF]²M learns it without simulating it:
 *   1. pairs (x₀, x₁) from the entropic OT plan of a minibatch with regularisation 2σ² (the static bridge; see
 *      src/lab/sinkhorn.ts), drawn with Sinkhorn's iterations;
 *   2. t ~ U(0, 1) and x_t ~ N(μ_t, σ_t² I) on the Brownian bridge between them, μ_t = (1 − t) x₀ + t x₁,
 *      σ_t² = σ² t (1 − t) (src/lab/brownian-bridge.ts);
 *   3. one regression on the two conditional targets, the probability-flow velocity u°_t(x | x₀, x₁) and the
 *      score ∇ log p_t(x | x₀, x₁):
 *        L = E ‖v_θ(x_t, t) − u°_t(x_t | x₀, x₁)‖² + λ(t)² ‖s_θ(x_t, t) − ∇ log p_t(x_t | x₀, x₁)‖²,
 *      with λ(t) = σ_t, which turns the score term into ‖σ_t s_θ + ε‖² (x_t = μ_t + σ_t ε): denoising score
 *      matching with the usual weighting (Song et al. 2021, λ ∝ σ_t²), which keeps the target's scale the same at
 *      every t. (TorchCFM, the paper's code, writes λ(t) = 2σ_t/σ² for a network that outputs (σ²/2) s_θ: the
 *      same loss.)
 * One MLP with two heads gives v_θ and r_θ = σ_t s_θ (TorchCFM's 2D example trains two networks): the minimiser
 * of the sum is still each head's conditional expectation, and one network costs half as much to train as two.
 * The flow target's variance grows like 1/t near t = 0 (and 1/(1 − t) near 1), so its loss has spikes.
 * Sampling: the SDE dx = [v_θ + (σ²/2) s_θ] dt + σ dW by Euler–Maruyama, with the drift taken at the middle of each
 * step (s_θ = r_θ/σ_t is infinite at t = 0 and 1), or the probability-flow ODE dx = v_θ dt by Heun's method; both
 * from fresh source points at t = 0 to t = 1, in K equal steps. As σ → 0 the SDE's noise and score term vanish,
 * the plan becomes the OT assignment and u° becomes x₁ − x₀: flow matching with OT pairs.
 */
import { tf } from "#tf";
import { tidyRead } from "../lab/tidy-read.ts";
import { concatTensors } from "../lab/concat.ts";
import { bridgeFlowTarget, bridgeScore, bridgeStd, sampleBridge } from "../lab/brownian-bridge.ts";
import type { DataSource } from "../lab/data-source.ts";
import type { Dataset } from "../lab/own-data.ts";
import { sampleDataset } from "../lab/datasets.ts";
import { createFlatAdam, type FlatAdam } from "../lab/flat-adam.ts";
import { odeStep } from "../lab/flow-matching-ode.ts";
import { createMlp, mlpWeights, type Mlp } from "../lab/mlp.ts";
import { createWeightAverage, type WeightAverage } from "../lab/weight-average.ts";
import { createRandom, fillNormal, type Random } from "../lab/random.ts";
import {
  meanRowPerplexity,
  samplePlanPairs,
  sinkhorn,
  squaredEuclideanCost,
  type SinkhornPlan,
} from "../lab/sinkhorn.ts";
import { pointTrails, splitStates } from "../lab/trails.ts";
import { schrodingerBridgeSpec, type BridgeSampler, type BridgeSource } from "./specs/schrodinger-bridge.ts";
import type { Family, Losses, Model, ValuesOf, ViewFrame, ViewRequest } from "./types.ts";
import { fill } from "../i18n/text.ts";

type Variable = import("@tensorflow/tfjs-core").Variable;

type Tensor2D = import("@tensorflow/tfjs-core").Tensor2D;
type Tensor1D = import("@tensorflow/tfjs-core").Tensor1D;

/** The settings of its table (`specs/schrodinger-bridge.ts`), typed by it, and what the model adds. */
export type SchrodingerBridgeSettings = ValuesOf<typeof schrodingerBridgeSpec.settings> & {
  hidden: readonly number[];
  batchSize: number;
  /** The target dataset, for the plan view's batch (training batches come from the trainer's data stream). */
  dataset: Dataset;
};

const HIDDEN = [64, 64, 64] as const;
/**
 * Sinkhorn: at most this many iterations, or until at most 0.5% of the mass is misplaced. At the default σ = 0.5
 * (ε = 0.5) a batch of 128 converges in about 21 iterations (about 2–3 ms in Node); at σ = 0.05 it takes all 100
 * (about 8 ms) and leaves about 2% of the mass misplaced.
 */
const SINKHORN_ITERATIONS = 100;
const SINKHORN_TOLERANCE = 5e-3;
const TRAJECTORIES = 24;
const ARROWS_ACROSS = 21;
/** The plan view's batch: as many points as a training batch, since the plan's blur depends on the batch size. */
const PLAN_POINTS = schrodingerBridgeSpec.batchSize;

/** Positions of n points along a sampler: states[k] holds x at t = k/K. */
type Chain = Float32Array[];

/** Draws n source points from `rng`: standard normal noise or a dataset. */
export function sampleSource(source: BridgeSource, n: number, rng: Random): Float32Array {
  return source === "gaussian" ? fillNormal(rng, new Float32Array(2 * n)) : sampleDataset(source, n, rng);
}

/** t ~ U(0, 1): the generator's [0, 1) shifted by half its resolution, so t is never 0 (where σ_t = 0). */
function openUniform(rng: Random): number {
  return rng.uniform() + 2 ** -33;
}

export class SchrodingerBridgeModel implements Model {
  readonly settings: SchrodingerBridgeSettings;
  private readonly network: Mlp;
  /** The network that samples and views use: a weight average of the trained one (`average` > 0), or it. */
  private readonly shown: Mlp;
  private readonly average: WeightAverage | null;
  private readonly optimizer: FlatAdam;
  /** The source's own stream: source points never come from the target's. */
  private readonly sourceStream: Random;
  /** Pairs from the plan, t and ε. */
  private readonly noise: Random;
  private readonly sampleNoise: Random;
  private readonly viewSeed: number;
  private readonly planSeed: number;
  private chains: Partial<Record<BridgeSampler, { n: number; states: Chain }>> = {};
  private planFrame: ViewFrame | null = null;
  /** Sinkhorn iterations of the last training step. */
  lastIterations = 0;

  constructor(settings: SchrodingerBridgeSettings, seed: number) {
    this.settings = { ...settings };
    const root = createRandom(seed);
    this.sourceStream = root.fork("source");
    this.noise = root.fork("noise");
    this.sampleNoise = root.fork("sample");
    this.viewSeed = root.fork("view").seed;
    this.planSeed = root.fork("plan").seed;
    // Built from the same seeded stream, so the average starts from the trained network's initial weights.
    const makeNetwork = (name: string) =>
      createMlp({ name, inputs: 3, hidden: settings.hidden, outputs: 4, activation: "relu" }, root.fork("network"));
    this.network = makeNetwork("bridge");
    this.average =
      settings.average > 0 ? createWeightAverage(this.network, makeNetwork("bridgeAverage"), settings.average) : null;
    this.shown = this.average?.network ?? this.network;
    this.optimizer = createFlatAdam(this.network.variables, { learningRate: settings.learningRate });
  }

  /**
   * [v_θ, r_θ] of `network` at (x, t), one time per point: columns 0–1 the velocity, 2–3 the scaled score σ_t s_θ.
   * Training reads the trained network; sampling and views the one they show (the weight average, if any).
   */
  private heads(x: Tensor2D, time: Tensor2D, network = this.network): Tensor2D {
    return network.apply(concatTensors([x, time], 1));
  }

  /** v_θ(x, t) at one time for every point: the probability-flow ODE's velocity. Call inside tf.tidy. */
  readonly velocity = (x: Tensor2D, t: number): Tensor2D =>
    tf.slice(this.heads(x, tf.fill([x.shape[0], 1], t) as Tensor2D, this.shown), [0, 0], [-1, 2]);

  /** The SDE's drift v_θ + (σ²/2) s_θ = v_θ + σ²/(2σ_t) · r_θ at one time 0 < t < 1. Call inside tf.tidy. */
  readonly drift = (x: Tensor2D, t: number): Tensor2D => {
    const out = this.heads(x, tf.fill([x.shape[0], 1], t) as Tensor2D, this.shown);
    const { sigma } = this.settings;
    const scoreWeight = (sigma * sigma) / (2 * bridgeStd(sigma, t));
    return tf.add(tf.slice(out, [0, 0], [-1, 2]), tf.mul(tf.slice(out, [0, 2], [-1, 2]), scoreWeight));
  };

  /** The minibatch coupling: x₀ from the source, x₁ from the data, paired by the entropic plan (ε = 2σ²). */
  pairs(x0: Float32Array, x1: Float32Array, rng: Random): { x0: Float32Array; x1: Float32Array; plan: SinkhornPlan } {
    const n = x0.length / 2;
    const m = x1.length / 2;
    const { sigma } = this.settings;
    const plan = sinkhorn(squaredEuclideanCost(x0, x1), n, m, {
      epsilon: 2 * sigma * sigma,
      maxIterations: SINKHORN_ITERATIONS,
      tolerance: SINKHORN_TOLERANCE,
    });
    const partners = samplePlanPairs(plan, rng);
    const paired = new Float32Array(2 * n);
    for (let i = 0; i < n; i++) paired.set(x1.subarray(2 * partners[i]!, 2 * partners[i]! + 2), 2 * i);
    return { x0, x1: paired, plan };
  }

  trainStep(data: DataSource, read: boolean): Losses | null {
    const { batchSize, sigma, source } = this.settings;
    const coupled = this.pairs(sampleSource(source, batchSize, this.sourceStream), data.next(batchSize), this.noise);
    this.lastIterations = coupled.plan.iterations;
    const { x0, x1 } = coupled;
    const t = new Float32Array(batchSize);
    for (let i = 0; i < batchSize; i++) t[i] = openUniform(this.noise);
    const epsilon = fillNormal(this.noise, new Float32Array(2 * batchSize));
    const xt = sampleBridge(x0, x1, t, sigma, epsilon);
    const flowTarget = bridgeFlowTarget(xt, x0, x1, t);
    // λ(t)·∇log p_t(x | x₀, x₁) with λ(t) = σ_t: the target of the scaled-score head (it equals −ε).
    const scoreTarget = bridgeScore(xt, x0, x1, t, sigma).map((value, i) => value * bridgeStd(sigma, t[i >> 1]!));
    const kept: { terms?: Tensor1D } = {};
    tf.tidy(() => {
      const input = tf.tensor2d(xt, [batchSize, 2]);
      const time = tf.tensor2d(t, [batchSize, 1]);
      const u = tf.tensor2d(flowTarget, [batchSize, 2]);
      const score = tf.tensor2d(scoreTarget, [batchSize, 2]);
      this.optimizer.minimize(() => {
        const out = this.heads(input, time);
        const flow = tf.mean(tf.sum(tf.squaredDifference(tf.slice(out, [0, 0], [-1, 2]), u), 1));
        const scoreLoss = tf.mean(tf.sum(tf.squaredDifference(tf.slice(out, [0, 2], [-1, 2]), score), 1));
        // Kept past the optimiser's tidy so the two terms can be read back; disposed below.
        kept.terms = tf.keep(tf.stack([flow, scoreLoss]) as Tensor1D);
        return tf.add(flow, scoreLoss);
      });
    });
    this.average?.update();
    this.chains = {};
    const values = read ? kept.terms!.dataSync() : null;
    kept.terms!.dispose();
    return values ? { flow: values[0]!, score: values[1]! } : null;
  }

  /**
   * Carries `start` (points at t = 0) to t = 1 in K steps with the chosen sampler, keeping every state (one
   * readback at the end). The SDE draws its noise from `rng`.
   */
  integrate(start: Float32Array, sampler: BridgeSampler, rng: Random): Chain {
    const { steps, sigma } = this.settings;
    const n = start.length / 2;
    const h = 1 / steps;
    const noise = sampler === "sde" ? fillNormal(rng, new Float32Array(2 * n * steps)) : null;
    const flat = tidyRead(() => {
      let x = tf.tensor2d(start, [n, 2]);
      const states: Tensor2D[] = [x];
      for (let k = 0; k < steps; k++) {
        if (noise) {
          const z = tf.tensor2d(noise.subarray(2 * n * k, 2 * n * (k + 1)), [n, 2]);
          // Euler–Maruyama: x + h·b(x, t + h/2) + σ√h·z.
          x = tf.add(tf.add(x, tf.mul(this.drift(x, (k + 0.5) * h), h)), tf.mul(z, sigma * Math.sqrt(h)));
        } else {
          x = odeStep("heun", this.velocity, x, k * h, h);
        }
        states.push(x);
      }
      return concatTensors(states, 0).dataSync() as Float32Array;
    });
    return splitStates(flat, steps + 1, n);
  }

  sample(n: number): Float32Array {
    const { source, sampler } = this.settings;
    return this.integrate(sampleSource(source, n, this.sampleNoise), sampler, this.sampleNoise).at(-1)!;
  }

  /** The chain the views draw: the same source points and the same noise on every redraw. */
  private chain(sampler: BridgeSampler, n: number): Chain {
    const cached = this.chains[sampler];
    if (cached && cached.n === n) return cached.states;
    const rng = createRandom(this.viewSeed);
    const start = sampleSource(this.settings.source, n, rng);
    const states = this.integrate(start, sampler, rng);
    this.chains[sampler] = { n, states };
    return states;
  }

  view(request: ViewRequest): ViewFrame {
    const { steps, sampler, source } = this.settings;
    if (request.view === "marginals") {
      const points = sampleSource(source, request.n, createRandom(this.viewSeed));
      return {
        colouredPoints: {
          points,
          hues: hueByAngle(points),
          label: { zh: "源分布 q₀（t = 0，按方位着色）", en: "Source q₀ (t = 0, coloured by direction)" },
        },
        showData: true,
        caption: {
          zh: "桥要把彩色的源分布运到蓝色的目标分布（t = 1，即所选数据集）",
          en: "The bridge carries the coloured source to the blue target (t = 1, the chosen dataset)",
        },
      };
    }
    if (request.view === "plan") return this.plan();
    if (request.view === "sde" || request.view === "ode") {
      const states = this.chain(request.view, request.n);
      const remaining = Math.round(Math.min(steps, Math.max(0, request.param ?? 0)));
      const k = steps - remaining;
      return {
        samples: states[k]!,
        samplesLabel: fill({ zh: "t = {v} 时的样本", en: "Samples at t = {v}" }, { v: (k / steps).toFixed(2) }),
        paths: {
          lines: pointTrails(states, Math.min(TRAJECTORIES, request.n), 0, k),
          label:
            request.view === "sde"
              ? { zh: "SDE 轨迹（从源分布出发）", en: "SDE paths (from the source)" }
              : { zh: "概率流 ODE 轨迹（从源分布出发）", en: "Probability-flow ODE paths (from the source)" },
        },
        caption: fill(
          { zh: "t = {v}：第 {k} / {steps} 步", en: "t = {v}: step {k} / {steps}" },
          { v: (k / steps).toFixed(2), k, steps },
        ),
      };
    }
    const states = this.chain(sampler, request.n);
    if (request.view === "field") {
      const t = Math.min(1, Math.max(0, request.param ?? 0.5));
      const k = Math.round(t * steps);
      // The SDE's score term is infinite at t = 0 and 1: the arrows are taken half a step inside.
      const at = Math.min(1 - 0.5 / steps, Math.max(0.5 / steps, t));
      const cells = ARROWS_ACROSS;
      const origins = new Float32Array(2 * cells * cells);
      for (let r = 0; r < cells; r++) {
        for (let c = 0; c < cells; c++) {
          origins[2 * (r * cells + c)] = -request.extent + ((c + 0.5) * 2 * request.extent) / cells;
          origins[2 * (r * cells + c) + 1] = request.extent - ((r + 0.5) * 2 * request.extent) / cells;
        }
      }
      const vectors = tidyRead(() => {
        const grid = tf.tensor2d(origins, [cells * cells, 2]);
        const field = sampler === "sde" ? this.drift(grid, at) : this.velocity(grid, t);
        return field.dataSync() as Float32Array;
      });
      const label =
        sampler === "sde"
          ? { zh: "SDE 漂移 v_θ + (σ²/2) s_θ", en: "SDE drift v_θ + (σ²/2) s_θ" }
          : { zh: "概率流速度 v_θ", en: "Probability-flow velocity v_θ" };
      return {
        samples: states[k]!,
        samplesLabel: fill({ zh: "t = {v} 时的样本", en: "Samples at t = {v}" }, { v: (k / steps).toFixed(2) }),
        arrows: {
          origins,
          vectors: vectors.slice(),
          label: fill({ zh: "{label}（t = {t}）", en: "{label} (t = {t})" }, { label, t: t.toFixed(2) }),
        },
        caption: fill(
          {
            zh: "t = {t}：箭头是所选采样方式的漂移，点是源分布按它走到第 {k} / {steps} 步的位置",
            en: "t = {t}: the arrows are the chosen sampler's drift, the dots the source carried along it to step {k} / {steps}",
          },
          { t: t.toFixed(2), k, steps },
        ),
      };
    }
    return { samples: states[steps]! };
  }

  /** One batch of source and target points and the pairs the plan gives them (it depends on σ, not on θ). */
  private plan(): ViewFrame {
    if (this.planFrame) return this.planFrame;
    const { source, dataset, sigma } = this.settings;
    const rng = createRandom(this.planSeed);
    const x0 = sampleSource(source, PLAN_POINTS, rng.fork("source"));
    const x1 = sampleDataset(dataset, PLAN_POINTS, rng.fork("target"));
    const { x1: partners, plan } = this.pairs(x0, x1, rng.fork("pairs"));
    const lines: Float32Array[] = [];
    for (let i = 0; i < PLAN_POINTS; i++) {
      lines.push(new Float32Array([x0[2 * i]!, x0[2 * i + 1]!, partners[2 * i]!, partners[2 * i + 1]!]));
    }
    // Both ends of a pair in the same colour: the source point's, by its direction from the batch's centre.
    const points = new Float32Array(4 * PLAN_POINTS);
    points.set(x0);
    points.set(partners, 2 * PLAN_POINTS);
    const hues = hueByAngle(x0);
    this.planFrame = {
      colouredPoints: {
        points,
        hues: Float32Array.from({ length: 2 * PLAN_POINTS }, (_, i) => hues[i % PLAN_POINTS]!),
        label: fill(
          {
            zh: "一批 {PLAN_POINTS} 个源点 x₀ 与各自抽到的目标点 x₁（同色）",
            en: "A batch of {PLAN_POINTS} source points x₀ and the target x₁ each drew (same colour)",
          },
          { PLAN_POINTS },
        ),
      },
      showData: false,
      paths: {
        lines,
        label: fill(
          {
            zh: "按熵正则 OT 计划（ε = 2σ² = {v}）抽的配对",
            en: "Pairs drawn from the entropic OT plan (ε = 2σ² = {v})",
          },
          { v: (2 * sigma * sigma).toFixed(3) },
        ),
        dots: false,
      },
      caption: fill(
        {
          zh: "σ = {sigma}：每个 x₀ 从计划的那一行里抽一个 x₁，平均约有 {choices} 个可能的对象（共 {n} 个）；σ 越小，配对越接近一一对应的最优传输",
          en: "σ = {sigma}: each x₀ draws one x₁ from its row of the plan, from about {choices} likely partners on average (of {n}); the smaller σ, the closer the pairing to one-to-one optimal transport",
        },
        { sigma, choices: meanRowPerplexity(plan).toFixed(1), n: PLAN_POINTS },
      ),
    };
    return this.planFrame;
  }

  weights(): Record<string, Variable> {
    return {
      ...mlpWeights(this.network, "network"),
      // The average is what samples come from: a model loaded without it would draw from another network.
      ...(this.average ? mlpWeights(this.average.network, "networkAverage") : {}),
    };
  }

  weightsChanged(): void {
    this.chains = {};
  }

  dispose(): void {
    this.network.dispose();
    this.average?.dispose();
    this.optimizer.dispose();
    this.chains = {};
  }
}

/** Colours points by their angle around their mean, so a source point can be followed by its colour. */
function hueByAngle(points: Float32Array): Float32Array {
  const n = points.length / 2;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < n; i++) {
    cx += points[2 * i]! / n;
    cy += points[2 * i + 1]! / n;
  }
  const hues = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    hues[i] = (Math.atan2(points[2 * i + 1]! - cy, points[2 * i]! - cx) / (2 * Math.PI) + 1) % 1;
  }
  return hues;
}

/** Builds a bridge from typed settings (the tests use it to reach `velocity`, `drift`, `integrate` and `pairs`). */
export function createSchrodingerBridge(settings: SchrodingerBridgeSettings, seed: number): SchrodingerBridgeModel {
  return new SchrodingerBridgeModel(settings, seed);
}

export const schrodingerBridge: Family<typeof schrodingerBridgeSpec.settings> = {
  ...schrodingerBridgeSpec,
  create({ settings, seed, dataset }) {
    const extra = { hidden: HIDDEN, batchSize: schrodingerBridgeSpec.batchSize, dataset };
    return createSchrodingerBridge({ ...settings, ...extra }, seed);
  },
};
