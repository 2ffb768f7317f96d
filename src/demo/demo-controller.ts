/**
 * What a demo does once it is near the viewport: it reads its settings (attributes, then the URL) and wires three
 * parts together: the training loop (animation frames), the session (the model in the shared worker, no DOM) and
 * the panel (DOM only). It holds no state outside the demo it mounts.
 */
import { OWN_DATASET, type DatasetName } from "../lab/dataset-names.ts";
import { divergenceMessage } from "../models/divergence.ts";
import { getFamilySpec } from "../models/specs.ts";
import type { FamilySpec, ViewSpec } from "../models/types.ts";
import { backendFromUrl } from "./backend-preference.ts";
import { DemoBackend } from "./demo-backend.ts";
import { DemoPanel, EXTENT } from "./demo-panel.ts";
import { DemoSession } from "./demo-session.ts";
import { DemoSettings } from "./demo-settings.ts";
import { DemoFiles } from "./demo-files.ts";
import { DemoView } from "./demo-view.ts";
import { copyDemoEmbed, copyDemoLink } from "./demo-sharing.ts";
import { quotedReason } from "./error-text.ts";
import type { MountedDemo } from "./mounted-demo.ts";
import { QUALITY_PENDING, qualityText } from "./quality-text.ts";
import { StatusPacer } from "./status-pacer.ts";
import { Milestones } from "./milestones.ts";
import { stepsForTick, TrainingLoop } from "./training-loop.ts";
import { DemoOwnData } from "./demo-own-data.ts";
import { OWN_DATA_EVENT, ownDataOnLoad } from "./own-data-store.ts";
import { OWN_TEXT } from "./own-data-messages.ts";
import { COMMON_SETTINGS } from "../settings/common.ts";
import { trainingWorker } from "./worker-client.ts";
import { isWorkerStopped, watchTrainingWorker, workerStopped } from "./worker-restart.ts";
import { DEMO_TEXT } from "../i18n/demo-text.ts";
import { pageLang, tr } from "../i18n/page-lang.ts";
import { fill, HTML_LANG, type Text } from "../i18n/text.ts";
import { settingsList } from "./snapshot-text.ts";
import { hardDatasetNote } from "../models/hard-dataset-note.ts";

const LIVE_QUALITY_POINTS = 2000;

let sessions = 0;

/** Builds the demo inside `element` and returns its handle; the element calls `destroy` when removed. */
export function mountDemo(element: HTMLElement): MountedDemo {
  // An unknown model cannot reach here: the build refuses its directive. Should one slip through, the error says so.
  return new Demo(element, getFamilySpec(element.getAttribute("model") ?? ""));
}

class Demo implements MountedDemo {
  private readonly family: FamilySpec;
  private readonly figureId: string;
  private readonly settings: DemoSettings;
  private readonly session: DemoSession;
  private readonly panel: DemoPanel;
  private readonly loop: TrainingLoop;
  private readonly status: StatusPacer;
  private readonly backend: DemoBackend;
  private readonly plot: DemoView;
  private readonly files: DemoFiles;
  private readonly own: DemoOwnData;
  private readonly milestones = new Milestones();
  private ready: Promise<void>;
  private destroyed = false;
  /** When the last training tick was asked for (page clock, ms), which sizes the next (`stepsForTick`). */
  private lastTickAt: number | null = null;
  /** Set when the demo could not start: nothing more is asked of the worker. */
  private broken = false;
  private readonly cleanups: (() => void)[] = [];

