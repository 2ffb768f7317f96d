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
import { encodeOwnData, OWN_DATA_PARAM, URL_MAX_POINTS } from "../lab/own-data-url.ts";
import { OWN_TEXT } from "./own-data-messages.ts";

/**
 * The link parameter that carries the reader's own points, when the demo trains on them and they are few enough,
 * and a note saying whether it does.
 */
function ownDataParam(points: Float32Array | null): { params: Record<string, string>; note: string } {
  if (!points) return { params: {}, note: "" };
  const value = encodeOwnData(points);
  const count = points.length / 2;
  if (value === null) return { params: {}, note: tr(OWN_TEXT.linkTooBig(count, URL_MAX_POINTS)) };
  return { params: { [OWN_DATA_PARAM]: value }, note: tr(OWN_TEXT.linkCarries(count)) };
}

/** Copies the page's URL with the demo's settings and its figure's anchor. */
export function copyDemoLink(
  settings: DemoSettings,
  figureId: string,
  announce: (m: string) => void,
  ownPoints: Float32Array | null = null,
): Promise<boolean> {
  const own = ownDataParam(ownPoints);
  const link = new URL(settings.link());
  link.searchParams.delete(OWN_DATA_PARAM);
  for (const [name, value] of Object.entries(own.params)) link.searchParams.set(name, value);
  const url = `${link.href.replace(/#.*$/, "")}#${figureId}`;
  return copyText(url, (m) => announce(own.note ? `${m}${tr(DEMO_TEXT.share.noteJoin)}${own.note}` : m), {
    copied: tr(DEMO_TEXT.share.linkCopied),
    shown: tr(DEMO_TEXT.share.linkShown),
  });
}

/** Copies the `<iframe>` snippet of the family's embed page with the demo's current settings. */
export function copyDemoEmbed(
  settings: DemoSettings,
  family: { id: FamilyId; title: Text },
  announce: (m: string) => void,
  ownPoints: Float32Array | null = null,
): Promise<boolean> {
  const own = ownDataParam(ownPoints);
  const snippet = embedSnippet(
    {
      origin: location.origin,
      base: withBase(""),
      family: family.id,
      settings: settings.embedSettings(),
      lang: pageLang(),
      params: own.params,
    },
    tr(fill(DEMO_TEXT.demoTitle, { title: family.title })),
  );
  return copyText(snippet, (m) => announce(own.note ? `${m}${tr(DEMO_TEXT.share.noteJoin)}${own.note}` : m), {
    copied: tr(DEMO_TEXT.share.embedCopied),
    shown: tr(DEMO_TEXT.share.embedShown),
  });
}
