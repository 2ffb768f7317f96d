/**
 * Writes a demo's step counter, speed and losses at most every `everyMs` and its loss chart at most every
 * `chartEveryMs`: ticks arrive many times a second, and every change to the page costs the main thread (and, with
 * no GPU, the processor the worker trains on) a repaint. It also measures the steps per second it shows.
 */
export interface StatusWriter {
  /** Writes the step and, when a second or more has passed, the measured speed (null: not yet measured). */
  status(step: number, stepsPerSecond: number | null): void;
  chart(): void;
  /** Whether training has stopped: then every write brings the chart up to date. */
  idle(): boolean;
}

export class StatusPacer {
  private readonly writer: StatusWriter;
  private readonly everyMs: number;
  private readonly chartEveryMs: number;
  private last = 0;
  private lastChart = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private rate = { step: 0, time: 0, perSecond: null as number | null };

  constructor(writer: StatusWriter, everyMs = 200, chartEveryMs = 500) {
    this.writer = writer;
    this.everyMs = everyMs;
    this.chartEveryMs = chartEveryMs;
  }

  /** Writes `step()` soon: at once if the last write is old enough, else when it is. */
  schedule(step: () => number): void {
    if (this.timer !== null) return;
    const wait = Math.max(0, this.last + this.everyMs - performance.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      this.write(step(), false);
    }, wait);
  }

  /** Writes now; the chart too when `force` (e.g. training stopped) or when it is due. */
  write(step: number, force = true): void {
    const now = performance.now();
    this.last = now;
    if (now - this.rate.time > 1000) {
      if (this.rate.time > 0 && step > this.rate.step) {
        this.rate.perSecond = ((step - this.rate.step) * 1000) / (now - this.rate.time);
      }
      this.rate = { step, time: now, perSecond: this.rate.perSecond };
    }
    this.writer.status(step, this.rate.perSecond);
    if (force || this.writer.idle() || now - this.lastChart >= this.chartEveryMs) {
      this.lastChart = now;
      this.writer.chart();
    }
  }

  cancel(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
