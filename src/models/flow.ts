/**
 * Normalizing flows on 2D points: NICE (Dinh, Krueger & Bengio 2014) and RealNVP (Dinh, Sohl-Dickstein &
 * Bengio 2016). An invertible map f takes a data point x to a latent z = f(x) through coupling layers that
 * alternate which coordinate conditions the other (x₁ moves x₂, then x₂ moves x₁, …), each with a small MLP:
 * - NICE, additive coupling: y₂ = x₂ + m(x₁), log-det 0; then NICE's diagonal scaling layer z = exp(s) ⊙ y,
 *   the only place where volume changes.
 * - RealNVP, affine coupling: y₂ = x₂ ⊙ exp(s(x₁)) + t(x₁), log-det Σ s; s is kept in (−S, S) as S·tanh(·),
 *   as RealNVP bounds its scale with a tanh.
 * Trained by exact maximum likelihood with the change of variables (NICE eq. 3, RealNVP eq. 3):
 * −log p(x) = −log N(f(x); 0, I) − log|det ∂f/∂x|, in nats per point. Samples: x = f⁻¹(z), z ~ N(0, I).
 */
import { tf } from "#tf";
import { tidyRead } from "../lab/tidy-read.ts";
import { concatTensors } from "../lab/concat.ts";
import type { DataSource } from "../lab/data-source.ts";
import { sampleDataset } from "../lab/datasets.ts";
import type { Dataset } from "../lab/own-data.ts";
import { gridPoints } from "../lab/grid.ts";
import { createFlatAdam, type FlatAdam } from "../lab/flat-adam.ts";
import { createMlp, mlpWeights, type Mlp } from "../lab/mlp.ts";
import { createRandom, fillNormal, type Random } from "../lab/random.ts";
import { flowSpec } from "./specs/flow.ts";
import { learningRateAt } from "./specs/lr-decay.ts";
import type { Family, LikelihoodEstimate, Losses, Model, ValuesOf, ViewFrame, ViewRequest } from "./types.ts";
import { fill } from "../i18n/text.ts";

type Tensor2D = import("@tensorflow/tfjs-core").Tensor2D;
type Variable = import("@tensorflow/tfjs-core").Variable;

export const COUPLING_KINDS = ["realnvp", "nice"] as const;
export type CouplingKind = (typeof COUPLING_KINDS)[number];

/** The settings of its table (`specs/flow.ts`), typed by it. */
export type FlowSettings = ValuesOf<typeof flowSpec.settings> & {
  /** Widths of each conditioner's hidden layers. */
  hidden: readonly number[];
  batchSize: number;
};

const HIDDEN = [32, 32] as const;
/** Bound S of RealNVP's log-scale per coupling: each layer stretches or shrinks by at most e^S. */
const MAX_LOG_SCALE = 2;
/** Points of the fixed held-out set whose NLL is the second loss series. */
const HELD_OUT = 1000;
/** The warped grid: lines of z₁ = c and z₂ = c for LINES values of c in [−GRID_REACH, GRID_REACH]. */
const LINES = 13;
const GRID_REACH = 3;
const LINE_POINTS = 121;
const LOG_TWO_PI = Math.log(2 * Math.PI);

/** One coupling layer: `conditioner` reads coordinate `given` and moves the other one. */
interface Coupling {
  conditioner: Mlp;
  given: 0 | 1;
}

/** A batch of points as two columns [n, 1]: the coupling layers move one column at a time. */
type Columns = [Tensor2D, Tensor2D];

function columns(points: Float32Array): Columns {
  const n = points.length / 2;
  const a = new Float32Array(n);
  const b = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    a[i] = points[2 * i]!;
    b[i] = points[2 * i + 1]!;
  }
  return [tf.tensor2d(a, [n, 1]), tf.tensor2d(b, [n, 1])];
}

let instance = 0;

