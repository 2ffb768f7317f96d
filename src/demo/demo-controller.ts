/**
 * Everything a demo does once it is near the viewport: reads its settings (attributes, then the URL),
 * builds its controls and plots, and drives training in the shared worker. The only module that joins
 * models (through the worker) and rendering; it holds no state outside the demo it mounts.
 */
import "../render/render.css";
import "./demo.css";
import { sampleDataset } from "../lab/datasets.ts";
import type { DatasetName } from "../lab/dataset-names.ts";
import type { BackendName } from "../lab/backend-names.ts";
import { createRandom } from "../lab/random.ts";
import { divergenceMessage } from "../models/divergence.ts";
import { getFamilySpec } from "../models/specs.ts";
import type { FamilyId } from "../models/ids.ts";
import type { FamilySpec, SettingValues, ViewFrame, ViewSpec } from "../models/types.ts";
import { createLossChart } from "../render/loss-chart.ts";
import { createBarCharts } from "../render/bar-chart.ts";
import { createPlot } from "../render/plot.ts";
import type { LegendItem } from "../render/legend.ts";
import { currentBackend, describeBackend, onBackendChange, switchBackend } from "./backend-preference.ts";
import { button, createSettingControl } from "./controls.ts";
import { quotedReason } from "./error-text.ts";
import type { MountedDemo } from "./gen-demo-element.ts";
import { applyChoicePresets, BACKEND_SETTING, COMMON_SETTINGS, resolveSettings } from "./settings.ts";
import { TrainingLoop, type LoopState } from "./training-loop.ts";
import { linkSettings, readUrlSettings, urlWithSettings } from "./url-state.ts";
import { trainingWorker } from "./worker-client.ts";

const EXTENT = 4.5;
const GRID = 48;
const VIEW_POINTS = 1000;
const LIVE_QUALITY_POINTS = 2000;
const DRAW_EVERY_MS = 250;
const QUALITY_EVERY_MS = 3000;
const READ_EVERY = 10;
/** A tick trains for at most about this long, whatever the speed setting: pausing takes effect at once. */
const TICK_BUDGET_MS = 100;
/**
 * A view (or a quality score) that costs the worker `ms` is asked for at most every `ms × WORKER_SHARE`
 * (the score half as often), so drawing takes at most about 1/WORKER_SHARE of the time training could use.
 */
const WORKER_SHARE = 15;
/** The step counter and losses are written at most this often, the loss chart at most that often. */
const STATUS_EVERY_MS = 200;
const CHART_EVERY_MS = 500;
/** However costly (a first call compiles shaders), views and scores come at least this often. */
const MAX_DRAW_EVERY_MS = 2000;
const MAX_QUALITY_EVERY_MS = 8000;

let sessions = 0;

/**
 * The demo writes its own status as `data-demo-*` attributes (`data-demo-step`, `data-demo-loss`, …: for tests,
 * the benchmark and styling); every other `data-*` attribute is a setting. A prefix of their own keeps the two
 * apart: a status named `loss` once swallowed the GAN's `loss` setting.
 */
const STATUS_PREFIX = "demo";
function isStatusAttribute(name: string): boolean {
  return name.startsWith(STATUS_PREFIX) && /^[A-Z]/.test(name.slice(STATUS_PREFIX.length));
}

/**
 * Reads `data-*` attributes, then `?key.name=value` URL parameters: the defaults, then the presets of the chosen
 * choices (a GAN's loss brings its paper's settings), then every value the two name, the URL's over the attributes'.
 */
function readSettings(element: HTMLElement, family: FamilySpec, key: string) {
  const specs = [...COMMON_SETTINGS, ...family.settings];
  const attributes = Object.fromEntries(
    Object.entries(element.dataset).filter(([name, value]) => !isStatusAttribute(name) && value !== undefined),
  ) as Record<string, string>;
  const { values, problems } = resolveSettings(specs, [
    { raw: attributes, source: "属性" },
    { raw: readUrlSettings(key), source: "网址参数" },
  ]);
  return { specs, values, problems, attributes };
}

