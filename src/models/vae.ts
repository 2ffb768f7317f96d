/**
 * Variational autoencoder (Kingma & Welling 2013, "Auto-Encoding Variational Bayes") on 2D points, with a
 * 2D latent space. The encoder q_φ(z|x) = N(μ_φ(x), diag σ_φ²(x)) is an MLP; the decoder is Gaussian,
 * p_θ(x|z) = N(μ_θ(z), diag σ_θ²(z)), an MLP that gives the mean and, by default, the variance of each point
 * (the paper's Gaussian decoder, its Appendix C.2; `decoderVariance = shared` keeps one learned σ_x per coordinate).
 * Training minimises the negative ELBO (their eq. 10, with the closed-form KL of Appendix B):
 *   L = E_{ε ~ N(0, I)} [−log p_θ(x | μ_φ(x) + σ_φ(x) ⊙ ε)] + β · KL(q_φ(z|x) ‖ N(0, I)),
 * β = 1 being the paper's bound (β ≠ 1 is the β-VAE of Higgins et al. 2017).
 *
 * Why a learned decoder variance: with σ_x fixed, the reconstruction term is a squared error whose weight
 * against the KL is an arbitrary choice (σ_x = 1 makes the KL win and the samples a blur; a tiny σ_x makes
 * the KL negligible). Learned, −log p(x|z) is a proper Gaussian log-likelihood, the bound is a real bound
 * on −log p(x), and σ settles at the spread the decoder's mean cannot explain. Per point, σ_θ(z) can be wide
 * inside a cluster and narrow where the data are thin, so the latent need not spell out where a point lies
 * within its cluster: on 8gaussians (seed 1, 5,000 steps) the bound improves, −ELBO 3.52 → 3.30 nats, and so
 * do the samples, score 0.207 → 0.124. Samples are drawn from the whole model, x ~ p_θ(x|z) with z ~ N(0, I),
 * decoder noise included: that is the distribution the ELBO is a bound for. The "decoder means" view shows μ_θ(z)
 * alone, for comparison.
 */
import { tf } from "#tf";
import { tidyRead } from "../lab/tidy-read.ts";
import { concatTensors } from "../lab/concat.ts";
import type { DataSource } from "../lab/data-source.ts";
import { sampleDataset } from "../lab/datasets.ts";
import type { Dataset } from "../lab/own-data.ts";
import { createFlatAdam, type FlatAdam } from "../lab/flat-adam.ts";
import { createMlp, mlpWeights, type Mlp } from "../lab/mlp.ts";
import { averageInto } from "../lab/weight-average.ts";
import { createRandom, fillNormal, type Random } from "../lab/random.ts";
import { gaussianNegLogLikelihood, klToStandardNormal, reparameterise } from "../lab/vae-math.ts";
import { vaeSpec } from "./specs/vae.ts";
import { learningRateAt } from "./specs/lr-decay.ts";
import type { Family, LikelihoodEstimate, Losses, Model, ValuesOf, ViewFrame, ViewRequest } from "./types.ts";
import { fill, same, type Text } from "../i18n/text.ts";

type Tensor1D = import("@tensorflow/tfjs-core").Tensor1D;
type Tensor2D = import("@tensorflow/tfjs-core").Tensor2D;
type Variable = import("@tensorflow/tfjs-core").Variable;
type Tensor = import("@tensorflow/tfjs-core").Tensor;

const BATCH = vaeSpec.batchSize;
const LATENT = 2;
const HIDDEN = [64, 64, 64];
/** Initial decoder log-variance: σ_x ≈ 0.37, about the scale of the toy datasets' noise, so training starts near it. */
const INITIAL_LOG_VARIANCE = -2;
/**
 * Steps during which the per-point variance σ_θ(z) stays at the shared σ_x while the decoder's mean is fitted, as in
 * Skafte et al. 2019 ("Reliable training and estimation of variance networks"): trained from the first step, the
 * variance head widens to the data's whole spread before the encoder has learnt to use z, the KL falls to 0 and the
 * model is one Gaussian (score 1.01 at 5,000 steps on 8gaussians, seed 1). The objective is the ELBO throughout.
 */
