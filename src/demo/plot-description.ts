/**
 * The plot's text alternative, for a screen reader: the family, the data set, the step, the score and what the view
 * draws (each layer by its legend name, with its count of points), given as the plot's description after its fixed
 * name. Written at most every `everyMs`: the plot is redrawn many times a minute while training, and its
 * description need not follow every frame.
 */
import { A11Y_TEXT as A } from "../i18n/a11y-text.ts";
import { DEMO_TEXT } from "../i18n/demo-text.ts";
import { fill, joinTexts, same, type Text } from "../i18n/text.ts";
import type { ViewFrame } from "../models/types.ts";

export interface PlotState {
  readonly title: Text;
  readonly dataset: Text;
  readonly step: number;
  /** The last quality score (0 = like the data, 1 = like one Gaussian), or null before the first. */
  readonly score: number | null;
  readonly view: Text;
  readonly frame: ViewFrame;
  /** How many real points are drawn behind the samples. */
  readonly dataCount: number;
}

/** The layers `frame` draws, in the legend's order, each with its count where it has one. */
function layers(frame: ViewFrame, dataCount: number): Text[] {
  const points = (label: Text, xy: Float32Array) => fill(A.points, { label, n: xy.length / 2 });
  const out: Text[] = [];
  if (frame.showData ?? true) out.push(fill(A.points, { label: DEMO_TEXT.legendData, n: dataCount }));
  if (frame.samples) out.push(points(frame.samplesLabel ?? DEMO_TEXT.legendSamples, frame.samples));
  if (frame.colouredPoints) out.push(points(frame.colouredPoints.label, frame.colouredPoints.points));
  if (frame.field) out.push(fill(A.field, { label: frame.field.label }));
  if (frame.arrows) out.push(fill(A.arrows, { label: frame.arrows.label }));
  if (frame.paths) out.push(fill(A.lines, { label: frame.paths.label, n: frame.paths.lines.length }));
  for (const bar of frame.bars ?? []) out.push(fill(A.bars, { label: bar.label }));
  return out;
}

/** What the plot shows now, in both languages. */
export function describePlot(state: PlotState): Text {
  return fill(A.plot, {
    title: state.title,
    dataset: state.dataset,
    step: state.step,
    score: state.score === null ? A.noScore : fill(A.score, { score: state.score.toFixed(2) }),
    view: state.view,
    caption: state.frame.caption ? fill(A.caption, { caption: state.frame.caption }) : same(""),
    layers: joinTexts(layers(state.frame, state.dataCount), A.separator),
  });
}

/**
 * Writes the latest text given at most every `everyMs`: at once when the last write is old enough, else once at
 * the end of the wait (so the last state is always written).
 */
export class PacedText {
  private last = -Infinity;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private latest: Text | null = null;
  private readonly write: (text: Text) => void;
  private readonly everyMs: number;
  private readonly now: () => number;

  constructor(write: (text: Text) => void, everyMs = 2000, now: () => number = () => performance.now()) {
    this.write = write;
    this.everyMs = everyMs;
    this.now = now;
  }

  set(text: Text): void {
    this.latest = text;
    if (this.timer !== null) return;
    const wait = this.last + this.everyMs - this.now();
    if (wait <= 0) return this.flush();
    this.timer = setTimeout(() => this.flush(), wait);
  }

  private flush(): void {
    this.timer = null;
    if (!this.latest) return;
    this.last = this.now();
    this.write(this.latest);
    this.latest = null;
  }

  cancel(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
