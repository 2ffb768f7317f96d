/**
 * Drawing points on a plot with a mouse, a finger or a pen (Pointer Events, so all three): while the tool is on,
 * pressing and dragging on the plot's data area scatters points uniformly within the brush's radius around the
 * pointer. Each stroke (press to release) is one step back for `undo`; `clear` is one too. The tool is off until the
 * reader turns it on, so a click on the plot never adds a point by accident; while on, the area takes every touch
 * gesture (`touch-action: none`) instead of scrolling the page. From the keyboard, the `keyboard` host (the plot's
 * frame) takes the focus while the tool is on, as an application region: the arrow keys move the brush, Space or
 * Enter drops points around it (one step back each), as a press of the pen would.
 */
import { OWN_LIMITS } from "../lab/own-data.ts";
import { createBrushCursor } from "../render/brush-cursor.ts";

/** The brush radius, in data units: its range and default. */
export const BRUSH = { min: 0.05, max: 1.5, step: 0.05, default: 0.3 } as const;
/** Points scattered when the pen goes down, and at each move while it is down. */
const POINTS_ON_DOWN = 4;
const POINTS_PER_MOVE = 2;
/** How far an arrow key moves the brush, in data units: plain, and with Shift. */
export const KEY_STEP = { plain: 0.1, shift: 0.5 } as const;

/** Drawing from the keyboard: the element that takes the focus (and its label while drawing), and what to say. */
export interface DrawKeyboard {
  host: HTMLElement;
  label: string;
  /** The brush moved to (x, y), in data units. */
  moved(x: number, y: number): void;
  /** `added` points were dropped around (x, y); `count` in all. */
  dropped(x: number, y: number, added: number, count: number): void;
}

export interface DrawTool {
  /** The points now, interleaved xy (a copy). */
  readonly points: Float32Array;
  readonly drawing: boolean;
  /** Whether there is a step to undo. */
  readonly canUndo: boolean;
  /** Starts from `points` (the stored set), forgetting the undo steps. */
  setPoints(points: Float32Array): void;
  setRadius(radius: number): void;
  /** Turns drawing on or off. */
  setDrawing(on: boolean): void;
  undo(): void;
  clear(): void;
  destroy(): void;
}

/**
 * A draw tool on `area` (the plot's data area, which shows [−extent, extent]²). `changed` is called after every
 * stroke, undo and clear, and while a stroke goes on, with the points now.
 */