/** Builds the demo inside `element` and returns its handle; the element calls `destroy` when removed. */
export function mountDemo(element: HTMLElement): MountedDemo {
  const model = element.getAttribute("model") ?? "";
  let family: FamilySpec;
  try {
    family = getFamilySpec(model);
  } catch (error) {
    element.dataset.demoState = "unavailable";
    const note = element.querySelector(".demo-placeholder-note") ?? element.appendChild(document.createElement("p"));
    note.textContent = (error as Error).message.startsWith("Model")
      ? "这个模型的浏览器演示还在制作中。"
      : `无法创建演示：${(error as Error).message}`;
    const none = () => Promise.reject(new Error("no demo"));
    return { setOnScreen() {}, destroy() {}, memory: none, quality: none, modelSettings: none };
  }
  return new Demo(element, family);
}

class Demo implements MountedDemo {
  private readonly element: HTMLElement;
  private readonly family: FamilySpec;
  private readonly key: string;
  private readonly session = `demo-${++sessions}`;
  private readonly worker = trainingWorker();
  private readonly specs;
  private values: SettingValues;
  /** The demo's own `data-*` settings: a link names only what differs from what they give. */
  private readonly attributes: Record<string, string>;
  private readonly loop: TrainingLoop;
  private readonly ui;
  private readonly plot;
  private readonly lossChart;
  private readonly barCharts;
  private readonly history = { steps: [] as number[], values: {} as Record<string, number[]> };
  private view: ViewSpec;
  private viewParam: number | undefined;
  private data: Float32Array = new Float32Array();
  private step = 0;
  private ready: Promise<void>;
  private lastDraw = 0;
  private lastQuality = 0;
  private lastChart = 0;
  private lastStatus = 0;
  private statusTimer: number | null = null;
  private lastLosses: Record<string, number> | null = null;
  private divergenceShown = false;
  /** When to ask for the next view and score, from what the last ones cost the worker. */
  private readonly pacing = {
    drawEvery: DRAW_EVERY_MS,
    qualityEvery: QUALITY_EVERY_MS,
    drawing: false,
    scoring: false,
  };
  private rate = { step: 0, time: 0, perSecond: 0 };
  private budget: number;
  private destroyed = false;
  private sweep: number | null = null;
  private readonly cleanups: (() => void)[] = [];

  constructor(element: HTMLElement, family: FamilySpec) {
    this.element = element;
    this.family = family;
    this.key = (element.closest("figure")?.id ?? "").replace(/^demo-/, "") || family.id;
    const settings = readSettings(element, family, this.key);
    this.specs = settings.specs;
    this.values = settings.values;
    this.attributes = settings.attributes;
    this.budget = family.defaultSteps;
    this.view = family.views[0]!;
    this.viewParam = this.view.param?.default;
    this.ui = this.buildDom();
    this.plot = createPlot(this.ui.plotBox, { extent: EXTENT, label: `${family.title}：真实数据与生成样本` });
    this.barCharts = createBarCharts(this.ui.plotBox);
    this.lossChart = createLossChart(this.ui.chartBox, {
      series: family.lossSeries,
      label: `${family.title} 的损失曲线`,
    });
    this.loop = new TrainingLoop(
      () => this.tick(),
      (state) => this.showLoopState(state),
    );
    for (const problem of settings.problems) this.showError(problem);
    const visibility = () => this.loop.setTabVisible(document.visibilityState === "visible");
    document.addEventListener("visibilitychange", visibility);
    this.cleanups.push(() => document.removeEventListener("visibilitychange", visibility));
    this.cleanups.push(onBackendChange((choice) => this.showBackend(describeBackend(choice))));
    element.dataset.demoState = "starting";
    this.ready = this.start();
  }

