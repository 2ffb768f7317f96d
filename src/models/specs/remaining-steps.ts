/**
 * The slider of a playable sampling view: how many sampling steps are left, 0 (the samples) by default, which the
 * view's ▶ sweeps down to. Either a share of the sampler's steps (`percent`: 0–100 %) or the steps themselves, up
 * to a setting's value (`maxSetting`, with `max` as the slider's range until the setting is read).
 */
import type { ViewSpec } from "../types.ts";

type Param = NonNullable<ViewSpec["param"]>;

export function remainingStepsParam(of: { percent: true } | { max: number; maxSetting: string }): Param {
  const common = { name: "remaining", min: 0, step: 1, default: 0 };
  return "percent" in of
    ? { ...common, label: { zh: "剩余步数 %", en: "Steps left %" }, max: 100 }
    : { ...common, label: { zh: "剩余步数", en: "Steps left" }, max: of.max, maxSetting: of.maxSetting };
}
