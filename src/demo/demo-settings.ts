/**
 * A demo's settings: read from its `data-*` attributes, then from its `?key.name=value` URL parameters; changed by
 * the reader through the controls (a choice bringing its presets); written back as the shortest link that gives
 * them again.
 */
import type { FamilySpec, SettingSpec, SettingValues } from "../models/types.ts";
import { applyChoicePresets, resolveSettings } from "../settings/resolve.ts";
import { COMMON_SETTINGS } from "../settings/common.ts";
import { linkSettings, readUrlSettings, urlWithSettings } from "./url-state.ts";
import { CORE_TEXT } from "../i18n/core-text.ts";
import type { Text } from "../i18n/text.ts";

/**
 * The demo writes its own status as `data-demo-*` attributes (`data-demo-step`, `data-demo-loss`, …: for tests,
 * the benchmark and styling); every other `data-*` attribute is a setting. A prefix of their own keeps the two
 * apart: a status named `loss` once swallowed the GAN's `loss` setting.
 */
const STATUS_PREFIX = "demo";
function isStatusAttribute(name: string): boolean {
  return name.startsWith(STATUS_PREFIX) && /^[A-Z]/.test(name.slice(STATUS_PREFIX.length));
}

export class DemoSettings {
  readonly specs: readonly SettingSpec[];
  /** Bad or unknown values found while reading, each a message for the reader. */
  readonly problems: readonly Text[];
  private current: SettingValues;
  /** The demo's own `data-*` settings: a link names only what differs from what they give. */
  private readonly attributes: Record<string, string>;
  private readonly key: string;

  /**
   * The defaults, then the presets of the chosen choices (a GAN's loss brings its paper's settings), then every
   * value the attributes and the URL name, the URL's over the attributes'. `key` namespaces the URL parameters.
   */
  constructor(element: HTMLElement, family: FamilySpec, key: string, search: string = location.search) {
    this.key = key;
    this.specs = [...COMMON_SETTINGS, ...family.settings];
    this.attributes = Object.fromEntries(
      Object.entries(element.dataset).filter(([name, value]) => !isStatusAttribute(name) && value !== undefined),
    ) as Record<string, string>;
    const { values, problems } = resolveSettings(this.specs, [
      { raw: this.attributes, source: CORE_TEXT.setting.sourceAttributes },
      { raw: readUrlSettings(key, search), source: CORE_TEXT.setting.sourceUrl },
    ]);
    this.current = values;
    this.problems = problems;
  }

  get values(): SettingValues {
    return this.current;
  }

  /** Sets `name` to `value` with the presets a choice brings; returns the new values. */
  change(name: string, value: number | string): SettingValues {
    this.current = applyChoicePresets(this.specs, { ...this.current, [name]: value }, name);
    return this.current;
  }

  /**
   * Takes the values a loaded model was made with (its dataset, seed and the family's settings; the rest, such as
   * the speed, kept) and returns the new values.
   */
  adopt(values: SettingValues): SettingValues {
    this.current = { ...this.current, ...values };
    return this.current;
  }

  /** The page's URL with this demo's settings, as few as give them back (other parameters kept). */
  link(href: string = location.href): string {
    return urlWithSettings(this.key, linkSettings(this.specs, this.attributes, this.current), {}, href);
  }

  /**
   * The settings an embed page (which has no attributes of its own: the family's defaults) must be given to show
   * these values, as few as give them back.
   */
  embedSettings(): Record<string, string> {
    return linkSettings(this.specs, {}, this.current);
  }
}
