/**
 * Heading anchors: clicking one copies the section's full URL (for lecture notes) and moves there.
 * On load, the page brings `#id` to the window's top again once layout has settled (and once more if the page grows
 * below it, see jump-target.ts); CSS highlights the target.
 */
import { copyText } from "../lib/clipboard.ts";
import { hashTarget, jumpTo } from "./jump-target.ts";

export function enableHeadingLinks(root: Document): void {
  const status = root.querySelector<HTMLElement>("[data-copy-status]");
  root.addEventListener("click", (event) => {
    const anchor = (event.target as Element | null)?.closest<HTMLAnchorElement>("a[data-copy-link]");
    if (!anchor) return;
    const url = new URL(anchor.getAttribute("href") ?? "", location.href).href;
    const announce = (message: string) => {
      if (status) status.textContent = message;
    };
    void copyText(url, announce, { copied: "已复制链接", shown: "本节链接" }).then((copied) => {
      if (!copied) return;
      anchor.classList.add("copied");
      setTimeout(() => anchor.classList.remove("copied"), 1500);
    });
  });
  const revealTarget = () => {
    const target = hashTarget(root, location.hash);
    if (target) jumpTo(target);
  };
  if (root.readyState === "complete") revealTarget();
  else window.addEventListener("load", revealTarget, { once: true });
}
