/**
 * Brings the element a link names (`#id`) to the top of the window on load, and again if the page was too short
 * to bring it there: near the article's end the text blocks below still have their estimated sizes
 * (`content-visibility: auto`) and the demos there their placeholders, so a jump to the last demo stopped at the
 * page's end and left the demo halfway down the window once the page grew. Not once someone has scrolled away.
 */

/** How long after the jump a page grown below the target may bring it up again. */
const SETTLE_MS = 3000;

/** Scrolls `target` to the window's top (its scroll margin kept), and again while the page grows, if need be. */
export function jumpTo(target: Element, win: Window = window): void {
  const wanted = parseFloat(win.getComputedStyle(target).scrollMarginTop) || 0;
  /** How far below (positive) or above its place the target is now. */
  const drift = () => target.getBoundingClientRect().top - wanted;
  target.scrollIntoView({ block: "start" });
  let left = { y: win.scrollY, offBy: Math.abs(drift()) };
  const observer = new ResizeObserver(() => {
    const now = drift();
    // A scroll since that took the target further away (the reader's, a script's) ends this; the browser's own
    // return to the link's target while the page loads does not.
    if (win.scrollY !== left.y && Math.abs(now) > left.offBy + 1) return observer.disconnect();
    if (now >= 1) target.scrollIntoView({ block: "start" });
    left = { y: win.scrollY, offBy: Math.abs(drift()) };
  });
  observer.observe(target.ownerDocument.body);
  win.setTimeout(() => observer.disconnect(), SETTLE_MS);
}

/** The element `#id` names in `hash`, if any (the id percent-decoded, as links to Chinese headings are written). */
export function hashTarget(root: Document, hash: string): Element | null {
  if (hash.length < 2) return null;
  let id: string;
  try {
    id = decodeURIComponent(hash.slice(1));
  } catch {
    return null;
  }
  return root.getElementById(id);
}
