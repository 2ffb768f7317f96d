/**
 * The reverse-process "play" of a view's slider: counts from `max` down to 0 over `durationMs`, one animation frame
 * at a time, waiting for each frame's drawing before the next.
 */
export class Sweep {
  private frame: number | null = null;
  private onDone: (() => void) | null = null;

  get running(): boolean {
    return this.frame !== null;
  }

  /** Starts from `max`; `show(t)` draws step t; `done()` runs when it reaches 0 or is stopped. */
  start(max: number, durationMs: number, show: (t: number) => Promise<void>, done: () => void): void {
    this.stop();
    const started = performance.now();
    this.onDone = done;
    const step = async () => {
      if (this.frame === null) return;
      const t = Math.max(0, Math.round(max * (1 - (performance.now() - started) / durationMs)));
      await show(t);
      if (this.frame === null) return;
      if (t === 0) this.stop();
      else this.frame = requestAnimationFrame(() => void step());
    };
    this.frame = requestAnimationFrame(() => void step());
  }

  stop(): void {
    if (this.frame !== null) cancelAnimationFrame(this.frame);
    this.frame = null;
    const done = this.onDone;
    this.onDone = null;
    done?.();
  }
}
