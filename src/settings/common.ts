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
    help: {
      zh: "按每秒 60 帧计：浏览器画得慢时照样按时间补足步数；训练线程每次最多连续训练约 0.1 秒，算得不够快时以它的实际速度为准",
      en: "Counted at 60 frames a second: a browser that draws fewer frames still gets the steps for the time passed; the worker trains at most about 0.1 s at a time, and a slower model goes at the speed it can",
    },
  },
] as const satisfies readonly SettingSpec[];