/** A NICE or RealNVP flow; `forward`, `inverse` and `logDensity` are public for the closed-form tests. */
export class FlowModel implements Model {
  private readonly settings: FlowSettings;
  private readonly couplings: Coupling[] = [];
  /** NICE's diagonal scaling layer: log of the scale of each coordinate (absent for RealNVP). */
  private readonly logScale: Variable | null;
  private readonly optimizer: FlatAdam;
  /** Samples draw from their own stream, so drawing them (views, scores) never changes the training run. */
  private readonly sampleNoise: Random;
  private readonly viewNoise: Random;
  private readonly heldOut: Float32Array;
  private readonly viewData: Float32Array;

  constructor(settings: FlowSettings, seed: number, dataset: Dataset) {
    this.settings = settings;
    const root = createRandom(seed);
    this.sampleNoise = root.fork("sample");
    this.viewNoise = root.fork("view");
    this.heldOut = sampleDataset(dataset, HELD_OUT, root.fork("held-out"));
    this.viewData = sampleDataset(dataset, 1000, root.fork("view-data"));
    const outputs = settings.coupling === "nice" ? 1 : 2;
    for (let k = 0; k < settings.layers; k++) {
      const conditioner = createMlp(
        { name: `coupling${k}`, inputs: 1, hidden: settings.hidden, outputs, activation: "relu" },
        root.fork(`coupling${k}`),
      );
      // RealNVP starts from the identity (a zero output layer), so training begins at f(x) = x. NICE cannot: at
      // the identity, on data symmetric in x₂ (8gaussians, …), E[x₂ | x₁] = 0 and a shift m(x₁) has no gradient,
      // so a NICE flow would stay a Gaussian; its random output layer breaks that symmetry.
      if (settings.coupling === "realnvp") {
        tf.tidy(() => conditioner.outputLayer.weight.assign(tf.zerosLike(conditioner.outputLayer.weight)));
      }
      this.couplings.push({ conditioner, given: k % 2 === 0 ? 0 : 1 });
    }
    this.logScale =
      settings.coupling === "nice" ? tf.tidy(() => tf.variable(tf.zeros([2]), true, `flow#${++instance}/scale`)) : null;
    this.optimizer = createFlatAdam(this.variables, { learningRate: settings.learningRate });
  }

  private get variables(): Variable[] {
    const own = this.couplings.flatMap((c) => c.conditioner.variables);
    return this.logScale ? [...own, this.logScale] : own;
  }

  /** The shift and (RealNVP) log-scale a coupling applies to its moving coordinate, from the given one. */
  private shiftAndLogScale(coupling: Coupling, given: Tensor2D): { shift: Tensor2D; logScale: Tensor2D | null } {
    const out = coupling.conditioner.apply(given);
    if (this.settings.coupling === "nice") return { shift: out, logScale: null };
    const [raw, shift] = tf.split(out, 2, 1) as [Tensor2D, Tensor2D];
    return { shift, logScale: tf.mul(tf.tanh(raw), MAX_LOG_SCALE) };
  }

  /** z = f(x) and log|det ∂f/∂x| per point [n, 1]; call inside tf.tidy. */
  private forwardColumns(x: Columns): { z: Columns; logDet: Tensor2D } {
    const z: Columns = [x[0], x[1]];
    let logDet: Tensor2D = tf.zerosLike(x[0]);
    for (const coupling of this.couplings) {
      const moving = coupling.given === 0 ? 1 : 0;
      const { shift, logScale } = this.shiftAndLogScale(coupling, z[coupling.given]);
      if (logScale) {
        z[moving] = tf.add(tf.mul(z[moving], tf.exp(logScale)), shift);
        logDet = tf.add(logDet, logScale);
      } else {
        z[moving] = tf.add(z[moving], shift);
      }
    }
    if (this.logScale) {
      const [s1, s2] = tf.split(this.logScale, 2);
      z[0] = tf.mul(z[0], tf.exp(s1!));
      z[1] = tf.mul(z[1], tf.exp(s2!));
      logDet = tf.add(logDet, tf.sum(this.logScale));
    }
    return { z, logDet };
  }