  constructor(element: HTMLElement, family: FamilySpec) {
    this.family = family;
    this.figureId = element.closest("figure")?.id ?? "";
    showLanguage(element, family);
    const key = this.figureId.replace(/^demo-/, "") || family.id;
    this.settings = new DemoSettings(element, family, key);
    const id = `demo-${++sessions}`;
    this.session = new DemoSession(trainingWorker(), family, id);
    this.panel = new DemoPanel(element, family, this.settings.specs, this.settings.values, id, {
      togglePlay: () => this.togglePlay(),
      singleStep: () => void this.singleStep(),
      reset: () => void this.reset(),
      changeSetting: (name, value) => void this.changeSetting(name, value),
      changeBackend: (name) => void this.whilePaused(() => this.backend.change(name)),
      remeasureBackend: () => void this.whilePaused(() => this.backend.remeasure()),
      copyLink: () => void copyDemoLink(this.settings, this.figureId, (m) => this.panel.announce(m), this.ownPoints()),
      copyEmbed: () => void copyDemoEmbed(this.settings, this.family, (m) => this.panel.announce(m), this.ownPoints()),
      exportFile: (kind) => void this.files.export(kind),
      loadWeights: (file) => void this.files.loadWeights(file),
      loadSnapshot: () => void this.files.loadSnapshot(),
      chooseView: (view) => this.chooseView(view),
      moveParam: (value) => {
        this.plot.setParam(value);
        return this.redraw();
      },
      sweepStarted: () => this.loop.pause(),
    });
    this.plot = new DemoView(family, this.panel, this.session, () => this.settings.values);
    this.files = new DemoFiles({
      family,
      session: this.session,
      settings: this.settings,
      panel: this.panel,
      plot: this.plot,
      ready: () => this.ready,
      pause: () => this.loop.pause(),
      alive: () => !this.destroyed && !this.broken,
      refresh: async () => {
        await this.redraw();
        await this.updateQuality();
      },
      showStep: () => this.status.write(this.session.step),
    });
    this.status = new StatusPacer({
      status: (step, rate) => {
        this.panel.showStep(step, rate);
        this.panel.showLosses(this.session.lastLosses);
      },
      chart: () => this.panel.updateLossChart(this.session.history.steps, this.session.history.values),
      idle: () => !this.loop.isPlaying,
    });
    this.loop = new TrainingLoop(
      () => this.tick(),
      (state) => this.panel.showLoopState(state),
    );
    for (const problem of this.settings.problems) this.panel.showError(problem);
    const backendProblem = backendFromUrl().problem;
    if (backendProblem) this.panel.showError(backendProblem);
    // The reader's own points: the link's (stored at once) or the stored set, shared by every demo of the page.
    const onLoad = ownDataOnLoad(location.search);
    this.own = new DemoOwnData(this.panel.plotArea, EXTENT, onLoad.points, {
      pause: () => this.loop.pause(),
      showDrawing: (points) => this.panel.showDrawing(points, tr(OWN_TEXT.drawLegend)),
      use: (points) => void this.useOwn(points.length / 2),
      announce: (message) => this.panel.announce(message),
      drawingLeft: () => void this.redraw(),
    });
    this.panel.addSection(this.own.element);
    // A demo on the reader's data shows its tools and count from the start.
    this.own.element.open = this.settings.values.dataset === OWN_DATASET;
    if (onLoad.notice && this.settings.values.dataset === OWN_DATASET) {
      if (onLoad.refused) this.panel.showError(onLoad.notice);
      else this.panel.announce(onLoad.notice);
    }
    const reloadOwn = () => this.own.reload();
    addEventListener(OWN_DATA_EVENT, reloadOwn);
    this.cleanups.push(
      () => removeEventListener(OWN_DATA_EVENT, reloadOwn),
      () => this.own.destroy(),
    );
    const visibility = () => this.loop.setTabVisible(document.visibilityState === "visible");
    document.addEventListener("visibilitychange", visibility);
    this.cleanups.push(() => document.removeEventListener("visibilitychange", visibility));
    // A race trains this demo's model: catch up with its steps and losses (no step is run).
    this.backend = new DemoBackend(
      this.panel,
      id,
      async () => {
        const outcome = await this.session.train(0);
        this.status.write(this.session.step);
        // A model that diverged during the race says so now, as a tick would have.
        if (outcome.kind === "diverged" && outcome.first) await this.showDivergence(outcome.divergence);
      },
      !element.closest('[data-hide~="settings"]'),
    );
    this.cleanups.push(
      this.backend.listen(),
      // A lost WebGL context: the model goes on elsewhere from its checkpoint (or from scratch); show where.
      this.backend.listenForLoss(
        (lost) => this.session.rewound(lost),
        () => {
          this.status.write(this.session.step);
          void this.redraw();
        },
      ),
    );
    // The page's worker stops: pause (nothing stays in training); once restarted, the model again from scratch.
    this.cleanups.push(
      watchTrainingWorker(element, {
        stopped: () => {
          this.loop.pause();
          this.panel.views.stopSweep();
          this.panel.setState("error");
        },
        restarted: () => {
          this.ready = this.start().then(() => this.panel.announce(DEMO_TEXT.worker.restarted));
        },
      }),
    );
    this.panel.setState("starting");
    this.ready = this.start();
    // An embed's ?snapshot=1 (embed-page.ts marks the element): the trained model at once, fetched only now.
    if (element.hasAttribute("snapshot")) void this.files.loadSnapshot();
  }

