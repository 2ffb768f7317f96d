/**
 * What a demo's plot shows: the view picked (and its parameter, e.g. the diffusion step), the real points drawn
 * behind the samples, and the last frame drawn (the figure export reads it). It asks the session for a frame and
 * hands it to the panel; it holds no training state.
 */
import { sampleDataset } from "../lab/datasets.ts";
import type { DatasetName } from "../lab/dataset-names.ts";
import { createRandom } from "../lab/random.ts";
import type { FamilySpec, SettingValues, ViewFrame, ViewSpec } from "../models/types.ts";
import { EXTENT, type DemoPanel } from "./demo-panel.ts";
import type { DemoSession } from "./demo-session.ts";
import { describePlot } from "./plot-description.ts";
import { COMMON_SETTINGS } from "../settings/common.ts";
import { same } from "../i18n/text.ts";

/** Points drawn per view, and the grid of field views. */
const VIEW_POINTS = 1000;
const GRID = 48;

export class DemoView {
  private readonly panel: DemoPanel;
  private readonly session: DemoSession;
  /** The demo's current settings (a view's parameter may take its range from one, e.g. T). */
  private readonly values: () => SettingValues;
  private readonly family: FamilySpec;
  /** The last quality score shown (null before the first), for the plot's text alternative. */
  private score: number | null = null;
  private view: ViewSpec;
  private param: number | undefined;
  /** The real points drawn behind the samples. */
  data: Float32Array = new Float32Array();
  /** The frame on the plot now (null before the first). */
  frame: ViewFrame | null = null;

  constructor(family: FamilySpec, panel: DemoPanel, session: DemoSession, values: () => SettingValues) {
    this.family = family;
    this.panel = panel;
    this.session = session;
    this.values = values;
    this.view = family.views[0]!;
    this.param = this.view.param?.default;
  }

  /**
   * The real points shown behind the samples: the reader's own `points` when given, else points of `dataset` from
   * the seed's own display stream.
   */
  showData(dataset: DatasetName, seed: number, points?: Float32Array): void {
    this.data = points ?? sampleDataset(dataset, VIEW_POINTS, createRandom(seed).fork("display"));
  }

  /** Sets the parameter slider's range for the current view and settings (e.g. t up to T). */
  configure(): void {
    const param = this.view.param;
    const max = param?.maxSetting ? Number(this.values()[param.maxSetting]) : (param?.max ?? 0);
    this.param = this.panel.views.configure(this.view, max, this.param);
  }

  choose(view: ViewSpec): void {
    this.view = view;
    this.param = view.param?.default;
    this.configure();
  }

  setParam(value: number): void {
    this.param = value;
  }

  /** Asks the worker for the current view and draws it, unless `stillWanted()` turned false meanwhile. */
  async redraw(stillWanted: () => boolean): Promise<void> {
    const request = { view: this.view.id, n: VIEW_POINTS, extent: EXTENT, gridSize: GRID };
    const frame = await this.session.view(this.param === undefined ? request : { ...request, param: this.param });
    if (!stillWanted()) return;
    this.frame = frame;
    this.panel.draw(frame, this.data);
    this.describe();
  }

  /** The score the quality line shows now (null: none yet, e.g. a new model); the plot's text follows. */
  setScore(score: number | null): void {
    this.score = score;
    if (this.frame) this.describe();
  }

  /** Gives the plot a text alternative for what it shows now. */
  private describe(): void {
    const name = String(this.values().dataset);
    const choice = COMMON_SETTINGS[0].choices.find((c) => c.value === name);
    this.panel.describePlot(
      describePlot({
        title: this.family.title,
        dataset: choice?.label ?? same(name),
        step: this.session.step,
        score: this.score,
        view: this.view.label,
        frame: this.frame!,
        dataCount: this.data.length / 2,
      }),
    );
  }
}
