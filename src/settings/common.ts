/** The settings every demo has, whatever its family: the dataset, the seed and the speed (steps per frame). */
import { DATASET_NAMES, OWN_DATASET } from "../lab/dataset-names.ts";
import { OWN_TEXT } from "../demo/own-data-text.ts";
import type { SettingSpec } from "./table.ts";

export const COMMON_SETTINGS = [
  {
    name: "dataset",
    label: "数据集",
    type: "choice",
    choices: [
      ...DATASET_NAMES.map((name) => ({ value: name, label: name })),
      // The reader's own points (drawn, pasted or from a link), kept in the browser: see src/lab/own-data.ts.
      { value: OWN_DATASET, label: OWN_TEXT.choice.zh },
    ],
    default: "8gaussians",
  },
  { name: "seed", label: "随机种子", type: "integer", min: 0, max: 999_999_999, default: 1 },
  { name: "speed", label: "每帧训练步数", type: "integer", min: 1, max: 200, default: 20 },
] as const satisfies readonly SettingSpec[];
