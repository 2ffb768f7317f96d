/**
 * What a demo (or the comparison page) shows when the page's training worker stops: a box (an alert) that says so,
 * with a Restart button that starts a fresh worker for the whole page; every demo then makes its model again from
 * its current settings (the trained weights were in the stopped worker), and the comparison runs again. In a demo
 * the box lives next to its error lines.
 */
import "./worker-restart.css";
import { DEMO_TEXT } from "../i18n/demo-text.ts";
import { tr } from "../i18n/page-lang.ts";
import { fill, type Text } from "../i18n/text.ts";
import {
  onWorkerRestarted,
  onWorkerStopped,
  restartTrainingWorker,
  trainingWorker,
  WorkerStoppedError,
} from "./worker-client.ts";
import "./debug-handles.ts";

const T = DEMO_TEXT.worker;

/** What the demo does when the worker stops (pause, nothing in training) and once a fresh one runs. */
export interface WorkerFaultHandlers {
  stopped(): void;
  restarted(): void;
}

/** Where the box goes and what it says (`stopped` with its {reason}, then `hint`): by default a demo's. */
export interface WorkerBoxOptions {
  stopped?: Text & { zh: `${string}{reason}${string}`; en: `${string}{reason}${string}` };
  hint?: Text;
  place?: (box: HTMLElement) => void;
}

/** Watches the page's worker for the demo in `element`; returns the cleanup (the demo's destroy calls it). */
export function watchTrainingWorker(
  element: HTMLElement,
  handlers: WorkerFaultHandlers,
  options: WorkerBoxOptions = {},
): () => void {
  const box = Object.assign(document.createElement("div"), { className: "demo-worker-stopped", hidden: true });
  box.setAttribute("role", "alert");
  const message = document.createElement("p");
  const hint = Object.assign(document.createElement("p"), { textContent: tr(options.hint ?? T.restartHint) });
  const restart = Object.assign(document.createElement("button"), { type: "button", textContent: tr(T.restart) });
  restart.addEventListener("click", () => restartTrainingWorker());
  if (options.place) options.place(box);
  else {
    const root = element.querySelector(".demo") ?? element;
    const errors = root.querySelector(".demo-error");
    if (errors) errors.before(box);
    else root.append(box);
  }
  const offStopped = onWorkerStopped((why) => {
    const stopped: Text = options.stopped ?? T.stopped;
    message.textContent = tr(fill(stopped as typeof T.stopped, { reason: why }));
    // Filled only while shown: a hidden box holds no text that a search of the demo's words would find.
    box.replaceChildren(message, hint, restart);
    box.hidden = false;
    handlers.stopped();
  });
  const offRestarted = onWorkerRestarted(() => {
    box.hidden = true;
    box.replaceChildren();
    handlers.restarted();
  });
  return () => {
    offStopped();
    offRestarted();
    box.remove();
  };
}

/** Whether the page's worker has stopped (and not been restarted). */
export function workerStopped(): boolean {
  return trainingWorker().stopped;
}

/** Whether `error` is a call's failure because the worker stopped (every demo already says so). */
export function isWorkerStopped(error: unknown): boolean {
  return error instanceof WorkerStoppedError;
}

/**
 * The calls in flight when the worker stops (a tick, a view) reject with a `WorkerStoppedError` that nobody awaits;
 * every demo already says the worker stopped, so those are not reported again as unhandled.
 */
window.addEventListener("unhandledrejection", (event) => {
  if (isWorkerStopped(event.reason)) event.preventDefault();
});
