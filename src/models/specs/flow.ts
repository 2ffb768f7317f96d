/** What the page knows of the normalizing-flow family without loading its model (and tfjs): settings, views, losses. */
import { FAMILY_TITLES } from "../ids.ts";
import { defineFamilySpec } from "../types.ts";
import { learningRateSetting } from "./learning-rate.ts";

export const flowSpec = defineFamilySpec({
  id: "flow",
  title: FAMILY_TITLES.flow,
  settings: [
    {
      name: "coupling",
      label: "耦合层类型",
      type: "choice",
      choices: [
        { value: "realnvp", label: "仿射耦合（RealNVP，Dinh 2016）" },
        { value: "nice", label: "加性耦合 + 对角缩放（NICE，Dinh 2014）" },
      ],
      default: "realnvp",
    },
    { name: "layers", label: "耦合层数", type: "integer", min: 2, max: 16, default: 8 },
    learningRateSetting(3e-3),
  ],
  views: [
    { id: "density", label: "精确密度 p(x) + 样本" },
    { id: "grid", label: "高斯网格经 f⁻¹ 的变形" },
    { id: "latent", label: "数据映到潜空间 z = f(x)" },
  ],
  lossSeries: [
    { key: "nll", label: "训练批 NLL（nats）" },
    { key: "heldOut", label: "留出集 NLL（nats）" },
  ],
  batchSize: 512,
  defaultSteps: 2000,
});
