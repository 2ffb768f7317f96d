/** What the page knows of the flow-matching family without loading its model (and tfjs): settings, views, losses. */
import { FAMILY_TITLES } from "../ids.ts";
import { defineFamilySpec } from "../types.ts";
import { smoothFieldReason } from "./hard-datasets.ts";
import { learningRateSetting } from "./learning-rate.ts";
import { networkAverageSetting } from "./weight-average.ts";
import { remainingStepsParam } from "./remaining-steps.ts";

/** Why flow matching misses thin gaps and sharp edges within its budget. */
const SMOOTH_VELOCITY = smoothFieldReason({ zh: "速度场 v_θ(x, t) ", en: "The velocity field v_θ(x, t)" });

export const flowMatchingSpec = defineFamilySpec({
  id: "flow-matching",
  title: FAMILY_TITLES["flow-matching"],
  settings: [
    {
      name: "solver",
      label: { zh: "ODE 求解器", en: "ODE solver" },
      type: "choice",
      choices: [
        {
          value: "heun",
          label: { zh: "Heun（二阶，每步 2 次求值）", en: "Heun (second order, 2 evaluations a step)" },
        },
        {
          value: "midpoint",
          label: { zh: "中点法（二阶，每步 2 次求值）", en: "Midpoint (second order, 2 evaluations a step)" },
        },
        {
          value: "euler",
          label: { zh: "Euler（一阶，每步 1 次求值）", en: "Euler (first order, 1 evaluation a step)" },
        },
      ],
      default: "heun",
    },
    {
      name: "steps",
      label: { zh: "积分步数 K", en: "Integration steps K" },
      type: "integer",
      min: 1,
      max: 100,
      default: 10,
    },
    learningRateSetting(3e-3),
    networkAverageSetting(0.999, { zh: "速度场 v_θ", en: "the velocity v_θ" }),
  ],
  views: [
    { id: "samples", label: { zh: "样本", en: "Samples" } },
    {
      id: "field",
      label: { zh: "速度场 v_θ(x, t)", en: "Velocity field v_θ(x, t)" },
      param: { name: "t", label: { zh: "时间 t", en: "Time t" }, min: 0, max: 1, step: 0.01, default: 0.5 },
    },
    {
      id: "trajectories",
      label: { zh: "从噪声到数据的轨迹", en: "Paths from noise to data" },
      param: remainingStepsParam({ max: 10, maxSetting: "steps" }),
      playable: true,
    },
  ],
  lossSeries: [
    {
      key: "loss",
      label: { zh: "速度回归误差 ‖v_θ − (x₁ − x₀)‖²", en: "Velocity regression error ‖v_θ − (x₁ − x₀)‖²" },
    },
  ],
  batchSize: 512,
  defaultSteps: 4000,
  hardDatasets: { "2spirals": SMOOTH_VELOCITY, checkerboard: SMOOTH_VELOCITY },
});
