/**
 * Settings of a demo, from one table per family plus the settings every demo has. The same table drives
 * the controls, the `data-*` attributes of `<gen-demo>` and the URL parameters; every value from any of
 * them passes through `parseSetting`, which refuses bad input with a message instead of passing it on.
 */
import { BACKEND_NAMES, BACKEND_LABELS } from "../lab/backend-names.ts";
import { DATASET_NAMES } from "../lab/dataset-names.ts";
import type { SettingSpec, SettingValues } from "../models/types.ts";

/** Settings shared by every family. */
export const COMMON_SETTINGS: readonly SettingSpec[] = [
  {
    name: "dataset",
    label: "数据集",
    type: "choice",
    choices: DATASET_NAMES.map((name) => ({ value: name, label: name })),
    default: "8gaussians",
  },
  { name: "seed", label: "随机种子", type: "integer", min: 0, max: 999_999_999, default: 1 },
  { name: "speed", label: "每帧训练步数", type: "integer", min: 1, max: 200, default: 20 },
];

export const BACKEND_SETTING: SettingSpec = {
  name: "backend",
  label: "计算后端",
  type: "choice",
  choices: BACKEND_NAMES.map((name) => ({ value: name, label: BACKEND_LABELS[name] })),
  default: "webgl",
};

export type ParseResult = { ok: true; value: number | string } | { ok: false; message: string };

/** Checks one raw value (from a control, an attribute or the URL) against its spec. */
export function parseSetting(spec: SettingSpec, raw: string): ParseResult {
  const text = raw.trim();
  if (spec.type === "choice") {
    if (spec.choices.some((c) => c.value === text)) return { ok: true, value: text };
    return {
      ok: false,
      message: `“${spec.label}”不能取 “${raw}”，可选：${spec.choices.map((c) => c.value).join("、")}`,
    };
  }
  if (text === "" || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text)) {
    return { ok: false, message: `“${spec.label}”需要一个数字，收到 “${raw}”` };
  }
  const value = Number(text);
  if (spec.type === "integer" && !Number.isInteger(value)) {
    return { ok: false, message: `“${spec.label}”需要一个整数，收到 “${raw}”` };
  }
  if (value < spec.min || value > spec.max) {
    return { ok: false, message: `“${spec.label}”应在 ${spec.min} 到 ${spec.max} 之间，收到 ${raw}` };
  }
  return { ok: true, value };
}

export function defaults(specs: readonly SettingSpec[]): SettingValues {
  return Object.fromEntries(specs.map((s) => [s.name, s.default]));
}

/**
 * Applies raw values (e.g. from attributes, then from the URL) over defaults. Unknown names and bad values
 * are skipped and reported, so one bad parameter never stops the demo.
 */
export function applyRawSettings(
  specs: readonly SettingSpec[],
  base: SettingValues,
  raw: Record<string, string>,
  source: string,
): { values: SettingValues; problems: string[] } {
  const values = { ...base };
  const problems: string[] = [];
  for (const [name, text] of Object.entries(raw)) {
    const spec = specs.find((s) => s.name === name);
    if (!spec) {
      problems.push(`${source}中的未知设置 “${name}”，可用：${specs.map((s) => s.name).join("、")}`);
      continue;
    }
    const parsed = parseSetting(spec, text);
    if (parsed.ok) values[name] = parsed.value;
    else problems.push(`${source}：${parsed.message}`);
  }
  return { values, problems };
}
