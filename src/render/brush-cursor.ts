/**
 * The brush's outline over a plot while the reader draws points: a circle of the brush's radius (in data units)
 * that follows the pointer. Pixels only; what is drawn is up to the caller.
 */
import "./brush-cursor.css";

export interface BrushCursor {
  /** Shows the circle centred at (px, py) pixels of the area, `radiusPx` pixels across half its width. */
  moveTo(px: number, py: number, radiusPx: number): void;
  hide(): void;
  destroy(): void;
}

/** A brush outline inside `area` (a positioned element: the plot's data area). */
export function createBrushCursor(area: HTMLElement): BrushCursor {
  const circle = area.ownerDocument.createElement("div");
  circle.className = "gm-brush";
  circle.setAttribute("aria-hidden", "true");
  circle.hidden = true;
  area.append(circle);
  return {
    moveTo(px, py, radiusPx) {
      circle.hidden = false;
      circle.style.width = circle.style.height = `${2 * radiusPx}px`;
      circle.style.transform = `translate(${px - radiusPx}px, ${py - radiusPx}px)`;
    },
    hide() {
      circle.hidden = true;
    },
    destroy() {
      circle.remove();
    },
  };
}