export const VARIANCE_WARMUP = 500;
/**
 * The smallest decoder log-variance, log σ² ≥ −9.2 (σ ≥ 0.01), reached softly: the likelihood of a point decoded
 * exactly grows without bound as σ → 0, so at β = 0 (no KL to stop the encoder) the bound would run to −∞.
 */
export const MIN_LOG_VARIANCE = Math.log(1e-4);
/** How many data points the reconstruction view draws with a line to their reconstruction. */
const RECONSTRUCTIONS = 60;

/** The settings of its table (`specs/vae.ts`), typed by it. */
export type VaeSettings = ValuesOf<typeof vaeSpec.settings>;

class VaeModel implements Model {
  private readonly encoder: Mlp;
  private readonly decoder: Mlp;
  /** log σ_x², one per coordinate: the decoder's variance shared by every z, or the offset of the per-point one. */
  private readonly decoderLogVariance: Variable;
  /** Whether the decoder gives each z its own variance σ_θ²(z) (its last two outputs) besides its mean. */
  private readonly perPoint: boolean;
  /** Steps this model has trained, for the variance warm-up; past it once weights are loaded. */
  private steps = 0;
  private readonly optimizer: FlatAdam;
  /**
   * The decoder that samples, views and the likelihood use: an exponential moving average of the trained one's
   * weights and log σ_x² (`average` > 0), or the trained one itself. Training never reads it.
   */
  private readonly shown: { decoder: Mlp; logVariance: Variable; update: () => void } | null;
  private readonly noise: Random;
  /** Samples draw from their own stream, so drawing them (views, scores) never changes the training run. */
  private readonly sampleNoise: Random;
  private readonly viewNoise: Random;
  private readonly dataset: Dataset;
  /** β, the learning rate and its decay are read from here step by step. */
  private readonly settings: VaeSettings;

  constructor(settings: VaeSettings, seed: number, dataset: Dataset) {
    this.settings = settings;
    this.perPoint = settings.decoderVariance === "per-point";
    this.dataset = dataset;
    const root = createRandom(seed);
    this.noise = root.fork("noise");
    this.sampleNoise = root.fork("sample");
    this.viewNoise = root.fork("view");
    this.encoder = createMlp(
      { name: "encoder", inputs: 2, hidden: HIDDEN, outputs: 2 * LATENT, activation: "relu" },
      root.fork("encoder"),
    );
    const makeDecoder = (name: string) => {
      const decoder = createMlp(
        { name, inputs: LATENT, hidden: HIDDEN, outputs: this.perPoint ? 4 : 2, activation: "relu" },
        root.fork("decoder"),
      );
      // The variance head starts at zero, so σ_θ(z) starts as the shared σ_x and the warm-up's end changes nothing
      // at once.
      if (this.perPoint) zeroColumns(decoder.outputLayer.weight, 2);
      return decoder;
    };
    this.decoder = makeDecoder("decoder");
    this.decoderLogVariance = tf.tidy(() => tf.variable(tf.fill([2], INITIAL_LOG_VARIANCE), true));
    if (settings.average > 0) {
      // Built from the same seeded stream, so the average starts from the trained decoder's initial weights.
      const decoder = makeDecoder("decoderAverage");
      const logVariance = tf.tidy(() => tf.variable(tf.fill([2], INITIAL_LOG_VARIANCE), false));
      const sources = [...this.decoder.variables, this.decoderLogVariance];
      const update = averageInto(sources, [...decoder.variables, logVariance], settings.average);
      this.shown = { decoder, logVariance, update };
    } else {
      this.shown = null;
    }
    this.optimizer = createFlatAdam([...this.encoder.variables, ...this.decoder.variables, this.decoderLogVariance], {
      learningRate: settings.learningRate,
    });
  }