  /** The page's controls, in the element, replacing the server-rendered placeholder. */
  private buildDom() {
    const root = document.createElement("div");
    root.className = "demo";
    const toolbar = document.createElement("div");
    toolbar.className = "demo-toolbar";
    const play = button("▶ 训练", () => this.togglePlay(), "demo-play");
    play.setAttribute("aria-pressed", "false");
    const single = button("单步", () => void this.singleStep());
    const reset = button("重置", () => void this.reset());
    const stats = document.createElement("p");
    stats.className = "demo-stats";
    const stepOut = document.createElement("output");
    stepOut.className = "demo-step";
    stepOut.textContent = "第 0 步";
    const rateOut = document.createElement("output");
    rateOut.className = "demo-rate";
    const backendBadge = document.createElement("span");
    backendBadge.className = "demo-backend";
    backendBadge.textContent = "后端：加载中";
    stats.append(stepOut, rateOut, backendBadge);
    toolbar.append(play, single, reset, stats);

    const body = document.createElement("div");
    body.className = "demo-body";
    const plotBox = document.createElement("div");
    plotBox.className = "demo-plot";
    const caption = document.createElement("p");
    caption.className = "demo-caption";
    const side = document.createElement("div");
    side.className = "demo-side";

    // view choice, and the view's parameter slider (+ play for the reverse process)
    const viewRow = document.createElement("div");
    viewRow.className = "demo-views";
    const viewGroup = document.createElement("fieldset");
    const legend = document.createElement("legend");
    legend.textContent = "视图";
    viewGroup.append(legend);
    const viewName = `${this.session}-view`;
    for (const view of this.family.views) {
      const label = document.createElement("label");
      const radio = document.createElement("input");
      radio.type = "radio";
      radio.name = viewName;
      radio.value = view.id;
      radio.checked = view === this.view;
      radio.addEventListener("change", () => this.chooseView(view));
      label.append(radio, ` ${view.label}`);
      viewGroup.append(label);
    }
    const paramRow = document.createElement("div");
    paramRow.className = "demo-param";
    const paramLabel = document.createElement("label");
    const paramInput = document.createElement("input");
    paramInput.type = "range";
    paramInput.id = `${this.session}-param`;
    paramLabel.htmlFor = paramInput.id;
    const paramOut = document.createElement("output");
    paramOut.htmlFor.add(paramInput.id);
    paramInput.addEventListener("input", () => {
      this.stopSweep();
      this.viewParam = Number(paramInput.value);
      paramOut.textContent = paramInput.value;
      void this.redraw();
    });
    const sweepButton = button("▶ 播放", () => this.toggleSweep(), "demo-sweep");
    paramRow.append(paramLabel, paramInput, paramOut, sweepButton);
    viewRow.append(viewGroup, paramRow);

    const chartBox = document.createElement("div");
    chartBox.className = "demo-chart";
    const quality = document.createElement("p");
    quality.className = "demo-quality";
    quality.textContent = "质量分数：训练后显示";

    const settings = document.createElement("details");
    settings.className = "demo-settings";
    const summary = document.createElement("summary");
    summary.textContent = "设置";
    settings.append(summary);
    const controls = this.specs.map((spec) =>
      createSettingControl(
        spec,
        this.values[spec.name]!,
        (value) => void this.changeSetting(spec.name, value),
        (message) => this.announce(`输入被拒绝：${message}`),
      ),
    );
    const backendControl = createSettingControl(
      BACKEND_SETTING,
      "webgl",
      (value) => void this.changeBackend(value as BackendName),
      (message) => this.announce(message),
    );
    const link = button("复制此演示的链接", () => void this.copyLink(), "demo-link");
    settings.append(...controls.map((c) => c.element), backendControl.element, link);
    side.append(viewRow, chartBox, quality, settings);
    body.append(plotBox, side);

    const backendNote = document.createElement("p");
    backendNote.className = "demo-backend-note";
    backendNote.hidden = true;
    const status = document.createElement("p");
    status.className = "demo-status";
    status.setAttribute("role", "status");
    const error = document.createElement("p");
    error.className = "demo-error";
    error.setAttribute("role", "alert");
    error.hidden = true;
    root.append(toolbar, body, caption, backendNote, error, status);
    this.element.querySelector(".demo-placeholder")?.remove();
    this.element.append(root);
    return {
      play,
      single,
      reset,
      stepOut,
      rateOut,
      backendBadge,
      backendNote,
      plotBox,
      caption,
      paramRow,
      paramLabel,
      paramInput,
      paramOut,
      sweepButton,
      chartBox,
      quality,
      status,
      error,
      backendControl,
      controls,
    };
  }

