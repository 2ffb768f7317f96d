/** The settings every demo has, whatever its family: the dataset, the seed and the speed (steps per frame). */
import { same } from "../i18n/text.ts";
import { DATASET_NAMES, OWN_DATASET } from "../lab/dataset-names.ts";
import { OWN_TEXT } from "../demo/own-data-messages.ts";
import type { SettingSpec } from "./table.ts";

export const COMMON_SETTINGS = [
  {
    name: "dataset",
    label: { zh: "数据集", en: "Dataset" },
    type: "choice",
    choices: [
      ...DATASET_NAMES.map((name) => ({ value: name, label: same(name) })),
      // The reader's own points (drawn, pasted or from a link), kept in the browser: see src/lab/own-data.ts.
      { value: OWN_DATASET, label: OWN_TEXT.choice },
    ],
    default: "8gaussians",
  },
  { name: "seed", label: { zh: "随机种子", en: "Random seed" }, type: "integer", min: 0, max: 999_999_999, default: 1 },
  {
    name: "speed",
    label: { zh: "每帧训练步数", en: "Training steps per frame" },
    type: "integer",
    min: 1,
    max: 200,
    default: 20,
  },
] as const satisfies readonly SettingSpec[];