export function createDrawTool(
  area: HTMLElement,
  extent: number,
  changed: (points: Float32Array) => void,
  random: () => number = Math.random,
  keyboard: DrawKeyboard | null = null,
): DrawTool {
  let points: number[] = [];
  /** The keyboard's brush, in data units. */
  const keyBrush = { x: 0, y: 0 };
  /** The host's own role, label and tab index, given back when drawing ends. */
  const hostAttributes = ["role", "aria-label", "tabindex"].map((name) => ({
    name,
    value: keyboard?.host.getAttribute(name) ?? null,
  }));
  const undoStack: number[][] = [];
  let radius: number = BRUSH.default;
  let drawing = false;
  let pointerId: number | null = null;
  const cursor = createBrushCursor(area);

  /** The brush's radius in pixels of the area, whose box is `box`. */
  const radiusPx = (box: DOMRect) => (radius / (2 * extent)) * box.width;

  /** The data coordinates of a pointer event, and its pixel position in the area. */
  function locate(event: PointerEvent) {
    const box = area.getBoundingClientRect();
    const px = event.clientX - box.left;
    const py = event.clientY - box.top;
    return {
      px,
      py,
      x: -extent + (px / box.width) * 2 * extent,
      y: extent - (py / box.height) * 2 * extent,
      radiusPx: radiusPx(box),
    };
  }

  function scatter(x: number, y: number, count: number): void {
    for (let i = 0; i < count && points.length / 2 < OWN_LIMITS.max; i++) {
      const r = radius * Math.sqrt(random());
      const angle = 2 * Math.PI * random();
      const px = Math.max(-extent, Math.min(extent, x + r * Math.cos(angle)));
      const py = Math.max(-extent, Math.min(extent, y + r * Math.sin(angle)));
      points.push(px, py);
    }
  }

  const emit = () => changed(Float32Array.from(points));

  /** The pen goes down at (x, y), from a pointer or a key: a new stroke (one step back) with its first points. */
  function dab(x: number, y: number): void {
    undoStack.push(points.slice());
    scatter(x, y, POINTS_ON_DOWN);
    emit();
  }

  function down(event: PointerEvent): void {
    if (!drawing || pointerId !== null || (event.pointerType === "mouse" && event.button !== 0)) return;
    event.preventDefault();
    pointerId = event.pointerId;
    area.setPointerCapture?.(event.pointerId);
    const at = locate(event);
    cursor.moveTo(at.px, at.py, at.radiusPx);
    dab(at.x, at.y);
  }

  function move(event: PointerEvent): void {
    if (!drawing) return;
    const at = locate(event);
    cursor.moveTo(at.px, at.py, at.radiusPx);
    if (event.pointerId !== pointerId) return;
    event.preventDefault();
    scatter(at.x, at.y, POINTS_PER_MOVE);
    emit();
  }

  function up(event: PointerEvent): void {
    if (event.pointerId !== pointerId) return;
    pointerId = null;
    if (event.pointerType !== "mouse") cursor.hide();
    emit();
  }

  /** The arrow keys move the keyboard's brush; Space or Enter drops points around it (one step back). */
  function key(event: KeyboardEvent): void {
    if (!drawing || !keyboard || event.altKey || event.ctrlKey || event.metaKey) return;
    const step = event.shiftKey ? KEY_STEP.shift : KEY_STEP.plain;
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, step],
      ArrowDown: [0, -step],
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      keyBrush.x = Math.max(-extent, Math.min(extent, keyBrush.x + move[0]));
      keyBrush.y = Math.max(-extent, Math.min(extent, keyBrush.y + move[1]));
      showKeyBrush();
      keyboard.moved(keyBrush.x, keyBrush.y);
      return;
    }
    if (event.key !== " " && event.key !== "Enter") return;
    event.preventDefault();
    showKeyBrush();
    const before = points.length / 2;
    dab(keyBrush.x, keyBrush.y);
    keyboard.dropped(keyBrush.x, keyBrush.y, points.length / 2 - before, points.length / 2);
  }

  function showKeyBrush(): void {
    const box = area.getBoundingClientRect();
    const px = ((keyBrush.x + extent) / (2 * extent)) * box.width;
    const py = ((extent - keyBrush.y) / (2 * extent)) * box.height;
    cursor.moveTo(px, py, radiusPx(box));
  }

  /** While drawing, the host is a focusable application region that says how to draw; after, what it was. */
  function setKeyboardHost(on: boolean): void {
    if (!keyboard) return;
    const { host } = keyboard;
    if (on) {
      host.setAttribute("role", "application");
      host.setAttribute("aria-label", keyboard.label);
      host.tabIndex = 0;
      return;
    }
    for (const { name, value } of hostAttributes) {
      if (value === null) host.removeAttribute(name);
      else host.setAttribute(name, value);
    }
  }

  const focused = () => drawing && showKeyBrush();
  keyboard?.host.addEventListener("keydown", key);
  keyboard?.host.addEventListener("focus", focused);
  area.addEventListener("pointerdown", down);
  area.addEventListener("pointermove", move);
  area.addEventListener("pointerup", up);
  area.addEventListener("pointercancel", up);
  const leave = () => cursor.hide();
  area.addEventListener("pointerleave", leave);

  return {
    get points() {
      return Float32Array.from(points);
    },
    get drawing() {
      return drawing;
    },
    get canUndo() {
      return undoStack.length > 0;
    },
    setPoints(next) {
      points = Array.from(next);
      undoStack.length = 0;
    },
    setRadius(next) {
      radius = Math.max(BRUSH.min, Math.min(BRUSH.max, next));
    },
    setDrawing(on) {
      drawing = on;
      pointerId = null;
      setKeyboardHost(on);
      if (on) area.dataset.drawing = "";
      else delete area.dataset.drawing;
      if (!on) cursor.hide();
    },
    undo() {
      const previous = undoStack.pop();
      if (!previous) return;
      points = previous;
      emit();
    },
    clear() {
      if (points.length === 0) return;
      undoStack.push(points);
      points = [];
      emit();
    },
    destroy() {
      keyboard?.host.removeEventListener("keydown", key);
      keyboard?.host.removeEventListener("focus", focused);
      area.removeEventListener("pointerdown", down);
      area.removeEventListener("pointermove", move);
      area.removeEventListener("pointerup", up);
      area.removeEventListener("pointercancel", up);
      area.removeEventListener("pointerleave", leave);
      cursor.destroy();
    },
  };
}
