/**
 * Brings the element a link names (`#id`) to the top of the window and keeps it there while the page settles. The
 * article's text blocks have estimated sizes until first shown (`content-visibility: auto`), so the blocks that a
 * jump shows take their real size a frame or more after it, and the target moved (by 221 px at 1280 × 800): a
 * lecturer's link to a demo opened with the demo's controls above the window. Stops at once when the reader scrolls or acts.
 */

/** How long after a jump the target is held in place (blocks near it are laid out within a few frames). */
const HOLD_MS = 1500;

/** A reader's own move ends the hold: their scrolling wins. */
const READER_ACTS = ["wheel", "touchstart", "keydown", "pointerdown"] as const;

/** Ends the hold of the jump before, if it is still holding. */
let releaseLast = () => {};

/** Scrolls `target` to the window's top (its scroll margin kept) and holds it there for `HOLD_MS`. */
export function jumpTo(target: Element, win: Window = window): void {
  releaseLast();
  target.scrollIntoView({ block: "start" });
  // Where the jump means it to be, which a page too short below it (its end still unlaid) may not reach at first.
  const wanted = parseFloat(win.getComputedStyle(target).scrollMarginTop) || 0;
  const until = win.performance.now() + HOLD_MS;
  let holding = true;
  const release = () => {
    holding = false;
    for (const type of READER_ACTS) win.removeEventListener(type, release, true);
  };
  releaseLast = release;
  for (const type of READER_ACTS) win.addEventListener(type, release, { capture: true, passive: true });
  const hold = () => {
    if (!holding) return;
    const drift = target.getBoundingClientRect().top - wanted;
    if (Math.abs(drift) >= 1) win.scrollBy(0, drift);
    if (win.performance.now() < until) win.requestAnimationFrame(hold);
    else release();
  };
  win.requestAnimationFrame(hold);
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
