/**
 * Runs a demo's training ticks one animation frame at a time, while it is playing, on screen and in a
 * visible tab; pausing for either of the last two resumes where it was when they come back.
 * A tick is asynchronous (the worker does the work); the next frame is requested only once it settles.
 */
export class TrainingLoop {
  private playing = false;
  private onScreen = true;
  private tabVisible = true;
  private running = false;
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
    if (this.state === "running" && !this.running) void this.run();
  }

  private async run(): Promise<void> {
    this.running = true;
    try {
      while (this.state === "running") {
        await new Promise((resolve) => requestAnimationFrame(resolve));
        if (this.state !== "running") break;
        const more = await this.tick();
        if (!more) {
          this.playing = false;
          this.onState(this.state);
        }
      }
    } finally {
      this.running = false;
    }
  }
}

export type LoopState = "running" | "paused" | "off-screen" | "hidden-tab";
