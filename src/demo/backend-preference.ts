/**
 * The page-wide backend: every demo of a page trains in one worker, so the backend is chosen once and switching it
 * in any demo switches it for all. The choice: `?backend=wasm` in the URL; else what this device measured before
 * (kept in localStorage); else, at the page's first training, a race of the backends on the reader's own model
 * (`raceBeforeTraining`). Until then, and where no race can run, WebGL comes first unless it is software-rendered.
 */
import type { BackendChoice } from "../lab/backend.ts";
import { BACKEND_LABELS, isBackendName, type BackendName } from "../lab/backend-names.ts";
import type { RaceLap } from "../lab/backend-race.ts";
import { onBackendLost, onWorkerRestarted, trainingWorker } from "./worker-client.ts";
import { DEMO_TEXT } from "../i18n/demo-text.ts";
import { tr } from "../i18n/page-lang.ts";
import { fill, joinTexts, type Text } from "../i18n/text.ts";

const B = DEMO_TEXT.backend;

const EVENT = "gen-demo-backend";
const STORAGE_KEY = "gen-demo:measured-backend";
/** Backends the race may try (the CPU backend is only the last fallback: it is never the fastest here). */
const RACE_CANDIDATES: readonly BackendName[] = ["webgl", "wasm"];
/** Timed training per backend in a race, after its warm-up steps. */
const RACE_WINDOW_MS = 600;

let current: Promise<BackendChoice> | null = null;
let race: Promise<MeasuredBackend | null> | null = null;
// A fresh worker has no backend yet: the next demo to start chooses it again (the measured winner is remembered).
onWorkerRestarted(() => (current = null));
// The worker lost its WebGL context and moved on: every demo shows the backend that runs now.
onBackendLost(({ choice }) => {
  current = Promise.resolve(choice);
  document.dispatchEvent(new CustomEvent<BackendChoice>(EVENT, { detail: choice }));
});

/** The outcome of a race on this device, as remembered. */
export interface MeasuredBackend {
  winner: BackendName;
  laps: RaceLap[];
  /** When it was measured (ISO 8601). */
  measuredAt: string;
}

/** The remembered race, or null when there is none (or what is stored is not one). */
export function measuredBackend(): MeasuredBackend | null {
  let stored: unknown;
  try {
    stored = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? "null");
  } catch {
    return null;
  }
  if (typeof stored !== "object" || stored === null) return null;
  const { winner, laps, measuredAt } = stored as Partial<MeasuredBackend>;
  if (typeof winner !== "string" || !isBackendName(winner) || !Array.isArray(laps) || typeof measuredAt !== "string") {
    return null;
  }
  const valid = laps.every(
    (l) =>
      typeof l === "object" &&
      l !== null &&
      isBackendName(String(l.backend)) &&
      (l.stepsPerSecond === null || (typeof l.stepsPerSecond === "number" && l.stepsPerSecond > 0)),
  );
  return valid ? { winner, laps, measuredAt } : null;
}

function remember(measured: MeasuredBackend): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(measured));
  } catch {
    // Storage may be off (private mode, an embed's partitioned storage): the race then runs again next time.
  }
}

/** Forgets this device's race, so that the next training measures again. */
export function forgetMeasuredBackend(): void {
  try {
    localStorage.removeItem(STORAGE_KEY);
  } catch {
    // nothing stored
  }
  race = null;
}

/** The backend asked for in the URL, or null with a message when the value is not a backend. */
export function backendFromUrl(search = location.search): { backend: BackendName | null; problem: Text | null } {
  const raw = new URLSearchParams(search).get("backend");
  if (raw === null) return { backend: null, problem: null };
  if (isBackendName(raw)) return { backend: raw, problem: null };
  return { backend: null, problem: fill(B.badUrl, { raw }) };
}

/** The backend running in the worker, chosen on first use. */
export function currentBackend(): Promise<BackendChoice> {
  const asked = backendFromUrl().backend;
  const measured = asked === null ? measuredBackend() : null;
  current ??= trainingWorker().call("setBackend", {
    preferred: asked ?? measured?.winner ?? "webgl",
    automatic: asked === null && measured === null,
  });
  return current;
}