  /** x = f⁻¹(z): the layers undone in reverse order; call inside tf.tidy. */
  private inverseColumns(z: Columns): Columns {
    const x: Columns = [z[0], z[1]];
    if (this.logScale) {
      const [s1, s2] = tf.split(this.logScale, 2);
      x[0] = tf.mul(x[0], tf.exp(tf.neg(s1!)));
      x[1] = tf.mul(x[1], tf.exp(tf.neg(s2!)));
    }
    for (let k = this.couplings.length - 1; k >= 0; k--) {
      const coupling = this.couplings[k]!;
      const moving = coupling.given === 0 ? 1 : 0;
      const { shift, logScale } = this.shiftAndLogScale(coupling, x[coupling.given]);
      const unshifted: Tensor2D = tf.sub(x[moving], shift);
      x[moving] = logScale ? tf.mul(unshifted, tf.exp(tf.neg(logScale))) : unshifted;
    }
    return x;
  }

  /** −log p(x) per point [n, 1]: ½‖z‖² + log 2π − log|det ∂f/∂x|. */
  private negativeLogLikelihood(x: Columns): Tensor2D {
    const { z, logDet } = this.forwardColumns(x);
    const squared = tf.add(tf.square(z[0]), tf.square(z[1]));
    return tf.sub(tf.add(tf.mul(squared, 0.5), LOG_TWO_PI), logDet);
  }

  private static interleave(c: Columns): Float32Array {
    return tidyRead(() => concatTensors(c, 1).dataSync() as Float32Array).slice();
  }

  /** z = f(x) and log|det ∂f/∂x| for interleaved xy points. */
  forward(points: Float32Array): { z: Float32Array; logDet: Float32Array } {
    return tidyRead(() => {
      const { z, logDet } = this.forwardColumns(columns(points));
      return {
        z: concatTensors(z, 1).dataSync().slice() as Float32Array,
        logDet: logDet.dataSync().slice() as Float32Array,
      };
    });
  }

  /** x = f⁻¹(z) for interleaved xy latents. */
  inverse(latents: Float32Array): Float32Array {
    return tidyRead(() => FlowModel.interleave(this.inverseColumns(columns(latents))));
  }

  /** log p(x) in nats for interleaved xy points. */
  logDensity(points: Float32Array): Float32Array {
    return tidyRead(() => tf.neg(this.negativeLogLikelihood(columns(points))).dataSync() as Float32Array).slice();
  }

  /** The exact mean −log p(x) of the points, by the change of variables (the training objective). */
  logLikelihood(points: Float32Array): LikelihoodEstimate {
    const meanNll = tf.tidy(() => tf.mean(this.negativeLogLikelihood(columns(points))).dataSync()[0]!);
    return { kind: "exact", meanNll };
  }

  trainStep(data: DataSource, read: boolean, step: number): Losses | null {
    this.optimizer.setLearningRate(learningRateAt(this.settings.learningRate, step, this.settings));
    const batch = data.next(this.settings.batchSize);
    const cost = this.optimizer.minimize(() => tf.mean(this.negativeLogLikelihood(columns(batch))));
    if (!read) {
      cost.dispose();
      return null;
    }
    const heldOut = tf.tidy(() => tf.mean(this.negativeLogLikelihood(columns(this.heldOut))).dataSync()[0]!);
    const result = { nll: cost.dataSync()[0]!, heldOut };
    cost.dispose();
    return result;
  }

  private sampleWith(n: number, rng: Random): Float32Array {
    return this.inverse(fillNormal(rng, new Float32Array(2 * n)));
  }

  sample(n: number): Float32Array {
    return this.sampleWith(n, this.sampleNoise);
  }

