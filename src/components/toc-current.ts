import { hashTarget } from "./jump-target.ts";

/** How far down the window a heading must have scrolled for its section to count as the one being read. */
const READING_LINE = 0.25;

/**
 * Marks the table-of-contents link of the section being read with `aria-current="location"`: the last heading
 * above a line a quarter of the way down the window. An IntersectionObserver wakes it only when a heading
 * crosses that line, so scrolling (and the demos' drawing) never forces a layout on every frame.
 */
export function trackCurrentSection(toc: Element, root: Document = document): void {
  const links = new Map<Element, HTMLAnchorElement>();
  for (const link of toc.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')) {
    const heading = hashTarget(root, link.hash);
    if (heading) links.set(heading, link);
  }
  const headings = [...links.keys()];
  if (headings.length === 0) return;
  let current: HTMLAnchorElement | undefined;
  const update = () => {
    const line = window.innerHeight * READING_LINE;
    const above = headings.filter((h) => h.getBoundingClientRect().top <= line + 1).at(-1);
    const next = above ? links.get(above) : undefined;
    if (next === current) return;
    current?.removeAttribute("aria-current");
    next?.setAttribute("aria-current", "location");
    current = next;
  };
  const observer = new IntersectionObserver(update, { rootMargin: `0px 0px -${100 - READING_LINE * 100}% 0px` });
  for (const heading of headings) observer.observe(heading);
}
