/** What the demo tells the reader once a shipped snapshot is loaded (in the article's language). */
import type { SettingSpec, SettingValues } from "../models/types.ts";

/**
 * The message after loading a snapshot trained `step` steps: that training goes on from it or Reset starts again,
 * and, when the demo's settings had to change to the snapshot's, which ones and to what.
 */
export function snapshotAdopted(step: number, changed: readonly SettingSpec[], values: SettingValues): string {
  const loaded = `已载入训练好的模型（训练了 ${step} 步）：点击“训练”接着训练，“重置”则从头训练。`;
  if (changed.length === 0) return loaded;
  const list = changed.map((spec) => `${spec.label} = ${values[spec.name]}`).join("，");
  return `${loaded}演示的设置已改为这个模型训练时所用的：${list}。`;
}
