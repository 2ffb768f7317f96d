/**
 * Flow matching (Lipman et al. 2022, "Flow Matching for Generative Modeling") on 2D points, with the conditional
 * optimal-transport path and σ_min = 0: x₀ ~ N(0, I), x₁ ~ data, t ~ U[0, 1], x_t = (1 − t) x₀ + t x₁.
 * An MLP v_θ(x, t) regresses the conditional velocity x₁ − x₀ (conditional flow matching, eq. 22–23):
 * L = E ‖v_θ(x_t, t) − (x₁ − x₀)‖². Samples: integrate dx/dt = v_θ(x, t) from noise at t = 0 to t = 1
 * with Euler, the midpoint method or Heun's method, in K equal steps.
 */
import { tf } from "#tf";
import { tidyRead } from "../lab/tidy-read.ts";
import type { DataSource } from "../lab/data-source.ts";
import { odeStep, straightPath, straightPathVelocity, type VelocityField } from "../lab/flow-matching-ode.ts";
import { createFlatAdam, type FlatAdam } from "../lab/flat-adam.ts";
import { concatTensors } from "../lab/concat.ts";
import { createMlp, mlpWeights, type Mlp } from "../lab/mlp.ts";
import { createWeightAverage, type WeightAverage } from "../lab/weight-average.ts";
import { createRandom, fillNormal, type Random } from "../lab/random.ts";
import { pointTrails, splitStates } from "../lab/trails.ts";
import { flowMatchingSpec } from "./specs/flow-matching.ts";
import type { Family, Losses, Model, ValuesOf, ViewFrame, ViewRequest } from "./types.ts";
import { fill } from "../i18n/text.ts";

type Variable = import("@tensorflow/tfjs-core").Variable;

type Tensor2D = import("@tensorflow/tfjs-core").Tensor2D;

/** The settings of its table (`specs/flow-matching.ts`), typed by it. */
export type FlowMatchingSettings = ValuesOf<typeof flowMatchingSpec.settings> & {
  hidden: readonly number[];
  batchSize: number;
};

const HIDDEN = [64, 64, 64] as const;
/** How many sample paths the trajectory view draws. */
const TRAJECTORIES = 24;
/** Arrows across the plot in the vector-field view. */
const ARROWS_ACROSS = 21;

/** Positions of n points along the ODE: states[k] holds x at t = k/K, so states[K] are the samples. */
type Chain = Float32Array[];

export class FlowMatchingModel implements Model {
  private readonly settings: FlowMatchingSettings;
  private readonly network: Mlp;
  /** The network that samples and views use: a weight average of the trained one (`average` > 0), or it. */
  private readonly shown: Mlp;
  private readonly average: WeightAverage | null;
  private readonly optimizer: FlatAdam;
  private readonly noise: Random;
  /** Samples draw from their own stream, so drawing them (views, scores) never changes the training run. */
  private readonly sampleNoise: Random;
  private readonly viewNoise: Random;
  private chain: { n: number; states: Chain } | null = null;

  constructor(settings: FlowMatchingSettings, seed: number) {
    this.settings = settings;
    const root = createRandom(seed);
    this.noise = root.fork("noise");
    this.sampleNoise = root.fork("sample");
    this.viewNoise = root.fork("view");
    // Built from the same seeded stream, so the average starts from the trained network's initial weights.
    const makeNetwork = (name: string) =>
      createMlp(
        {
          name,
          // t itself is the third input: in a short sweep it reached the same quality in the same number of steps
          // as a 16-feature sinusoidal embedding of t (Vaswani et al. 2017), so the simpler input stays.
          inputs: 3,
          hidden: settings.hidden,
          outputs: 2,
          activation: "relu",
        },
        root.fork("network"),
      );
    this.network = makeNetwork("velocity");
    this.average =
      settings.average > 0 ? createWeightAverage(this.network, makeNetwork("velocityAverage"), settings.average) : null;
    this.shown = this.average?.network ?? this.network;
    this.optimizer = createFlatAdam(this.network.variables, { learningRate: settings.learningRate });
  }

  /** v_θ(x, t) of `network` for a batch, with one time per point [n, 1]; call inside tf.tidy. */
  private velocityAt(x: Tensor2D, time: Tensor2D, network = this.network): Tensor2D {
    return network.apply(concatTensors([x, time], 1));
  }

  /** v_θ(·, t) at one time t for every point, from the network samples use: the field the ODE solvers integrate. */
  readonly velocity: VelocityField = (x, t) => {
    const n = x.shape[0];
    return this.velocityAt(x, tf.fill([n, 1], t) as Tensor2D, this.shown);
  };

  trainStep(data: DataSource, read: boolean): Losses | null {
    const { batchSize } = this.settings;
    const x1 = data.next(batchSize);
    const x0 = fillNormal(this.noise, new Float32Array(2 * batchSize));
    const t = new Float32Array(batchSize);
    for (let i = 0; i < batchSize; i++) t[i] = this.noise.uniform();
    // The path and its target are cheap in plain numbers; only the network runs as tensors.
    const xt = straightPath(x0, x1, t);
    const target = straightPathVelocity(x0, x1);
    const cost = this.optimizer.minimize(() =>
      tf.mean(
        tf.sum(
          tf.squaredDifference(
            this.velocityAt(tf.tensor2d(xt, [batchSize, 2]), tf.tensor2d(t, [batchSize, 1])),
            tf.tensor2d(target, [batchSize, 2]),
          ),
          1,
        ),
      ),
    );
    this.average?.update();
    this.chain = null;
    const result = read ? { loss: cost.dataSync()[0]! } : null;
    cost.dispose();
    return result;
  }