  /** The encoder's mean and log-variance of q(z|x). */
  private encode(x: Tensor2D): { mean: Tensor2D; logVariance: Tensor2D } {
    const out = this.encoder.apply(x);
    return { mean: tf.slice(out, [0, 0], [-1, LATENT]), logVariance: tf.slice(out, [0, LATENT], [-1, LATENT]) };
  }

  /**
   * The decoder's mean μ_θ(z) and log-variance: per point, log σ_θ²(z) = log σ_x² + h_θ(z) kept above
   * MIN_LOG_VARIANCE, or the shared [2] log σ_x². `fitVariance` false holds the variance head (warm-up).
   */
  private decode(z: Tensor2D, fitVariance = true): { mean: Tensor2D; logVariance: Tensor } {
    return this.decodeWith(this.decoder, this.decoderLogVariance, z, fitVariance);
  }

  /** `decode` with the decoder that samples and views use (the weight average, when there is one). */
  private decodeShown(z: Tensor2D): { mean: Tensor2D; logVariance: Tensor } {
    return this.shown ? this.decodeWith(this.shown.decoder, this.shown.logVariance, z, true) : this.decode(z);
  }

  private decodeWith(
    decoder: Mlp,
    sharedLogVariance: Variable,
    z: Tensor2D,
    fitVariance: boolean,
  ): { mean: Tensor2D; logVariance: Tensor } {
    const out = decoder.apply(z);
    if (!this.perPoint) return { mean: out, logVariance: sharedLogVariance };
    const head = tf.slice(out, [0, 2], [-1, 2]);
    // In the warm-up the head is still at its zero start (its gradient is 0 through the product), so × 0 changes nothing.
    const logVariance = perPointLogVariance(sharedLogVariance, fitVariance ? head : tf.mul(head, 0));
    return { mean: tf.slice(out, [0, 0], [-1, 2]), logVariance };
  }

  trainStep(data: DataSource, read: boolean, step: number): Losses | null {
    this.optimizer.setLearningRate(learningRateAt(this.settings.learningRate, step, this.settings));
    this.steps++;
    const fitVariance = this.steps > VARIANCE_WARMUP;
    const batch = data.next(BATCH);
    const epsilon = fillNormal(this.noise, new Float32Array(BATCH * LATENT));
    const kept: { terms?: Tensor1D } = {};
    tf.tidy(() => {
      const x = tf.tensor2d(batch, [BATCH, 2]);
      const e = tf.tensor2d(epsilon, [BATCH, LATENT]);
      this.optimizer.minimize(() => {
        const { mean, logVariance } = this.encode(x);
        const z = reparameterise(mean, logVariance, e);
        const decoded = this.decode(z, fitVariance);
        const reconstruction = tf.mean(gaussianNegLogLikelihood(x, decoded.mean, decoded.logVariance));
        const kl = tf.mean(klToStandardNormal(mean, logVariance));
        // Kept past the optimiser's tidy so the two terms can be read back; disposed below.
        kept.terms = tf.keep(tf.stack([reconstruction, kl]) as Tensor1D);
        return tf.add(reconstruction, tf.mul(kl, this.settings.beta));
      });
    });
    this.shown?.update();
    const values = read ? kept.terms!.dataSync() : null;
    kept.terms!.dispose();
    if (!values) return null;
    return { reconstruction: values[0]!, kl: values[1]!, elbo: values[0]! + values[1]! };
  }

  /**
   * The negative ELBO of the points at β = 1 (whatever β training uses, since that is the bound):
   * E_q[−log p(x|z)] + KL(q(z|x) ‖ N(0, I)) ≥ −log p(x), the expectation estimated with one reparameterised z per
   * point, from the same noise on every call so that the number moves only as the model does.
   */
  logLikelihood(points: Float32Array): LikelihoodEstimate {
    const n = points.length / 2;
    const epsilon = fillNormal(createRandom(this.viewNoise.seed).fork("elbo"), new Float32Array(n * LATENT));
    const meanNll = tf.tidy(() => {
      const x = tf.tensor2d(points, [n, 2]);
      const { mean, logVariance } = this.encode(x);
      const z = reparameterise(mean, logVariance, tf.tensor2d(epsilon, [n, LATENT]));
      const decoded = this.decodeShown(z);
      const reconstruction = gaussianNegLogLikelihood(x, decoded.mean, decoded.logVariance);
      return tf.mean(tf.add(reconstruction, klToStandardNormal(mean, logVariance))).dataSync()[0]!;
    });
    return { kind: "elbo", meanNll };
  }

