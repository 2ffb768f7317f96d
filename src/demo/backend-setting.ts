/** The demo's compute-backend control: a setting of the page, not of a family. */
import { same } from "../i18n/text.ts";
import { BACKEND_NAMES, BACKEND_LABELS } from "../lab/backend-names.ts";
import type { SettingSpec } from "../settings/table.ts";

export const BACKEND_SETTING: SettingSpec = {
  name: "backend",
  label: { zh: "计算后端", en: "Compute backend" },
  type: "choice",
  choices: BACKEND_NAMES.map((name) => ({ value: name, label: same(BACKEND_LABELS[name]) })),
  default: "webgl",
};