  private async start(): Promise<void> {
    try {
      const choice = await currentBackend();
      this.showBackend(describeBackend(choice));
      this.ui.backendControl.setValue(choice.name);
      await this.createSession();
      this.element.dataset.demoState = "ready";
      this.announce(`${this.family.title}：已就绪，点击“训练”开始。`);
    } catch (error) {
      this.fail(`演示无法启动：${quotedReason(error)}。文章的其余部分不受影响；刷新页面可重试。`);
    }
  }

  private async createSession(): Promise<void> {
    const dataset = this.values.dataset as DatasetName;
    const seed = Number(this.values.seed);
    this.data = sampleDataset(dataset, VIEW_POINTS, createRandom(seed).fork("display"));
    await this.worker.call("create", {
      session: this.session,
      family: this.family.id as FamilyId,
      dataset,
      seed,
      settings: this.values,
    });
    this.step = 0;
    this.budget = this.family.defaultSteps;
    this.history.steps = [];
    this.history.values = {};
    this.lastLosses = null;
    this.divergenceShown = false;
    delete this.element.dataset.demoLoss;
    this.ui.quality.textContent = "质量分数：训练后显示";
    this.writeStatus();
    this.configureParam();
    await this.redraw();
  }

  /**
   * One tick of the training loop: `speed` steps in the worker. Views and the quality score are not
   * awaited here: they are queued behind training at a pace that keeps them to a small share of the worker's time.
   */
  private async tick(): Promise<boolean> {
    if (this.destroyed || !this.loop.isPlaying) return false;
    const speed = Number(this.values.speed);
    const progress = await this.worker.call("train", {
      session: this.session,
      steps: speed,
      readEvery: READ_EVERY,
      timeBudgetMs: TICK_BUDGET_MS,
    });
    if (this.destroyed) return false;
    this.step = progress.step;
    this.appendHistory(progress.newHistory);
    this.scheduleStatus();
    if (progress.diverged) {
      // Both ticks in flight report the same divergence: the first one says so.
      if (this.divergenceShown) return false;
      this.divergenceShown = true;
      this.fail(divergenceMessage(this.family, progress.diverged, this.values), false);
      this.writeStatus();
      await this.redraw();
      return false;
    }
    if (this.step >= this.budget) {
      this.budget = this.step + this.family.defaultSteps;
      await this.redraw();
      await this.updateQuality();
      this.announce(`已训练 ${this.step} 步（默认训练量），自动暂停；再点“训练”可继续。`);
      return false;
    }
    const now = performance.now();
    if (!this.pacing.drawing && now - this.lastDraw > this.pacing.drawEvery) {
      this.pacing.drawing = true;
      void this.redraw().finally(() => (this.pacing.drawing = false));
    }
    if (!this.pacing.scoring && now - this.lastQuality > this.pacing.qualityEvery) {
      this.pacing.scoring = true;
      void this.updateQuality().finally(() => (this.pacing.scoring = false));
    }
    return true;
  }

  private appendHistory(delta: { steps: number[]; values: Record<string, number[]> }): void {
    if (delta.steps.length === 0) return;
    this.history.steps.push(...delta.steps);
    for (const [key, values] of Object.entries(delta.values)) (this.history.values[key] ??= []).push(...values);
    this.lastLosses = Object.fromEntries(Object.entries(delta.values).map(([k, v]) => [k, v.at(-1)!]));
  }

  /**
   * Writes the step counter, speed and losses to the page at most every STATUS_EVERY_MS, and the loss chart at
   * most every CHART_EVERY_MS: ticks arrive many times a second, and every change to the page costs the main
   * thread (and, with no GPU, the processor the worker trains on) a repaint.
   */
  private scheduleStatus(): void {
    if (this.statusTimer !== null) return;
    const wait = Math.max(0, this.lastStatus + STATUS_EVERY_MS - performance.now());
    this.statusTimer = window.setTimeout(() => {
      this.statusTimer = null;
      if (!this.destroyed) this.writeStatus();
    }, wait);
  }

