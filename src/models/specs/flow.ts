/** What the page knows of the normalizing-flow family without loading its model (and tfjs): settings, views, losses. */
import { FAMILY_TITLES } from "../ids.ts";
import { defineFamilySpec } from "../types.ts";
import { learningRateSetting } from "./learning-rate.ts";

/** Why the flow leaves a haze between parts of the data that do not touch (a flow cannot change the topology). */
const ONE_PIECE = {
  zh: "流是可逆的连续变换，把一团连通的高斯变成数据：它改不了拓扑，不能把这团高斯真正切成互不相连的几块，只能把块与块之间的密度压得很薄。螺旋臂之间、方块之间的缝隙因此总留着一层薄雾；8 个耦合层在默认训练量内还压得不够薄。",
  en: "A flow is an invertible, continuous map from one connected Gaussian to the data: it cannot change the topology, so it cannot truly cut that Gaussian into pieces that do not touch, only thin out the density between them. A haze therefore stays in the gaps between arms or squares, and 8 coupling layers within the default budget do not thin it enough.",
};

export const flowSpec = defineFamilySpec({
  id: "flow",
  title: FAMILY_TITLES.flow,
  settings: [
    {
      name: "coupling",
      label: { zh: "耦合层类型", en: "Coupling layer" },
      type: "choice",
      choices: [
        {
          value: "realnvp",
          label: { zh: "仿射耦合（RealNVP，Dinh 2016）", en: "Affine coupling (RealNVP, Dinh 2016)" },
        },
        {
          value: "nice",
          label: {
            zh: "加性耦合 + 对角缩放（NICE，Dinh 2014）",
            en: "Additive coupling + diagonal scaling (NICE, Dinh 2014)",
          },
        },
      ],
      default: "realnvp",
    },
    { name: "layers", label: { zh: "耦合层数", en: "Coupling layers" }, type: "integer", min: 2, max: 16, default: 8 },
    learningRateSetting(3e-3),
  ],
  views: [
    { id: "density", label: { zh: "精确密度 p(x) + 样本", en: "Exact density p(x) + samples" } },
    { id: "grid", label: { zh: "高斯网格经 f⁻¹ 的变形", en: "A Gaussian grid warped by f⁻¹" } },
    { id: "latent", label: { zh: "数据映到潜空间 z = f(x)", en: "Data mapped to the latent space z = f(x)" } },
  ],
  lossSeries: [
    { key: "nll", label: { zh: "训练批 NLL（nats）", en: "Training batch NLL (nats)" } },
    { key: "heldOut", label: { zh: "留出集 NLL（nats）", en: "Held-out NLL (nats)" } },
  ],
  batchSize: 512,
  defaultSteps: 2000,
  hardDatasets: { "2spirals": ONE_PIECE },
});
