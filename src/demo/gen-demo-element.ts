/**
 * `<gen-demo model="gan" data-dataset="moons" data-seed="1">`: the one demo element, configured by its
 * attributes. This file is all the page loads up front: it waits until the demo nears the viewport,
 * then loads the demo's code (and, through its worker, tfjs) and hands the element over to it.
 * Following distill's d-figure, one observer with a wide margin prepares early; another tells the demo
 * whether it is on screen, so training pauses when it scrolls away.
 */
import { quotedReason } from "./error-text.ts";
import type { MountedDemo } from "./mounted-demo.ts";
import { tr } from "../i18n/page-lang.ts";
import { fill } from "../i18n/text.ts";

const PREPARE_MARGIN = "800px 0px";

/** The one message of this file, kept here (not in the catalogue's demo area) so the page's up-front script stays small. */
const LOAD_FAILED = {
  zh: "演示加载失败：{reason}。文章的其余部分不受影响。",
  en: "The demo failed to load: {reason}. The rest of the article is unaffected.",
};

export class GenDemoElement extends HTMLElement {
  private demo: MountedDemo | null = null;
  private loading = false;
  private disconnected = false;
  private onScreen = false;
  /** Set by `holdOnScreen()`: the demo behaves as on screen wherever it is. */
  private heldOnScreen = false;
  private readonly nearObserver = new IntersectionObserver((entries) => this.near(entries), {
    rootMargin: PREPARE_MARGIN,
  });
  private readonly screenObserver = new IntersectionObserver((entries) => {
    this.onScreen = this.heldOnScreen || entries.some((e) => e.isIntersecting);
    this.demo?.setOnScreen(this.onScreen);
  });

  connectedCallback(): void {
    this.disconnected = false;
    this.nearObserver.observe(this);
    this.screenObserver.observe(this);
  }

  disconnectedCallback(): void {
    this.disconnected = true;
    this.nearObserver.disconnect();
    this.screenObserver.disconnect();
    this.demo?.destroy();
    this.demo = null;
  }

  /**
   * The benchmark's hold: from now on the demo behaves as if on screen, off screen too, so it trains where a
   * reader's demo would pause (every demo at once in a reader's window).
   */
  holdOnScreen(): void {
    this.heldOnScreen = true;
    this.onScreen = true;
    this.demo?.setOnScreen(true);
  }

  /** The training worker's tensor count and backend, once the demo has loaded. */
  memory(): Promise<{ numTensors: number; numBytes: number; backend: string; sessions: number }> {
    return this.demo ? this.demo.memory() : Promise.reject(new Error("demo not loaded"));
  }

  /** The quality score of n fresh samples now (the benchmark's probe; the demo shows its own). */
  quality(n: number): Promise<{ normalised: number; step: number; ms: number }> {
    return this.demo ? this.demo.quality(n) : Promise.reject(new Error("demo not loaded"));
  }

  /** What the model in the training worker was created with: dataset, seed and the family's settings. */
  modelSettings(): ReturnType<MountedDemo["modelSettings"]> {
    return this.demo ? this.demo.modelSettings() : Promise.reject(new Error("demo not loaded"));
  }

  private near(entries: IntersectionObserverEntry[]): void {
    if (this.loading || this.demo || !entries.some((e) => e.isIntersecting)) return;
    this.loading = true;
    this.nearObserver.disconnect();
    this.dataset.demoState = "loading";
    import("./demo-controller.ts")
      .then(({ mountDemo }) => {
        if (this.disconnected) return;
        this.demo = mountDemo(this);
        this.demo.setOnScreen(this.onScreen);
      })
      .catch((error: unknown) => {
        this.dataset.demoState = "error";
        const note = document.createElement("p");
        note.className = "demo-error";
        note.setAttribute("role", "alert");
        note.textContent = tr(fill(LOAD_FAILED, { reason: quotedReason(error) }));
        this.append(note);
      });
  }
}

if (!customElements.get("gen-demo")) customElements.define("gen-demo", GenDemoElement);
