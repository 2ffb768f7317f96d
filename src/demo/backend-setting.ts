/** The demo's compute-backend control: a setting of the page, not of a family. */
import { BACKEND_NAMES, BACKEND_LABELS } from "../lab/backend-names.ts";
import type { SettingSpec } from "../settings/table.ts";

export const BACKEND_SETTING: SettingSpec = {
  name: "backend",
  label: "计算后端",
  type: "choice",
  choices: BACKEND_NAMES.map((name) => ({ value: name, label: BACKEND_LABELS[name] })),
  default: "webgl",
};