  private async start(): Promise<void> {
    try {
      await this.backend.start();
      await this.createModel();
      this.panel.setState("ready");
      this.panel.announce(fill(DEMO_TEXT.ready, { title: this.family.title }));
    } catch (error) {
      if (isWorkerStopped(error)) return; // its box says so, and Restart starts again
      this.fail(fill(DEMO_TEXT.cannotStart, { reason: quotedReason(error) }));
    }
  }

  private async createModel(): Promise<void> {
    let points: Float32Array | undefined;
    if (this.settings.values.dataset === OWN_DATASET) {
      points = this.own.points ?? undefined;
      if (!points) {
        // Asked for (by an attribute or a link) with no data on this device: the default set, and say so.
        this.panel.showError(tr(OWN_TEXT.missingOwn));
        this.panel.showValues(this.settings.change("dataset", COMMON_SETTINGS[0].default), "");
      }
    }
    const dataset = this.settings.values.dataset as DatasetName;
    this.panel.showDatasetNote(hardDatasetNote(this.family, dataset));
    this.plot.showData(dataset, Number(this.settings.values.seed), points);
    await this.session.create(this.settings.values, points);
    this.milestones.reset();
    this.plot.setScore(null);
    this.panel.showLosses(null);
    this.panel.showQuality(QUALITY_PENDING, null);
    this.status.write(0);
    this.plot.configure();
    await this.redraw();
  }

  /**
   * One tick of the training loop: `speed` steps per nominal frame since the last tick (`stepsForTick`) in the
   * worker. Views and the quality score are not awaited here: they are queued behind training at the session's
   * pace, a small share of the worker's time.
   */
  private async tick(): Promise<boolean> {
    if (this.destroyed || !this.loop.isPlaying || workerStopped()) return false;
    const now = performance.now();
    const elapsed = now - (this.lastTickAt ?? now);
    this.lastTickAt = now;
    const outcome = await this.session.train(
      stepsForTick(Number(this.settings.values.speed), elapsed),
      () => this.loop.isPlaying && !this.destroyed,
    );
    if (this.destroyed) return false;
    // Paused while it waited for a view or score: nothing was trained, and a Play since then asks anew.
    if (outcome.kind === "dropped") return true;
    this.status.schedule(() => this.session.step);
    if (outcome.kind === "diverged") {
      if (outcome.first) await this.showDivergence(outcome.divergence);
      return false;
    }
    if (outcome.kind === "budget") {
      await this.redraw();
      await this.updateQuality(true);
      this.panel.announce(fill(DEMO_TEXT.budgetDone, { step: outcome.step }));
      return false;
    }
    if (this.session.viewDue()) void this.redraw();
    if (this.session.qualityDue()) void this.updateQuality(true);
    return true;
  }

  private async showDivergence(divergence: Parameters<typeof divergenceMessage>[1]): Promise<void> {
    this.fail(divergenceMessage(this.family, divergence, this.settings.values), false);
    this.status.write(this.session.step);
    await this.redraw();
  }

  /** Asks the worker for the current view and draws it. */
  private async redraw(): Promise<void> {
    // While the reader draws, the plot shows only their points.
    if (!this.destroyed && !this.own.drawing) await this.plot.redraw(() => !this.destroyed && !this.own.drawing);
  }

  /** Scores the model now; `training`: a score of training, which may reach a milestone (announced once). */
  private async updateQuality(training = false): Promise<void> {
    const score = await this.session.quality(LIVE_QUALITY_POINTS);
    if (this.destroyed) return;
    this.panel.showQuality(qualityText(score), score);
    this.plot.setScore(score.normalised);
    const milestone = training ? this.milestones.score(score.normalised, score.step) : null;
    if (milestone) this.panel.announce(milestone);
  }

  private chooseView(view: ViewSpec): void {
    this.panel.views.stopSweep();
    this.plot.choose(view);
    void this.redraw();
  }

  private togglePlay(): void {
    if (this.own.drawing) return this.panel.announce(tr(OWN_TEXT.drawingHint));
    if (this.loop.isPlaying) {
      this.loop.pause();
      // Show where training stopped: the last paced view and score may be seconds old (the score comes at most
      // every 3–8 s), and a reader who pauses compares the two.
      void this.ready.then(async () => {
        await this.redraw();
        await this.updateQuality(true);
      });
    } else {
      this.panel.views.stopSweep();
      this.panel.clearError();
      void this.ready.then(async () => {
        await this.backend.raceBeforeTraining();
        this.loop.play();
      });
    }
  }

