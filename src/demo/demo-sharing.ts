/**
 * The demo's two ways to share what the reader set up: a link to this demo on its page, and the `<iframe>` of its
 * embed page with the same settings. Both go to the clipboard (or are shown where it refuses).
 */
import { withBase } from "../lib/url.ts";
import type { FamilyId } from "../models/ids.ts";
import { copyText } from "../lib/clipboard.ts";
import type { DemoSettings } from "./demo-settings.ts";
import { embedSnippet } from "./embed-snippet.ts";
import { DEMO_TEXT } from "../i18n/demo-text.ts";
import { pageLang, tr } from "../i18n/page-lang.ts";
import { fill, type Text } from "../i18n/text.ts";

/** Copies the page's URL with the demo's settings and its figure's anchor. */
export function copyDemoLink(
  settings: DemoSettings,
  figureId: string,
  announce: (m: string) => void,
): Promise<boolean> {
  const url = `${settings.link().replace(/#.*$/, "")}#${figureId}`;
  return copyText(url, announce, { copied: tr(DEMO_TEXT.share.linkCopied), shown: tr(DEMO_TEXT.share.linkShown) });
}

/** Copies the `<iframe>` snippet of the family's embed page with the demo's current settings. */
export function copyDemoEmbed(
  settings: DemoSettings,
  family: { id: FamilyId; title: Text },
  announce: (m: string) => void,
): Promise<boolean> {
  const snippet = embedSnippet(
    {
      origin: location.origin,
      base: withBase(""),
      family: family.id,
      settings: settings.embedSettings(),
      lang: pageLang(),
    },
    tr(fill(DEMO_TEXT.demoTitle, { title: family.title })),
  );
  return copyText(snippet, announce, {
    copied: tr(DEMO_TEXT.share.embedCopied),
    shown: tr(DEMO_TEXT.share.embedShown),
  });
}