  view(request: ViewRequest): ViewFrame {
    if (request.view === "grid") {
      const t = Array.from({ length: LINE_POINTS }, (_, j) => -GRID_REACH + (2 * GRID_REACH * j) / (LINE_POINTS - 1));
      const lines: Float32Array[] = [];
      for (let i = 0; i < LINES; i++) {
        const c = -GRID_REACH + (2 * GRID_REACH * i) / (LINES - 1);
        lines.push(new Float32Array(t.flatMap((u) => [c, u])), new Float32Array(t.flatMap((u) => [u, c])));
      }
      const warped = this.inverse(new Float32Array(lines.flatMap((l) => Array.from(l))));
      const size = 2 * LINE_POINTS;
      return {
        paths: {
          lines: lines.map((_, k) => warped.slice(k * size, (k + 1) * size)),
          label: { zh: "z 空间网格线经 f⁻¹", en: "z-space grid lines through f⁻¹" },
          dots: false,
        },
        caption: fill(
          {
            zh: "z 空间 [−{GRID_REACH}, {GRID_REACH}]² 上 {LINES}×{LINES} 条网格线，经逆映射 x = f⁻¹(z) 画到数据空间",
            en: "{LINES}×{LINES} grid lines on [−{GRID_REACH}, {GRID_REACH}]² in z space, drawn into data space by the inverse x = f⁻¹(z)",
          },
          { GRID_REACH, LINES },
        ),
      };
    }
    if (request.view === "latent") {
      const data = this.viewData.subarray(0, 2 * Math.min(request.n, this.viewData.length / 2));
      const { z } = this.forward(data);
      const hues = new Float32Array(data.length / 2);
      for (let i = 0; i < hues.length; i++) {
        hues[i] = (Math.atan2(data[2 * i + 1]!, data[2 * i]!) / (2 * Math.PI) + 1) % 1;
      }
      const circle = (r: number) => {
        const line = new Float32Array(2 * 65);
        for (let j = 0; j <= 64; j++) {
          line[2 * j] = r * Math.cos((2 * Math.PI * j) / 64);
          line[2 * j + 1] = r * Math.sin((2 * Math.PI * j) / 64);
        }
        return line;
      };
      return {
        showData: false,
        colouredPoints: {
          points: z,
          hues,
          label: {
            zh: "数据点的 z = f(x)（颜色：在数据空间中的方位角）",
            en: "The data's z = f(x) (colour: direction in data space)",
          },
        },
        paths: {
          lines: [circle(1), circle(2), circle(3)],
          label: { zh: "N(0, I) 的 1σ、2σ、3σ 圆", en: "N(0, I)'s 1σ, 2σ and 3σ circles" },
          dots: false,
        },
        caption: {
          zh: "训练好时，数据映到潜空间后应像标准高斯",
          en: "Once trained, the data mapped to the latent space should look like a standard Gaussian",
        },
      };
    }
    // The same latents on every redraw, so the points move only as the model learns.
    const samples = this.sampleWith(request.n, createRandom(this.viewNoise.seed));
    const grid = gridPoints(request.extent, request.gridSize);
    const logp = this.logDensity(grid);
    return {
      samples,
      field: {
        values: logp.map(Math.exp),
        gridSize: request.gridSize,
        kind: "sequential",
        label: { zh: "密度 p(x)", en: "Density p(x)" },
      },
    };
  }

  weights(): Record<string, Variable> {
    return Object.assign(
      {},
      ...this.couplings.map((c, k) => mlpWeights(c.conditioner, `coupling${k}`)),
      this.logScale ? { logScale: this.logScale } : {},
    ) as Record<string, Variable>;
  }

  weightsChanged(): void {}

  dispose(): void {
    for (const c of this.couplings) c.conditioner.dispose();
    this.logScale?.dispose();
    this.optimizer.dispose();
  }
}

/** Builds a flow from typed settings (the tests use this to reach `forward`, `inverse` and `logDensity`). */
export function createFlow(settings: FlowSettings, seed: number, dataset: Dataset): FlowModel {
  return new FlowModel(settings, seed, dataset);
}

export const flow: Family<typeof flowSpec.settings> = {
  ...flowSpec,
  create({ settings, seed, dataset }) {
    return createFlow({ ...settings, hidden: HIDDEN, batchSize: flowSpec.batchSize }, seed, dataset);
  },
};
