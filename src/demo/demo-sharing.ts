/**
 * The demo's two ways to share what the reader set up: a link to this demo on its page, and the `<iframe>` of its
 * embed page with the same settings. Both go to the clipboard (or are shown where it refuses).
 */
import { withBase } from "../lib/url.ts";
import type { FamilyId } from "../models/ids.ts";
import { copyText } from "../lib/clipboard.ts";
import type { DemoSettings } from "./demo-settings.ts";
import { embedSnippet } from "./embed-snippet.ts";

/** Copies the page's URL with the demo's settings and its figure's anchor. */
export function copyDemoLink(
  settings: DemoSettings,
  figureId: string,
  announce: (m: string) => void,
): Promise<boolean> {
  const url = `${settings.link().replace(/#.*$/, "")}#${figureId}`;
  return copyText(url, announce, { copied: "已复制链接", shown: "此演示的链接" });
}

/** Copies the `<iframe>` snippet of the family's embed page with the demo's current settings. */
export function copyDemoEmbed(
  settings: DemoSettings,
  family: { id: FamilyId; title: string },
  announce: (m: string) => void,
): Promise<boolean> {
  const snippet = embedSnippet(
    { origin: location.origin, base: withBase(""), family: family.id, settings: settings.embedSettings() },
    `交互演示：${family.title}`,
  );
  return copyText(snippet, announce, { copied: "已复制嵌入代码", shown: "此演示的嵌入代码" });
}
