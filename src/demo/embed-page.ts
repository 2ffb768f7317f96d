/**
 * The script of an embed page (`/embed/<family>/`): applies `hide=` (the page's CSS drops the parts named in
 * `data-hide`) and `snapshot=1` (it marks the demo element, whose controller then loads the trained model), shows a
 * message for an unknown flag or value, and keeps the framing page told of its height
 * (see embed-protocol.ts). The demo itself is the article's `<gen-demo>`, with the same URL settings.
 */
import { parseHideFlags, parseSnapshotFlag } from "./embed-options.ts";
import { heightMessage, isHeightRequest } from "./embed-protocol.ts";
import { FAMILY_TITLES, type FamilyId } from "../models/ids.ts";
import { translatePage } from "../i18n/dom.ts";
import { DEMO_TEXT } from "../i18n/demo-text.ts";
import { currentPageLang, tr } from "../i18n/page-lang.ts";
import { fill } from "../i18n/text.ts";

/** Starts the embed page whose content is `root` (the element measured for the height). */
export function startEmbed(root: HTMLElement, family: FamilyId, search: string = location.search): void {
  translatePage();
  const lang = currentPageLang();
  if (lang.lang !== "zh") document.title = tr(fill(DEMO_TEXT.demoTitle, { title: FAMILY_TITLES[family] }));
  const { flags, problems } = parseHideFlags(search);
  if (lang.problem) problems.unshift(lang.problem);
  root.dataset.hide = flags.join(" ");
  const snapshot = parseSnapshotFlag(search);
  if (snapshot.problem) problems.push(snapshot.problem);
  // Before the demo mounts (it waits for the viewport and its code), so its controller sees the mark at once.
  if (snapshot.snapshot) root.querySelector("gen-demo")?.setAttribute("snapshot", "");
  const note = root.querySelector<HTMLElement>(".embed-problems");
  if (note && problems.length > 0) {
    note.textContent = problems.map((p) => (p === lang.problem ? `${p.zh}\n${p.en}` : tr(p))).join("\n");
    note.hidden = false;
  }
  if (window.parent === window) return;
  let last = -1;
  const post = (force = false) => {
    const height = root.getBoundingClientRect().height;
    if (!force && Math.ceil(height) === last) return;
    last = Math.ceil(height);
    // The height is not a secret: any page may frame the demo and learn it.
    window.parent.postMessage(heightMessage(family, height), "*");
  };
  new ResizeObserver(() => post()).observe(root);
  window.addEventListener("load", () => post(true));
  window.addEventListener("message", (event) => {
    if (event.source === window.parent && isHeightRequest(event.data)) post(true);
  });
}