  private async singleStep(): Promise<void> {
    if (this.own.drawing) return this.panel.announce(tr(OWN_TEXT.drawingHint));
    this.loop.pause();
    await this.ready;
    const outcome = await this.session.train(1);
    this.status.write(this.session.step);
    if (outcome.kind === "diverged" && outcome.first) await this.showDivergence(outcome.divergence);
    else await this.redraw();
  }

  private async reset(): Promise<void> {
    this.loop.pause();
    this.panel.views.stopSweep();
    this.panel.clearError();
    await this.ready;
    this.ready = this.createModel();
    await this.ready;
    this.panel.announce(DEMO_TEXT.didReset);
  }

  /** The reader's own points when the demo trains on them (a link or an embed may carry them), else null. */
  private ownPoints(): Float32Array | null {
    return this.settings.values.dataset === OWN_DATASET ? this.own.points : null;
  }

  /** Trains on the reader's set (just drawn or pasted) from scratch, switching the dataset to it if need be. */
  private async useOwn(count: number): Promise<void> {
    if (this.settings.values.dataset !== OWN_DATASET) {
      this.panel.showValues(this.settings.change("dataset", OWN_DATASET), "");
      history.replaceState(history.state, "", this.settings.link());
    }
    await this.reset();
    this.panel.announce(tr(OWN_TEXT.usingOwn(count)));
  }

  private async changeSetting(name: string, value: number | string): Promise<void> {
    if (name === "dataset" && value !== OWN_DATASET && this.own.drawing) this.own.stopDrawing();
    if (name === "dataset" && value === OWN_DATASET && !this.own.points) {
      // Nothing to train on yet: the reader draws first; the model changes once there are enough points.
      this.settings.change(name, value);
      history.replaceState(history.state, "", this.settings.link());
      this.own.startDrawing();
      return;
    }
    // A choice may bring settings of its own (a GAN's loss, its paper's rates): the controls show them.
    const values = this.settings.change(name, value);
    const brought = this.panel.showValues(values, name);
    history.replaceState(history.state, "", this.settings.link());
    if (name === "speed") return;
    // Any other setting defines the model or its data: start again from step 0.
    await this.reset();
    if (brought.length > 0) {
      this.panel.announce(fill(DEMO_TEXT.resetWithPresets, { list: settingsList(brought, values) }));
    }
  }

  /** Runs `change` with training paused, then trains on if it was. */
  private async whilePaused(change: () => Promise<void>): Promise<void> {
    const wasPlaying = this.loop.isPlaying;
    this.loop.pause();
    await this.ready;
    await change();
    if (wasPlaying) this.loop.play();
  }

  /**
   * Stops training and shows `message`. A fatal failure (the demo could not start) also turns its controls off, so
   * nothing invites a click that cannot work; a divergence is not fatal (Reset recovers).
   */
  private fail(message: Text, fatal = true): void {
    this.loop.pause();
    this.panel.showError(message);
    if (fatal) {
      this.broken = true;
      this.panel.disable();
    }
  }

  setOnScreen(value: boolean): void {
    this.loop.setOnScreen(value);
  }

  /** Tensor count and backend in the worker (for tests and the benchmark). */
  memory() {
    return trainingWorker().call("memory", {});
  }

  quality(n: number) {
    return this.session.probeQuality(n);
  }

  async modelSettings() {
    await this.ready;
    return this.session.modelSettings();
  }

  destroy(): void {
    this.destroyed = true;
    this.loop.pause();
    this.panel.views.stopSweep();
    this.status.cancel();
    for (const cleanup of this.cleanups) cleanup();
    this.panel.destroy();
    this.session.dispose();
  }
}

/**
 * The demo in the page's language: in English its figure (or the element) says `lang="en"`, so the rest of the
 * article stays Chinese for screen readers and hyphenation, and the article's caption of the figure follows.
 */
function showLanguage(element: HTMLElement, family: FamilySpec): void {
  const lang = pageLang();
  if (lang === "zh") return;
  const figure = element.closest<HTMLElement>("figure") ?? element;
  figure.lang = HTML_LANG[lang];
  const caption = figure.querySelector(":scope > figcaption:not(.embed-caption)");
  if (caption) caption.textContent = tr(fill(DEMO_TEXT.demoTitle, { title: family.title }));
}