  private writeStatus(): void {
    const now = performance.now();
    this.lastStatus = now;
    this.ui.stepOut.textContent = `第 ${this.step} 步`;
    this.element.dataset.demoStep = String(this.step);
    if (now - this.rate.time > 1000) {
      if (this.rate.time > 0 && this.step > this.rate.step) {
        this.rate.perSecond = ((this.step - this.rate.step) * 1000) / (now - this.rate.time);
        this.ui.rateOut.textContent = `${this.rate.perSecond.toFixed(0)} 步/秒`;
      }
      this.rate = { step: this.step, time: now, perSecond: this.rate.perSecond };
    }
    if (this.lastLosses) this.element.dataset.demoLoss = JSON.stringify(this.lastLosses);
    if (now - this.lastChart >= CHART_EVERY_MS || !this.loop.isPlaying) {
      this.lastChart = now;
      this.lossChart.update(this.history.steps, this.history.values);
    }
  }

  /** Asks the worker for the current view and draws it. */
  private async redraw(): Promise<void> {
    if (this.destroyed) return;
    this.lastDraw = performance.now();
    const request = { view: this.view.id, n: VIEW_POINTS, extent: EXTENT, gridSize: GRID };
    const { result: frame, ms } = await this.worker.timed("view", {
      session: this.session,
      request: this.viewParam === undefined ? request : { ...request, param: this.viewParam },
    });
    this.pacing.drawEvery = Math.min(MAX_DRAW_EVERY_MS, Math.max(DRAW_EVERY_MS, ms * WORKER_SHARE));
    if (!this.destroyed) this.draw(frame);
  }

  private draw(frame: ViewFrame): void {
    const legend: LegendItem[] = [];
    const showData = frame.showData ?? true;
    if (showData) legend.push({ label: "真实数据", kind: "data" });
    if (frame.samples) legend.push({ label: frame.samplesLabel ?? "生成样本", kind: "samples" });
    if (frame.colouredPoints) legend.push({ label: frame.colouredPoints.label, kind: "coloured" });
    if (frame.field) legend.push({ label: frame.field.label, kind: "field" });
    if (frame.arrows) legend.push({ label: frame.arrows.label, kind: "arrows" });
    if (frame.paths) legend.push({ label: frame.paths.label, kind: frame.paths.dots === false ? "lines" : "paths" });
    this.plot.setField(frame.field?.values ?? null, frame.field?.gridSize ?? GRID, frame.field?.kind ?? "sequential");
    this.plot.setPoints(showData ? this.data : null, frame.samples ?? null);
    this.plot.setColouredPoints(frame.colouredPoints?.points ?? null, frame.colouredPoints?.hues ?? null);
    this.plot.setArrows(frame.arrows?.origins ?? null, frame.arrows?.vectors ?? null);
    this.plot.setPaths(frame.paths?.lines ?? null, frame.paths?.dots ?? true);
    this.plot.setLegend(legend);
    this.plot.render();
    this.barCharts.update(frame.bars ?? []);
    this.ui.caption.textContent = frame.caption ?? "";
    this.element.dataset.demoDrawn = String(Number(this.element.dataset.demoDrawn ?? 0) + 1);
  }

  private async updateQuality(): Promise<void> {
    this.lastQuality = performance.now();
    const { result: score, ms } = await this.worker.timed("quality", { session: this.session, n: LIVE_QUALITY_POINTS });
    this.pacing.qualityEvery = Math.min(MAX_QUALITY_EVERY_MS, Math.max(QUALITY_EVERY_MS, ms * WORKER_SHARE * 2));
    const misses = [
      score.nonFinite > 0 ? `${score.nonFinite} 个样本不是有限数` : "",
      score.offGrid > 0 ? `${score.offGrid} 个样本落在图外` : "",
    ].filter(Boolean);
    this.ui.quality.textContent =
      `质量分数 ${score.normalised.toFixed(2)}（第 ${score.step} 步；0 = 与新抽的真实数据一样好，1 = 不比单个高斯好；` +
      `基于 ${score.n} 个样本的 40×40 直方图 JS 散度 ${score.js.toFixed(3)}，噪声基线 ${score.noiseFloor.toFixed(3)}` +
      `${misses.length ? `；${misses.join("，")}，都算作未命中` : ""}）`;
    this.element.dataset.demoQuality = score.normalised.toFixed(3);
    this.element.dataset.demoQualityStep = String(score.step);
  }