  /**
   * x ~ p(x|z), z ~ N(0, I); without `noisy`, the decoder's mean μ_θ(z). Also the decoder's standard deviations
   * σ (both coordinates of every point, interleaved) for the caption.
   */
  private generate(n: number, rng: Random, noisy: boolean): { points: Float32Array; sigma: Float32Array } {
    const z = fillNormal(rng, new Float32Array(n * LATENT));
    const noise = noisy ? fillNormal(rng, new Float32Array(n * 2)) : null;
    const [points, sigma] = tidyRead(() => {
      const decoded = this.decodeShown(tf.tensor2d(z, [n, LATENT]));
      const logVariance = tf.add(tf.zeros([n, 2]), decoded.logVariance) as Tensor2D;
      const x = noise ? reparameterise(decoded.mean, logVariance, tf.tensor2d(noise, [n, 2])) : decoded.mean;
      return [x.dataSync() as Float32Array, tf.exp(tf.mul(logVariance, 0.5)).dataSync() as Float32Array];
    });
    return { points: points.slice(), sigma: sigma.slice() };
  }

  sample(n: number): Float32Array {
    return this.generate(n, this.sampleNoise, true).points;
  }

  view(request: ViewRequest): ViewFrame {
    const rng = createRandom(this.viewNoise.seed);
    if (request.view === "samples" || request.view === "means") {
      const noisy = request.view === "samples";
      // The same z (and ε) each time, so the points move only as the model learns.
      const { points: samples, sigma } = this.generate(request.n, rng.fork("samples"), noisy);
      return noisy
        ? { samples, samplesLabel: same("x ~ p(x|z)"), caption: this.sigmaCaption(sigma) }
        : {
            samples,
            samplesLabel: { zh: "解码器均值 μ_θ(z)", en: "Decoder mean μ_θ(z)" },
            caption: {
              zh: "不加解码器噪声：z ~ N(0, I) 的像 μ_θ(z)",
              en: "No decoder noise: the image μ_θ(z) of z ~ N(0, I)",
            },
          };
    }
    const x = sampleDataset(this.dataset, request.view === "latent" ? request.n : RECONSTRUCTIONS, rng.fork("data"));
    const n = x.length / 2;
    const [codes, reconstructions] = tidyRead(() => {
      const { mean } = this.encode(tf.tensor2d(x, [n, 2]));
      const decoded = this.decodeShown(mean).mean;
      return [mean.dataSync() as Float32Array, decoded.dataSync() as Float32Array];
    });
    if (request.view === "latent") {
      const hues = new Float32Array(n);
      for (let i = 0; i < n; i++) {
        const turn = Math.atan2(x[2 * i + 1]!, x[2 * i]!) / (2 * Math.PI);
        const hue = turn < 0 ? turn + 1 : turn;
        hues[i] = Math.fround(hue) < 1 ? hue : 0;
      }
      return {
        showData: false,
        colouredPoints: {
          points: codes.slice(),
          hues,
          label: {
            zh: "编码均值 μ_φ(x)（颜色 = x 绕原点的角度）",
            en: "Encoder means μ_φ(x) (colour = the angle of x about the origin)",
          },
        },
        paths: {
          lines: [circle(1), circle(2)],
          label: { zh: "先验 N(0, I) 的 1σ、2σ 圆", en: "The prior N(0, I)'s 1σ and 2σ circles" },
          dots: false,
        },
        caption: {
          zh: "潜空间：每个数据点编码到 z 平面的位置",
          en: "Latent space: where each data point is encoded in the z plane",
        },
      };
    }
    const lines: Float32Array[] = [];
    for (let i = 0; i < n; i++) {
      lines.push(new Float32Array([x[2 * i]!, x[2 * i + 1]!, reconstructions[2 * i]!, reconstructions[2 * i + 1]!]));
    }
    return {
      paths: { lines, label: { zh: "数据点 → 重建 μ_θ(μ_φ(x))", en: "Data point → reconstruction μ_θ(μ_φ(x))" } },
      caption: {
        zh: "重建：x 编码为 μ_φ(x)，再解码为均值 μ_θ(μ_φ(x))",
        en: "Reconstruction: x encoded as μ_φ(x), then decoded as the mean μ_θ(μ_φ(x))",
      },
    };
  }

