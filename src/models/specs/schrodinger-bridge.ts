/** What the page knows of the Schrödinger-bridge ([SF]²M) family without loading its model (and tfjs). */
import { DATASET_NAMES } from "../../lab/dataset-names.ts";
import { FAMILY_TITLES } from "../ids.ts";
import { fill } from "../../i18n/text.ts";
import { defineFamilySpec } from "../types.ts";
import { smoothFieldReason } from "./hard-datasets.ts";
import { learningRateSetting } from "./learning-rate.ts";
import { networkAverageSetting } from "./weight-average.ts";
import { remainingStepsParam } from "./remaining-steps.ts";

/** Where the bridge starts: standard normal noise, or any of the datasets. */
/** Why the bridge misses thin gaps and sharp edges within its budget. */
const SMOOTH_DRIFT = smoothFieldReason({
  zh: "漂移 u_θ(x, t)（和分数 s_θ）",
  en: "The drift u_θ(x, t) (and the score s_θ)",
});

export const BRIDGE_SOURCES = ["gaussian", ...DATASET_NAMES] as const;
export type BridgeSource = (typeof BRIDGE_SOURCES)[number];

export const BRIDGE_SAMPLERS = ["sde", "ode"] as const;
export type BridgeSampler = (typeof BRIDGE_SAMPLERS)[number];

export const schrodingerBridgeSpec = defineFamilySpec({
  id: "schrodinger-bridge",
  title: FAMILY_TITLES["schrodinger-bridge"],
  settings: [
    {
      name: "source",
      label: { zh: "源分布（t = 0）", en: "Source distribution (t = 0)" },
      type: "choice",
      choices: BRIDGE_SOURCES.map((value) => ({
        value,
        label:
          value === "gaussian"
            ? { zh: "标准高斯噪声 N(0, I)", en: "Standard Gaussian noise N(0, I)" }
            : fill({ zh: "数据集 {value}", en: "Dataset {value}" }, { value }),
      })),
      default: "gaussian",
      help: {
        zh: "桥从这个分布出发；目标分布（t = 1）是上面的“数据集”",
        en: "The bridge starts from this distribution; the target (t = 1) is the “Dataset” above",
      },
    },
    {
      name: "sigma",
      label: { zh: "扩散系数 σ", en: "Diffusion coefficient σ" },
      type: "number",
      min: 0.05,
      max: 2,
      step: 0.01,
      default: 0.5,
      log: true,
      help: {
        zh: "参考过程是 σ·布朗运动，Sinkhorn 的熵正则 ε = 2σ²；σ → 0 时桥退化成最优传输的直线",
        en: "The reference process is σ·Brownian motion, Sinkhorn's entropic regulariser ε = 2σ²; as σ → 0 the bridge becomes optimal transport's straight lines",
      },
    },
    {
      name: "sampler",
      label: { zh: "采样方式", en: "Sampler" },
      type: "choice",
      choices: [
        {
          value: "sde",
          label: {
            zh: "SDE：dx = [v_θ + (σ²/2) s_θ] dt + σ dW（Euler–Maruyama）",
            en: "SDE: dx = [v_θ + (σ²/2) s_θ] dt + σ dW (Euler–Maruyama)",
          },
        },
        {
          value: "ode",
          label: { zh: "概率流 ODE：dx = v_θ dt（Heun）", en: "Probability-flow ODE: dx = v_θ dt (Heun)" },
        },
      ],
      default: "sde",
    },
    {
      name: "steps",
      label: { zh: "积分步数 K", en: "Integration steps K" },
      type: "integer",
      min: 1,
      max: 200,
      default: 20,
      help: {
        zh: "SDE 每步求值网络 1 次，ODE（Heun）每步 2 次；训练 3000 步后 K = 20 与 50、100 的质量分数相差无几",
        en: "The SDE evaluates the network once a step, the ODE (Heun) twice; after 3,000 training steps K = 20 scores about as well as 50 or 100",
      },
    },
    learningRateSetting(5e-3, {
      help: {
        zh: "默认 5e-3：比 3e-3 少约五分之一步数达到可辨认（moons 上 700 步对 900 步，种子 1–3 的中位数）",
        en: "5e-3 by default: recognisable in about a fifth fewer steps than at 3e-3 (moons 700 against 900, median of seeds 1–3)",
      },
    }),
    networkAverageSetting(0.999, { zh: "漂移 v_θ 与分数 s_θ", en: "the drift v_θ and the score s_θ" }),
  ],
  views: [
    { id: "samples", label: { zh: "样本", en: "Samples" } },
    { id: "marginals", label: { zh: "源分布与目标分布", en: "Source and target" } },
    { id: "plan", label: { zh: "Sinkhorn 配对（一批）", en: "Sinkhorn pairing (one batch)" } },
    {
      id: "sde",
      label: { zh: "随机轨迹（SDE）", en: "Random paths (SDE)" },
      param: remainingStepsParam({ max: 20, maxSetting: "steps" }),
      playable: true,
    },
    {
      id: "ode",
      label: { zh: "概率流 ODE 轨迹", en: "Probability-flow ODE paths" },
      param: remainingStepsParam({ max: 20, maxSetting: "steps" }),
      playable: true,
    },
    {
      id: "field",
      label: { zh: "漂移场", en: "Drift field" },
      param: { name: "t", label: { zh: "时间 t", en: "Time t" }, min: 0, max: 1, step: 0.01, default: 0.5 },
    },
  ],
  lossSeries: [
    { key: "flow", label: { zh: "流回归误差 ‖v_θ − u°_t‖²", en: "Flow regression error ‖v_θ − u°_t‖²" } },
    {
      key: "score",
      label: { zh: "分数回归误差 λ(t)²‖s_θ − ∇log p_t‖²", en: "Score regression error λ(t)²‖s_θ − ∇log p_t‖²" },
    },
  ],
  // Sinkhorn costs O(B²) per step: a batch of 256 gave no better a score after 3000 steps (8gaussians 0.063, moons
  // 0.066) than 128 (0.051, 0.058) at half the steps per second.
  batchSize: 128,
  defaultSteps: 3000,
  hardDatasets: { "2spirals": SMOOTH_DRIFT, checkerboard: SMOOTH_DRIFT },
});
