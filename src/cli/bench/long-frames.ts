/**
 * Where the all-at-once soak's long tasks go: Chromium's Long Animation Frames (PerformanceObserver type
 * "long-animation-frame"), each split into script (by what invoked it: a worker's message, a timer, a frame
 * callback, an event), style and layout, and rendering. Collected by an init script; summed here (pure).
 */

/** Installed before any page script: collects every long animation frame (over 50 ms) with its scripts. */
export const LONG_FRAME_OBSERVER = `
window.__frames = [];
try {
  new PerformanceObserver((list) => {
    for (const f of list.getEntries())
      window.__frames.push({
        startTime: f.startTime,
        duration: f.duration,
        renderStart: f.renderStart,
        styleAndLayoutStart: f.styleAndLayoutStart,
        blockingDuration: f.blockingDuration,
        scripts: f.scripts.map((s) => ({
          invoker: s.invokerType + ":" + s.invoker,
          duration: s.duration,
          forcedStyleAndLayoutDuration: s.forcedStyleAndLayoutDuration,
        })),
      });
  }).observe({ type: "long-animation-frame", buffered: true });
} catch {}
`;

/** One long animation frame as the page collects it. */
export interface LongFrame {
  startTime: number;
  duration: number;
  /** When rendering began (0: the frame did not render). */
  renderStart: number;
  styleAndLayoutStart: number;
  blockingDuration: number;
  scripts: { invoker: string; duration: number; forcedStyleAndLayoutDuration: number }[];
}

/** The long frames of a run, summed: where their time went, and the invokers that took most of it. */
export interface LongFrameSummary {
  count: number;
  longestMs: number;
  totalMs: number;
  /** Of the total: in scripts (forced style and layout inside them included), in style and layout, in rendering. */
  scriptMs: number;
  forcedLayoutMs: number;
  styleAndLayoutMs: number;
  renderMs: number;
  /** Script time by invoker (its type and name, ids of workers and timers left out), most first, at most 8. */
  topInvokers: { invoker: string; ms: number; count: number }[];
}

/** Script time by what invoked it; numbers (timer ids) are dropped so that the same callback sums. */
function invokerKey(invoker: string): string {
  return invoker.replace(/\d+/g, "#").slice(0, 120);
}

export function summariseLongFrames(frames: readonly LongFrame[]): LongFrameSummary {
  const byInvoker = new Map<string, { ms: number; count: number }>();
  let scriptMs = 0;
  let forcedLayoutMs = 0;
  let styleAndLayoutMs = 0;
  let renderMs = 0;
  for (const frame of frames) {
    const end = frame.startTime + frame.duration;
    if (frame.renderStart > 0) {
      const styleStart = frame.styleAndLayoutStart > 0 ? frame.styleAndLayoutStart : end;
      renderMs += Math.max(0, styleStart - frame.renderStart);
      styleAndLayoutMs += Math.max(0, end - styleStart);
    }
    for (const script of frame.scripts) {
      scriptMs += script.duration;
      forcedLayoutMs += script.forcedStyleAndLayoutDuration;
      const key = invokerKey(script.invoker);
      const entry = byInvoker.get(key) ?? { ms: 0, count: 0 };
      entry.ms += script.duration;
      entry.count++;
      byInvoker.set(key, entry);
    }
  }
  return {
    count: frames.length,
    longestMs: frames.reduce((m, f) => Math.max(m, f.duration), 0),
    totalMs: frames.reduce((s, f) => s + f.duration, 0),
    scriptMs,
    forcedLayoutMs,
    styleAndLayoutMs,
    renderMs,
    topInvokers: [...byInvoker.entries()]
      .map(([invoker, { ms, count }]) => ({ invoker, ms, count }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 8),
  };
}
