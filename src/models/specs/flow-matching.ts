/** What the page knows of the flow-matching family without loading its model (and tfjs): settings, views, losses. */
import { FAMILY_TITLES } from "../ids.ts";
import { defineFamilySpec } from "../types.ts";
import { learningRateSetting } from "./learning-rate.ts";

export const flowMatchingSpec = defineFamilySpec({
  id: "flow-matching",
  title: FAMILY_TITLES["flow-matching"],
  settings: [
    {
      name: "solver",
      label: "ODE 求解器",
      type: "choice",
      choices: [
        { value: "heun", label: "Heun（二阶，每步 2 次求值）" },
        { value: "midpoint", label: "中点法（二阶，每步 2 次求值）" },
        { value: "euler", label: "Euler（一阶，每步 1 次求值）" },
      ],
      default: "heun",
    },
    { name: "steps", label: "积分步数 K", type: "integer", min: 1, max: 100, default: 10 },
    learningRateSetting(3e-3),
  ],
  views: [
    { id: "samples", label: "样本" },
    {
      id: "field",
      label: "速度场 v_θ(x, t)",
      param: { name: "t", label: "时间 t", min: 0, max: 1, step: 0.01, default: 0.5 },
    },
    {
      id: "trajectories",
      label: "从噪声到数据的轨迹",
      param: { name: "remaining", label: "剩余步数", min: 0, max: 10, step: 1, default: 0, maxSetting: "steps" },
      playable: true,
    },
  ],
  lossSeries: [{ key: "loss", label: "速度回归误差 ‖v_θ − (x₁ − x₀)‖²" }],
  batchSize: 512,
  defaultSteps: 4000,
});