  private configureParam(): void {
    const param = this.view.param;
    this.ui.paramRow.hidden = !param;
    this.ui.sweepButton.hidden = !this.view.playable;
    if (!param) {
      this.viewParam = undefined;
      return;
    }
    const max = param.maxSetting ? Number(this.values[param.maxSetting]) : param.max;
    this.ui.paramLabel.textContent = param.label;
    this.ui.paramInput.min = String(param.min);
    this.ui.paramInput.max = String(max);
    this.ui.paramInput.step = String(param.step);
    const value = Math.min(max, this.viewParam ?? param.default);
    this.viewParam = value;
    this.ui.paramInput.value = String(value);
    this.ui.paramOut.textContent = String(value);
  }

  private chooseView(view: ViewSpec): void {
    this.stopSweep();
    this.view = view;
    this.viewParam = view.param?.default;
    this.configureParam();
    void this.redraw();
  }

  /** The reverse-process "play": sweeps the slider from its maximum down to 0 over about four seconds. */
  private toggleSweep(): void {
    if (this.sweep !== null) {
      this.stopSweep();
      return;
    }
    this.loop.pause();
    const max = Number(this.ui.paramInput.max);
    const started = performance.now();
    this.ui.sweepButton.textContent = "❚❚ 停止";
    const frame = async () => {
      if (this.sweep === null || this.destroyed) return;
      const t = Math.max(0, Math.round(max * (1 - (performance.now() - started) / 4000)));
      this.viewParam = t;
      this.ui.paramInput.value = String(t);
      this.ui.paramOut.textContent = String(t);
      await this.redraw();
      if (t === 0) this.stopSweep();
      else this.sweep = requestAnimationFrame(() => void frame());
    };
    this.sweep = requestAnimationFrame(() => void frame());
  }

  private stopSweep(): void {
    if (this.sweep !== null) cancelAnimationFrame(this.sweep);
    this.sweep = null;
    this.ui.sweepButton.textContent = "▶ 播放";
  }

  private togglePlay(): void {
    if (this.loop.isPlaying) {
      this.loop.pause();
      // Show where training stopped: the last paced view and score may be seconds old (the score comes at most
      // every 3–8 s), and a reader who pauses compares the two.
      void this.ready.then(async () => {
        await this.redraw();
        await this.updateQuality();
      });
    } else {
      this.stopSweep();
      this.clearError();
      void this.ready.then(() => this.loop.play());
    }
  }

  private async singleStep(): Promise<void> {
    this.loop.pause();
    await this.ready;
    const progress = await this.worker.call("train", { session: this.session, steps: 1, readEvery: 1 });
    this.step = progress.step;
    this.appendHistory(progress.newHistory);
    this.writeStatus();
    await this.redraw();
  }

  private async reset(): Promise<void> {
    this.loop.pause();
    this.stopSweep();
    this.clearError();
    await this.ready;
    this.ready = this.createSession();
    await this.ready;
    this.announce("已重置：新的初始权重（同一随机种子）。");
  }

  /** This demo's URL with its settings, as few as will give them back. */
  private link(): string {
    return urlWithSettings(this.key, linkSettings(this.specs, this.attributes, this.values), {});
  }

