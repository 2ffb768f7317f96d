/**
 * Runs a demo's training ticks one animation frame at a time, while it is playing, on screen and in a
 * visible tab; pausing for either of the last two resumes where it was when they come back.
 * A tick is asynchronous (the worker does the work); at most two are outstanding, so the worker always has
 * the next one queued while it runs the current one.
 */
export class TrainingLoop {
  private playing = false;
  private onScreen = true;
  private tabVisible = true;
  private inFlight = 0;
  private frameRequested = false;
  private readonly tick: () => Promise<boolean>;
  private readonly onState: (state: LoopState) => void;

  /** `tick` returns false to stop (e.g. training finished or diverged). */
  constructor(tick: () => Promise<boolean>, onState: (state: LoopState) => void) {
    this.tick = tick;
    this.onState = onState;
  }

  get state(): LoopState {
    if (!this.playing) return "paused";
    if (!this.tabVisible) return "hidden-tab";
    if (!this.onScreen) return "off-screen";
    return "running";
  }

  play(): void {
    this.playing = true;
    this.changed();
  }

  pause(): void {
    this.playing = false;
    this.changed();
  }

  setOnScreen(value: boolean): void {
    this.onScreen = value;
    this.changed();
  }

  setTabVisible(value: boolean): void {
    this.tabVisible = value;
    this.changed();
  }

  get isPlaying(): boolean {
    return this.playing;
  }

  private changed(): void {
    this.onState(this.state);
    this.pump();
  }

  /**
   * Asks for a tick on the next animation frame while fewer than MAX_IN_FLIGHT are outstanding: while the worker
   * runs one, the next waits in its queue, so it never sits idle between ticks. With both slots taken no frame is
   * requested, so a page that is only waiting for the worker does no work at all.
   */
  private pump(): void {
    if (this.state !== "running" || this.inFlight >= MAX_IN_FLIGHT || this.frameRequested) return;
    this.frameRequested = true;
    requestAnimationFrame(() => {
      this.frameRequested = false;
      if (this.state !== "running" || this.inFlight >= MAX_IN_FLIGHT) return;
      this.inFlight++;
      void this.tick()
        .then((more) => {
          if (!more && this.playing) {
            this.playing = false;
            this.onState(this.state);
          }
        })
        .finally(() => {
          this.inFlight--;
          this.pump();
        });
      this.pump();
    });
  }
}

/** Ticks outstanding at once: one running in the worker, one queued behind it. */
const MAX_IN_FLIGHT = 2;

/** The frame the speed setting counts in: one of a display refreshing 60 times a second. */
export const NOMINAL_FRAME_MS = 1000 / 60;
/** A tick asks for at most this many frames' steps (after a pause, or a page too busy to draw). */
const MAX_FRAMES_PER_TICK = 6;

/**
 * The steps a tick asks for: `speed` steps per nominal frame for the time since the last tick, at least one frame's
 * and at most MAX_FRAMES_PER_TICK frames'. Counted in time rather than in the frames the page drew: a browser that
 * draws 15 frames a second (a busy page, a slow machine) would otherwise train a quarter as fast, its worker idle
 * between ticks. The worker still ends each tick after its time budget.
 */
export function stepsForTick(speed: number, elapsedMs: number): number {
  const frames = Math.min(MAX_FRAMES_PER_TICK, Math.max(1, elapsedMs / NOMINAL_FRAME_MS));
  return Math.max(1, Math.round(speed * frames));
}

export type LoopState = "running" | "paused" | "off-screen" | "hidden-tab";
