/**
 * A demo's files: what its export menu writes (samples, losses, figure, weights), weights the reader loads, and the
 * family's shipped snapshot (加载训练好的模型). The controller lends it the parts it works on; the formats are in
 * demo-exports.ts, the download of a snapshot in snapshot-fetch.ts.
 */
import type { FamilySpec } from "../models/types.ts";
import { exportDemo, importWeights } from "./demo-exports.ts";
import { EXTENT, type DemoPanel } from "./demo-panel.ts";
import type { DemoSession } from "./demo-session.ts";
import type { DemoSettings } from "./demo-settings.ts";
import type { DemoView } from "./demo-view.ts";
import { quotedReason } from "./error-text.ts";
import type { ExportKind } from "./export-menu.ts";
import { fetchSnapshot } from "./snapshot-fetch.ts";
import { snapshotAdopted } from "./snapshot-text.ts";
import { DEMO_TEXT } from "../i18n/demo-text.ts";
import { fill } from "../i18n/text.ts";

/** What the files act on, lent by the controller. */
export interface DemoFilesHost {
  family: FamilySpec;
  session: DemoSession;
  settings: DemoSettings;
  panel: DemoPanel;
  plot: DemoView;
  /** Resolves once the model exists (after a start, a reset or a change of setting). */
  ready(): Promise<void>;
  pause(): void;
  /** False once the demo is removed, or could not start: it then asks nothing more of the worker. */
  alive(): boolean;
  /** Draws the current view and scores the model. */
  refresh(): Promise<void>;
  /** Shows the step count now (after a model with a history of its own came in). */
  showStep(): void;
}

export class DemoFiles {
  private readonly host: DemoFilesHost;

  constructor(host: DemoFilesHost) {
    this.host = host;
  }

  /** Pauses training and waits for the model; false when the demo can take no new model. */
  private async settle(): Promise<boolean> {
    this.host.pause();
    await this.host.ready();
    return this.host.alive();
  }

  /** Writes the file `kind` and says so (or why not). */
  async export(kind: ExportKind): Promise<void> {
    await this.host.ready();
    const { family, session, settings, panel, plot } = this.host;
    const dataset = String(settings.values.dataset);
    const source = {
      family,
      session,
      dataset,
      frame: plot.frame,
      data: plot.data,
      extent: EXTENT,
      plot: panel.plotElement,
    };
    panel.announce(
      await exportDemo(kind, source).catch((e: unknown) =>
        fill(DEMO_TEXT.exported.failed, { reason: quotedReason(e) }),
      ),
    );
  }

  /** Loads a weights file the reader picked; a bad file is refused and the model stays as it was. */
  async loadWeights(file: File): Promise<void> {
    if (!(await this.settle())) return;
    const { panel, session } = this.host;
    try {
      panel.clearError();
      panel.announce(await importWeights(file, session));
      await this.host.refresh();
    } catch (error) {
      panel.showError(fill(DEMO_TEXT.weights.notLoaded, { reason: quotedReason(error) }));
    }
  }

  /**
   * Fetches the family's shipped snapshot and puts its model in place of this one, at the snapshot's dataset, seed
   * and settings (the controls, the URL and the data shown follow, and the message names what changed); then draws
   * and scores it. The reader may train on, or Reset to train from scratch at those settings. A failed fetch or a
   * bad file is refused with a message and the model stays as it was (it trains from scratch as before).
   */
  async loadSnapshot(): Promise<void> {
    const { family, session, settings, panel, plot } = this.host;
    panel.views.stopSweep();
    if (!(await this.settle())) return;
    panel.clearError();
    panel.announce(DEMO_TEXT.snapshot.downloading);
    let made: Awaited<ReturnType<DemoSession["loadTrained"]>>;
    try {
      made = await session.loadTrained(await fetchSnapshot(family.id));
    } catch (error) {
      panel.announce("");
      panel.showError(fill(DEMO_TEXT.snapshot.notLoaded, { reason: quotedReason(error) }));
      return;
    }
    if (!this.host.alive()) return;
    const values = settings.adopt({ dataset: made.dataset, seed: made.seed, ...made.settings });
    const changed = panel.showValues(values, "");
    history.replaceState(history.state, "", settings.link());
    plot.showData(made.dataset, made.seed);
    this.host.showStep();
    panel.showLosses(null);
    panel.updateLossChart(session.history.steps, session.history.values);
    plot.configure();
    await this.host.refresh();
    panel.announce(snapshotAdopted(session.step, changed, values));
  }
}