  private async changeSetting(name: string, value: number | string): Promise<void> {
    // A choice may bring settings of its own (a GAN's loss, its paper's rates): the controls show them.
    this.values = applyChoicePresets(this.specs, { ...this.values, [name]: value }, name);
    const brought = this.ui.controls.filter((c) => c.spec.name !== name && c.value !== this.values[c.spec.name]);
    for (const control of brought) control.setValue(this.values[control.spec.name]!);
    history.replaceState(history.state, "", this.link());
    if (name === "speed") return;
    // Any other setting defines the model or its data: start again from step 0.
    await this.reset();
    if (brought.length > 0) {
      const list = brought.map((c) => `${c.spec.label} = ${this.values[c.spec.name]}`).join("，");
      this.announce(`已重置，并采用这一选项自带的设置：${list}。`);
    }
  }

  private async changeBackend(name: BackendName): Promise<void> {
    const wasPlaying = this.loop.isPlaying;
    this.loop.pause();
    await this.ready;
    const choice = await switchBackend(name);
    this.showBackend(describeBackend(choice));
    this.announce(`计算后端已切换为 ${describeBackend(choice).label}。`);
    if (wasPlaying) this.loop.play();
  }

  private async copyLink(): Promise<void> {
    const url = this.link().replace(/#.*$/, "") + `#${this.element.closest("figure")?.id ?? ""}`;
    try {
      await navigator.clipboard.writeText(url);
      this.announce(`已复制链接：${url}`);
    } catch {
      this.announce(`此演示的链接：${url}`);
    }
  }

  private showBackend({ label, note }: { label: string; note: string }): void {
    this.ui.backendBadge.textContent = `后端：${label}`;
    this.element.dataset.demoBackend = label;
    this.ui.backendNote.hidden = note === "";
    this.ui.backendNote.textContent = note;
  }

  private showLoopState(state: LoopState): void {
    const playing = state !== "paused";
    this.ui.play.textContent = playing ? "❚❚ 暂停" : "▶ 训练";
    this.ui.play.setAttribute("aria-pressed", String(playing));
    this.element.dataset.demoLoop = state;
    const messages: Record<LoopState, string> = {
      running: "正在训练…",
      paused: "已暂停。",
      "off-screen": "演示已离开视口，训练暂停，回来后继续。",
      "hidden-tab": "标签页在后台，训练暂停。",
    };
    this.announce(messages[state]);
  }

  private announce(message: string): void {
    this.ui.status.textContent = message;
  }

  private showError(message: string): void {
    this.ui.error.hidden = false;
    this.ui.error.textContent = this.ui.error.textContent ? `${this.ui.error.textContent}\n${message}` : message;
  }

  private clearError(): void {
    this.ui.error.hidden = true;
    this.ui.error.textContent = "";
  }

  /**
   * Stops training and shows `message`. A fatal failure (the demo could not start) also turns its controls off, so
   * nothing invites a click that cannot work; a divergence is not fatal (Reset recovers).
   */
  private fail(message: string, fatal = true): void {
    this.loop.pause();
    this.showError(message);
    if (!fatal) return;
    this.element.dataset.demoState = "error";
    for (const control of this.element.querySelectorAll<HTMLButtonElement | HTMLInputElement | HTMLSelectElement>(
      ".demo button, .demo input, .demo select",
    )) {
      control.disabled = true;
    }
    if (this.ui.backendBadge.textContent === "后端：加载中") this.ui.backendBadge.textContent = "后端：无";
  }

  setOnScreen(value: boolean): void {
    this.loop.setOnScreen(value);
  }

  /** Tensor count and backend in the worker (for tests and the benchmark). */
  memory() {
    return this.worker.call("memory", {});
  }

  async modelSettings() {
    await this.ready;
    return this.worker.call("session", { session: this.session });
  }

  async quality(n: number) {
    const { result, ms } = await this.worker.timed("quality", { session: this.session, n });
    return { normalised: result.normalised, step: result.step, ms };
  }

  destroy(): void {
    this.destroyed = true;
    this.loop.pause();
    this.stopSweep();
    for (const cleanup of this.cleanups) cleanup();
    this.plot.destroy();
    if (this.statusTimer !== null) window.clearTimeout(this.statusTimer);
    this.lossChart.destroy();
    this.barCharts.destroy();
    void this.worker.call("dispose", { session: this.session });
  }
}