  /** Integrates n noise points from t = 0 to 1 in K steps, keeping every state (one readback at the end). */
  integrate(start: Float32Array): Chain {
    const { solver, steps } = this.settings;
    const n = start.length / 2;
    const flat = tidyRead(() => {
      let x = tf.tensor2d(start, [n, 2]);
      const states: Tensor2D[] = [x];
      for (let k = 0; k < steps; k++) {
        x = odeStep(solver, this.velocity, x, k / steps, 1 / steps);
        states.push(x);
      }
      return concatTensors(states, 0).dataSync() as Float32Array;
    });
    return splitStates(flat, steps + 1, n);
  }

  sample(n: number): Float32Array {
    return this.integrate(fillNormal(this.sampleNoise, new Float32Array(2 * n))).at(-1)!;
  }

  view(request: ViewRequest): ViewFrame {
    const { steps, solver } = this.settings;
    if (!this.chain || this.chain.n !== request.n) {
      // The same noise on every redraw, so the points move only as the model learns.
      const start = fillNormal(createRandom(this.viewNoise.seed), new Float32Array(2 * request.n));
      this.chain = { n: request.n, states: this.integrate(start) };
    }
    const states = this.chain.states;
    if (request.view === "field") {
      const t = Math.min(1, Math.max(0, request.param ?? 0.5));
      // Samples at t: the stored state at the last whole step before t, then one partial step to t.
      const k = Math.min(steps, Math.floor(t * steps + 1e-9));
      const rest = t - k / steps;
      const cells = ARROWS_ACROSS;
      const origins = new Float32Array(2 * cells * cells);
      for (let r = 0; r < cells; r++) {
        for (let c = 0; c < cells; c++) {
          origins[2 * (r * cells + c)] = -request.extent + ((c + 0.5) * 2 * request.extent) / cells;
          origins[2 * (r * cells + c) + 1] = request.extent - ((r + 0.5) * 2 * request.extent) / cells;
        }
      }
      const [samples, vectors] = tidyRead(() => {
        const state = tf.tensor2d(states[k]!, [request.n, 2]);
        const at = rest > 1e-9 ? odeStep(solver, this.velocity, state, k / steps, rest) : state;
        const field = this.velocity(tf.tensor2d(origins, [cells * cells, 2]), t);
        return [at.dataSync() as Float32Array, field.dataSync() as Float32Array];
      });
      return {
        samples: samples.slice(),
        samplesLabel: fill({ zh: "t = {t} 时的样本", en: "Samples at t = {t}" }, { t: t.toFixed(2) }),
        arrows: {
          origins,
          vectors: vectors.slice(),
          label: fill({ zh: "速度场 v_θ(x, t = {t})", en: "Velocity field v_θ(x, t = {t})" }, { t: t.toFixed(2) }),
        },
        caption: fill(
          {
            zh: "t = {t}：箭头是网络给出的速度，点是噪声按它积分到此刻的位置",
            en: "t = {t}: the arrows are the network's velocity, the dots the noise integrated along it up to now",
          },
          { t: t.toFixed(2) },
        ),
      };
    }
    if (request.view === "trajectories") {
      const remaining = Math.round(Math.min(steps, Math.max(0, request.param ?? 0)));
      const k = steps - remaining;
      const lines = pointTrails(states, Math.min(TRAJECTORIES, request.n), 0, k);
      return {
        samples: states[k]!,
        samplesLabel: fill({ zh: "t = {v} 时的样本", en: "Samples at t = {v}" }, { v: (k / steps).toFixed(2) }),
        paths: { lines, label: { zh: "ODE 轨迹（从 t = 0 的噪声出发）", en: "ODE paths (from the noise at t = 0)" } },
        caption: fill(
          { zh: "t = {v}：第 {k} / {steps} 步", en: "t = {v}: step {k} / {steps}" },
          { v: (k / steps).toFixed(2), k, steps },
        ),
      };
    }
    return { samples: states[steps]! };
  }

  weights(): Record<string, Variable> {
    return {
      ...mlpWeights(this.network, "network"),
      // The average is what samples come from: a model loaded without it would draw from another network.
      ...(this.average ? mlpWeights(this.average.network, "networkAverage") : {}),
    };
  }

  weightsChanged(): void {
    this.chain = null;
  }

  dispose(): void {
    this.network.dispose();
    this.average?.dispose();
    this.optimizer.dispose();
    this.chain = null;
  }
}

/** Builds a flow-matching model from typed settings (the tests use it to reach `velocity` and `integrate`). */
export function createFlowMatching(settings: FlowMatchingSettings, seed: number): FlowMatchingModel {
  return new FlowMatchingModel(settings, seed);
}

export const flowMatching: Family<typeof flowMatchingSpec.settings> = {
  ...flowMatchingSpec,
  create({ settings, seed }) {
    return createFlowMatching({ ...settings, hidden: HIDDEN, batchSize: flowMatchingSpec.batchSize }, seed);
  },
};
