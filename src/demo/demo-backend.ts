/**
 * One demo's side of the page-wide backend: its badge and note, the reader's switch, the race before the page's
 * first training (which trains this demo's model) and measuring again. The choice itself lives in
 * backend-preference.ts, shared by every demo of the page.
 */
import { BACKEND_LABELS, type BackendName } from "../lab/backend-names.ts";
import {
  currentBackend,
  describeBackend,
  forgetMeasuredBackend,
  onBackendChange,
  raceBeforeTraining,
  switchBackend,
} from "./backend-preference.ts";
import type { DemoPanel } from "./demo-panel.ts";
import { onBackendLost } from "./worker-client.ts";
import type { BackendLoss } from "./worker-protocol.ts";
import { DEMO_TEXT } from "../i18n/demo-text.ts";
import { fill } from "../i18n/text.ts";

export class DemoBackend {
  private readonly panel: DemoPanel;
  private readonly sessionId: string;
  /** Brings the demo up to date with steps the worker ran for it (a race trains its model). */
  private readonly catchUp: () => Promise<void>;
  /** Whether the reader can see the settings (an embed's hide=settings takes them away). */
  private readonly settingsShown: boolean;

  constructor(panel: DemoPanel, sessionId: string, catchUp: () => Promise<void>, settingsShown = true) {
    this.panel = panel;
    this.sessionId = sessionId;
    this.catchUp = catchUp;
    this.settingsShown = settingsShown;
  }

  private describe(choice: Parameters<typeof describeBackend>[0]) {
    return describeBackend(choice, this.settingsShown ? DEMO_TEXT.backend.switchHere : null);
  }

  /** Follows the page-wide choice (another demo's switch, a race); returns the unsubscribe. */
  listen(): () => void {
    return onBackendChange((choice) => this.panel.showBackend(this.describe(choice)));
  }

  /**
   * The worker lost its WebGL context and made the models again on another backend: `rewind` brings this demo's
   * session to where its model goes on from (null when the loss did not touch it), `refresh` shows it, and the
   * demo's message line says what happened. Returns the unsubscribe.
   */
  listenForLoss(rewind: (lost: BackendLoss) => BackendLoss["sessions"][number] | null, refresh: () => void) {
    return onBackendLost((lost) => {
      const mine = rewind(lost);
      if (!mine) return;
      const label = BACKEND_LABELS[lost.choice.name];
      const L = DEMO_TEXT.backend.contextLost;
      this.panel.announce(
        mine.kept === null
          ? fill(L.reset, { label })
          : fill(L[mine.kept], { label, step: mine.step, lost: mine.lostSteps }),
      );
      refresh();
    });
  }

  /** The backend running (chosen on the page's first call), shown in the demo. */
  async start(): Promise<void> {
    const choice = await currentBackend();
    this.panel.showBackend(this.describe(choice), choice.name);
  }

  /** The reader's switch, for every demo of the page. */
  async change(name: BackendName): Promise<void> {
    const choice = await switchBackend(name);
    this.panel.showBackend(this.describe(choice));
    this.panel.announce(fill(DEMO_TEXT.backend.switched, { label: this.describe(choice).label }));
  }

  /** Before the page's first training: measures the backends on this demo's model (once per page and device). */
  async raceBeforeTraining(): Promise<void> {
    let racedHere = false;
    const measured = await raceBeforeTraining(this.sessionId, () => {
      racedHere = true;
      this.panel.announce(DEMO_TEXT.backend.measuring);
    });
    if (!racedHere) return; // no race, or one for another demo's model: this model did not train
    await this.catchUp();
    if (measured) this.panel.announce(this.describe(await currentBackend()).note);
  }

  /** Forgets this device's race and runs a new one now. */
  async remeasure(): Promise<void> {
    forgetMeasuredBackend();
    await this.raceBeforeTraining();
  }
}
