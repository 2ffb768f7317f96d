/**
 * A settings table: what each setting of a family is (a number, a whole number or a choice), its range and its
 * default, stated once. The same table drives the controls, the `data-*` attributes of `<gen-demo>`, the URL, the
 * CLI's `--set` and the worker; `ValuesOf` gives, by type inference, the typed values the family's `create` gets.
 */

/** Setting values as they travel (attributes, URL, worker messages): by name, before `readSettings` types them. */
import type { Text } from "../i18n/text.ts";

export type SettingValues = Record<string, number | string>;

export interface NumberSetting<N extends string = string> {
  name: N;
  label: Text;
  type: "number";
  min: number;
  max: number;
  step: number;
  default: number;
  /** Shown and entered on a log scale (learning rates). */
  log?: boolean;
  help?: Text;
}

export interface IntegerSetting<N extends string = string> {
  name: N;
  label: Text;
  type: "integer";
  min: number;
  max: number;
  default: number;
  help?: Text;
}

/**
 * One value of a choice. `presets`: values it gives other settings of the table (e.g. a loss brings its paper's
 * learning rates) wherever they are not set explicitly; see `resolveSettings` in ./resolve.ts.
 */
export interface Choice<V extends string = string> {
  value: V;
  label: Text;
  presets?: Readonly<SettingValues>;
}

export interface ChoiceSetting<N extends string = string, V extends string = string> {
  name: N;
  label: Text;
  type: "choice";
  choices: readonly Choice<V>[];
  default: NoInfer<V>;
  help?: Text;
}

/** One setting of a family: drives its control, its `data-*` attribute and its URL parameter. */
export type SettingSpec = NumberSetting | IntegerSetting | ChoiceSetting;

/** The value a setting takes: one of a choice's values, or a number. */
export type ValueOf<S> = S extends { type: "choice"; choices: readonly { value: infer V }[] } ? V : number;

/** The typed values of a table, by name: `{ loss: "nonsaturating" | "wgan" | …; learningRate: number; … }`. */
export type ValuesOf<T extends readonly SettingSpec[]> = { [S in T[number] as S["name"]]: ValueOf<S> };