  weights(): Record<string, Variable> {
    return {
      ...mlpWeights(this.encoder, "encoder"),
      ...mlpWeights(this.decoder, "decoder"),
      decoderLogVariance: this.decoderLogVariance,
      // The average is what samples come from: a model loaded without it would draw from another decoder.
      ...(this.shown
        ? { ...mlpWeights(this.shown.decoder, "decoderAverage"), decoderAverageLogVariance: this.shown.logVariance }
        : {}),
    };
  }

  /** The samples view's caption: the shared σ_x, or the spread of the per-point σ_θ(z) over the drawn z. */
  private sigmaCaption(sigma: Float32Array): Text {
    if (!this.perPoint) {
      return fill(
        { zh: "解码器标准差 σ_x = ({v})", en: "Decoder standard deviation σ_x = ({v})" },
        { v: `${sigma[0]!.toFixed(2)}, ${sigma[1]!.toFixed(2)}` },
      );
    }
    const sorted = Float32Array.from(sigma).sort();
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(2);
    return fill(
      {
        zh: "解码器标准差 σ_θ(z) 逐点而定：中位数 {median}，10%–90% 分位 {low}–{high}",
        en: "Decoder standard deviation σ_θ(z), per point: median {median}, 10–90% range {low}–{high}",
      },
      { median: at(0.5), low: at(0.1), high: at(0.9) },
    );
  }

  weightsChanged(): void {
    // Loaded weights were trained: their variance head is fitted, so no warm-up holds it back.
    this.steps = Math.max(this.steps, VARIANCE_WARMUP);
  }

  dispose(): void {
    this.encoder.dispose();
    this.decoder.dispose();
    this.decoderLogVariance.dispose();
    this.shown?.decoder.dispose();
    this.shown?.logVariance.dispose();
    this.optimizer.dispose();
  }
}

/**
 * The per-point decoder log-variance from the shared offset log σ_x² ([2]) and the network's head h_θ(z) ([n, 2]):
 * m + softplus(log σ_x² + h − m) with m = MIN_LOG_VARIANCE, i.e. log σ_x² + h wherever that is well above m, and
 * never below m. Call inside tf.tidy.
 */
export function perPointLogVariance(offset: Tensor, head: Tensor): Tensor2D {
  return tf.add(tf.softplus(tf.sub(tf.add(head, offset), MIN_LOG_VARIANCE)), MIN_LOG_VARIANCE) as Tensor2D;
}

/** Sets the last `count` columns of a [fanIn, fanOut] weight to zero. */
function zeroColumns(weight: Variable, count: number): void {
  const [rows, columns] = weight.shape as [number, number];
  tf.tidy(() =>
    weight.assign(concatTensors([tf.slice(weight, [0, 0], [rows, columns - count]), tf.zeros([rows, count])], 1)),
  );
}

/** A circle of the given radius about the origin, as a closed polyline. */
function circle(radius: number, segments = 64): Float32Array {
  const line = new Float32Array(2 * (segments + 1));
  for (let k = 0; k <= segments; k++) {
    const angle = (2 * Math.PI * k) / segments;
    line[2 * k] = radius * Math.cos(angle);
    line[2 * k + 1] = radius * Math.sin(angle);
  }
  return line;
}

export const vae: Family<typeof vaeSpec.settings> = {
  ...vaeSpec,
  create({ settings, seed, dataset }) {
    return new VaeModel(settings, seed, dataset);
  },
};
