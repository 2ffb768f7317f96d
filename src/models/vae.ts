/**
 * Variational autoencoder (Kingma & Welling 2013, "Auto-Encoding Variational Bayes") on 2D points, with a
 * 2D latent space. The encoder q_φ(z|x) = N(μ_φ(x), diag σ_φ²(x)) is an MLP; the decoder is Gaussian,
 * p_θ(x|z) = N(μ_θ(z), diag σ_x²), with an MLP for the mean and one learned log-variance per coordinate.
 * Training minimises the negative ELBO (their eq. 10, with the closed-form KL of Appendix B):
 *   L = E_{ε ~ N(0, I)} [−log p_θ(x | μ_φ(x) + σ_φ(x) ⊙ ε)] + β · KL(q_φ(z|x) ‖ N(0, I)),
 * β = 1 being the paper's bound (β ≠ 1 is the β-VAE of Higgins et al. 2017).
 *
 * Why a learned decoder variance: with σ_x fixed, the reconstruction term is a squared error whose weight
 * against the KL is an arbitrary choice (σ_x = 1 makes the KL win and the samples a blur; a tiny σ_x makes
 * the KL negligible). Learned, −log p(x|z) is a proper Gaussian log-likelihood, the bound is a real bound
 * on −log p(x), and σ_x settles at the spread the decoder's mean cannot explain. Samples are therefore drawn
 * from the whole model, x ~ p_θ(x|z) with z ~ N(0, I), decoder noise included: that is the distribution
 * the ELBO is a bound for. The "decoder means" view shows μ_θ(z) alone, for comparison.
 */
import { tf } from "#tf";
import type { DataSource } from "../lab/data-source.ts";
import { sampleDataset } from "../lab/datasets.ts";
import type { Dataset } from "../lab/own-data.ts";
import { createFlatAdam, type FlatAdam } from "../lab/flat-adam.ts";
import { createMlp, mlpWeights, type Mlp } from "../lab/mlp.ts";
import { createRandom, fillNormal, type Random } from "../lab/random.ts";
import { gaussianNegLogLikelihood, klToStandardNormal, reparameterise } from "../lab/vae-math.ts";
import { vaeSpec } from "./specs/vae.ts";
import type { Family, LikelihoodEstimate, Losses, Model, ValuesOf, ViewFrame, ViewRequest } from "./types.ts";
import { fill, same } from "../i18n/text.ts";

type Tensor1D = import("@tensorflow/tfjs-core").Tensor1D;
type Tensor2D = import("@tensorflow/tfjs-core").Tensor2D;
type Variable = import("@tensorflow/tfjs-core").Variable;

const BATCH = vaeSpec.batchSize;
const LATENT = 2;
const HIDDEN = [64, 64, 64];
/** Initial decoder log-variance: σ_x ≈ 0.37, about the scale of the toy datasets' noise, so training starts near it. */
const INITIAL_LOG_VARIANCE = -2;
/** How many data points the reconstruction view draws with a line to their reconstruction. */
const RECONSTRUCTIONS = 60;

/** The settings of its table (`specs/vae.ts`), typed by it. */
export type VaeSettings = ValuesOf<typeof vaeSpec.settings>;

class VaeModel implements Model {
  private readonly encoder: Mlp;
  private readonly decoder: Mlp;
  /** log σ_x², one per coordinate: the decoder's variance, shared by every z. */
  private readonly decoderLogVariance: Variable;
  private readonly optimizer: FlatAdam;
  private readonly noise: Random;
  /** Samples draw from their own stream, so drawing them (views, scores) never changes the training run. */
  private readonly sampleNoise: Random;
  private readonly viewNoise: Random;
  private readonly dataset: Dataset;
  private readonly beta: number;

  constructor(settings: VaeSettings, seed: number, dataset: Dataset) {
    this.beta = settings.beta;
    this.dataset = dataset;
    const root = createRandom(seed);
    this.noise = root.fork("noise");
    this.sampleNoise = root.fork("sample");
    this.viewNoise = root.fork("view");
    this.encoder = createMlp(
      { name: "encoder", inputs: 2, hidden: HIDDEN, outputs: 2 * LATENT, activation: "relu" },
      root.fork("encoder"),
    );
    this.decoder = createMlp(
      { name: "decoder", inputs: LATENT, hidden: HIDDEN, outputs: 2, activation: "relu" },
      root.fork("decoder"),
    );
    this.decoderLogVariance = tf.tidy(() => tf.variable(tf.fill([2], INITIAL_LOG_VARIANCE), true));
    this.optimizer = createFlatAdam([...this.encoder.variables, ...this.decoder.variables, this.decoderLogVariance], {
      learningRate: settings.learningRate,
    });
  }