/**
 * Before the page's first training: races the backends on `session`'s model (its steps count as training), keeps
 * the fastest, remembers it for this device and tells every demo. Runs once per page, and not at all when the URL
 * names a backend, when this device has measured before, or when fewer than two backends work. `onStart` is
 * called when this call starts a race on `session`'s model (not when one ran or is running for another demo).
 * Resolves with the race, or null when none ran (a race that fails leaves the backend as it was).
 */
export function raceBeforeTraining(session: string, onStart?: () => void): Promise<MeasuredBackend | null> {
  if (backendFromUrl().backend !== null || measuredBackend() !== null) return Promise.resolve(null);
  race ??= (async () => {
    const choice = await currentBackend();
    const broken = new Set(choice.fallbacks.filter((f) => f.why !== "slow").map((f) => f.backend));
    const candidates = RACE_CANDIDATES.filter((b) => !broken.has(b));
    if (candidates.length < 2) return null;
    onStart?.();
    const outcome = await trainingWorker().call("raceBackends", { session, candidates, windowMs: RACE_WINDOW_MS });
    const measured = { winner: outcome.winner, laps: outcome.laps, measuredAt: new Date().toISOString() };
    remember(measured);
    current = Promise.resolve(outcome.choice);
    document.dispatchEvent(new CustomEvent<BackendChoice>(EVENT, { detail: outcome.choice }));
    return measured;
  })().catch(() => null);
  return race;
}

/** Switches the worker to `name` (falling back if it fails) and tells every demo. */
export function switchBackend(name: BackendName): Promise<BackendChoice> {
  current = trainingWorker().call("setBackend", { preferred: name });
  void current.then((choice) => document.dispatchEvent(new CustomEvent<BackendChoice>(EVENT, { detail: choice })));
  return current;
}

export function onBackendChange(listener: (choice: BackendChoice) => void): () => void {
  const handler = (event: Event) => listener((event as CustomEvent<BackendChoice>).detail);
  document.addEventListener(EVENT, handler);
  return () => document.removeEventListener(EVENT, handler);
}

/** "测速：WASM 每秒 310 步，WebGL 每秒 45 步，已选用 WASM。" (with the failures, if any). */
export function describeRace(measured: MeasuredBackend): string {
  const laps = [...measured.laps].sort((a, b) => (b.stepsPerSecond ?? -1) - (a.stepsPerSecond ?? -1));
  const parts = laps.map((l) =>
    l.stepsPerSecond === null
      ? fill(B.unavailable, { backend: BACKEND_LABELS[l.backend], reason: l.reason ?? B.unknownReason })
      : fill(B.lap, { backend: BACKEND_LABELS[l.backend], rate: Math.round(l.stepsPerSecond) }),
  );
  const date = measured.measuredAt.slice(0, 10);
  return tr(
    fill(B.race, { date, laps: joinTexts(parts, DEMO_TEXT.listSeparator), winner: BACKEND_LABELS[measured.winner] }),
  );
}

/**
 * The badge ("WebGL") and a note: the race this device ran when the backend running is its winner; else, when the
 * first choice was passed over, "WebGL 不可用（…），已改用 WASM。", or, for a software-rendered WebGL, that WASM is
 * faster here and the reader can still switch (in "设置", unless `settingsShown` is false: an embed may hide them).
 * `measured`: whether the note is a race (the demo then offers to measure again).
 */
export function describeBackend(
  choice: BackendChoice,
  switchHint: Text | null = B.switchHere,
): { label: string; note: string; measured: boolean } {
  const label = BACKEND_LABELS[choice.name];
  const measured = backendFromUrl().backend === null ? measuredBackend() : null;
  if (measured?.winner === choice.name) return { label, note: describeRace(measured), measured: true };
  const notes = choice.fallbacks.flatMap((f) => {
    if (f.why === "slow") return [fill(B.slow, { backend: BACKEND_LABELS[f.backend], reason: f.reason, label })];
    if (f.why === "failed") return [fill(B.unavailable, { backend: BACKEND_LABELS[f.backend], reason: f.reason })];
    return [];
  });
  const slow = choice.fallbacks.some((f) => f.why === "slow");
  const where = slow && switchHint ? switchHint : "";
  const note = notes.length
    ? tr(fill(B.fellBack, { notes: joinTexts(notes, { zh: "；", en: "; " }), label, where }))
    : "";
  return { label, note, measured: false };
}
