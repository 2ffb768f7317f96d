/** What the demo tells the reader once a shipped snapshot is loaded (in both languages). */
import { DEMO_TEXT } from "../i18n/demo-text.ts";
import { fill, joinTexts, type Text } from "../i18n/text.ts";
import type { SettingSpec, SettingValues } from "../models/types.ts";

/** "学习率 = 0.001，层数 = 3": settings by their labels, with their values. */
export function settingsList(specs: readonly SettingSpec[], values: SettingValues): Text {
  const items = specs.map((spec) =>
    fill(DEMO_TEXT.settingValue, { label: spec.label, value: values[spec.name] ?? "" }),
  );
  return joinTexts(items, DEMO_TEXT.listSeparator);
}

/**
 * The message after loading a snapshot trained `step` steps: that training goes on from it or Reset starts again,
 * and, when the demo's settings had to change to the snapshot's, which ones and to what.
 */
export function snapshotAdopted(step: number, changed: readonly SettingSpec[], values: SettingValues): Text {
  const loaded = fill(DEMO_TEXT.snapshot.loaded, { step });
  if (changed.length === 0) return loaded;
  return fill(DEMO_TEXT.snapshot.switched, { loaded, list: settingsList(changed, values) });
}