  /** The encoder's mean and log-variance of q(z|x). */
  private encode(x: Tensor2D): { mean: Tensor2D; logVariance: Tensor2D } {
    const out = this.encoder.apply(x);
    return { mean: tf.slice(out, [0, 0], [-1, LATENT]), logVariance: tf.slice(out, [0, LATENT], [-1, LATENT]) };
  }

  trainStep(data: DataSource, read: boolean): Losses | null {
    const batch = data.next(BATCH);
    const epsilon = fillNormal(this.noise, new Float32Array(BATCH * LATENT));
    const kept: { terms?: Tensor1D } = {};
    tf.tidy(() => {
      const x = tf.tensor2d(batch, [BATCH, 2]);
      const e = tf.tensor2d(epsilon, [BATCH, LATENT]);
      this.optimizer.minimize(() => {
        const { mean, logVariance } = this.encode(x);
        const z = reparameterise(mean, logVariance, e);
        const reconstruction = tf.mean(gaussianNegLogLikelihood(x, this.decoder.apply(z), this.decoderLogVariance));
        const kl = tf.mean(klToStandardNormal(mean, logVariance));
        // Kept past the optimiser's tidy so the two terms can be read back; disposed below.
        kept.terms = tf.keep(tf.stack([reconstruction, kl]) as Tensor1D);
        return tf.add(reconstruction, tf.mul(kl, this.beta));
      });
    });
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
      const reconstruction = gaussianNegLogLikelihood(x, this.decoder.apply(z), this.decoderLogVariance);
      return tf.mean(tf.add(reconstruction, klToStandardNormal(mean, logVariance))).dataSync()[0]!;
    });
    return { kind: "elbo", meanNll };
  }

  /** x ~ p(x|z), z ~ N(0, I); without `noisy`, the decoder's mean μ_θ(z). */
  private generate(n: number, rng: Random, noisy: boolean): Float32Array {
    const z = fillNormal(rng, new Float32Array(n * LATENT));
    const noise = noisy ? fillNormal(rng, new Float32Array(n * 2)) : null;
    return tf
      .tidy(() => {
        const mean = this.decoder.apply(tf.tensor2d(z, [n, LATENT]));
        const logVariance = tf.tile(tf.reshape(this.decoderLogVariance, [1, 2]), [n, 1]) as Tensor2D;
        const x = noise ? reparameterise(mean, logVariance, tf.tensor2d(noise, [n, 2])) : mean;
        return x.dataSync() as Float32Array;
      })
      .slice();
  }

  sample(n: number): Float32Array {
    return this.generate(n, this.sampleNoise, true);
  }

  view(request: ViewRequest): ViewFrame {
    const rng = createRandom(this.viewNoise.seed);
    if (request.view === "samples" || request.view === "means") {
      const noisy = request.view === "samples";
      // The same z (and ε) each time, so the points move only as the model learns.
      const samples = this.generate(request.n, rng.fork("samples"), noisy);
      const sigma = Array.from(this.decoderLogVariance.dataSync(), (v) => Math.exp(v / 2).toFixed(2));
      return noisy
        ? {
            samples,
            samplesLabel: same("x ~ p(x|z)"),
            caption: fill(
              { zh: "解码器标准差 σ_x = ({v})", en: "Decoder standard deviation σ_x = ({v})" },
              { v: sigma.join(", ") },
            ),
          }
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
    const [codes, reconstructions] = tf.tidy(() => {
      const { mean } = this.encode(tf.tensor2d(x, [n, 2]));
      const decoded = this.decoder.apply(mean);
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
    };
  }

  weightsChanged(): void {}

  dispose(): void {
    this.encoder.dispose();
    this.decoder.dispose();
    this.decoderLogVariance.dispose();
    this.optimizer.dispose();
  }
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
