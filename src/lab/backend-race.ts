/**
 * The backend chosen by measuring: each candidate backend runs the reader's own model for a short lap, and the one
 * that trained the most steps per second wins. On a real GPU a tiny MLP may still train faster on WASM than on
 * WebGL (every kernel launch and readback has a fixed cost), so nothing is assumed. No DOM, no tfjs here: the
 * worker supplies the lap.
 */
import { CORE_TEXT } from "../i18n/core-text.ts";
import { fill, joinTexts, same, type Text } from "../i18n/text.ts";
import { reasonOf, TextError } from "../i18n/text-error.ts";
import type { BackendName } from "./backend-names.ts";

const T = CORE_TEXT.backend;

/** One backend's lap: its training speed, or why it could not run. */
export interface RaceLap {
  backend: BackendName;
  /** Steps per second over the timed part of the lap; null when the backend failed. */
  stepsPerSecond: number | null;
  /** Why the backend could not run (in the reader's language), when it failed. */
  reason?: Text;
}

export interface RaceOutcome {
  winner: BackendName;
  laps: RaceLap[];
}

/**
 * Runs `lap` on every candidate in turn and returns the fastest that worked. A lap that throws counts as a
 * failure, not a loss; if every lap fails, the race throws with their reasons.
 */
export async function raceBackends(
  candidates: readonly BackendName[],
  lap: (backend: BackendName) => Promise<number>,
): Promise<RaceOutcome> {
  const laps: RaceLap[] = [];
  for (const backend of candidates) {
    try {
      const stepsPerSecond = await lap(backend);
      if (!(stepsPerSecond > 0)) throw new TextError(fill(T.badSpeed, { value: stepsPerSecond }));
      laps.push({ backend, stepsPerSecond });
    } catch (error) {
      laps.push({ backend, stepsPerSecond: null, reason: reasonOf(error) });
    }
  }
  let best: RaceLap | null = null;
  for (const l of laps)
    if (l.stepsPerSecond !== null && (best === null || l.stepsPerSecond > best.stepsPerSecond!)) best = l;
  if (!best) {
    const reasons = laps.map((l) => fill(T.failedReason, { backend: l.backend, reason: l.reason ?? same("") }));
    throw new TextError(fill(T.noneRan, { reasons: joinTexts(reasons, { zh: "；", en: "; " }) }));
  }
  return { winner: best.backend, laps };
}

/**
 * Times `trainSteps` for about `windowMs` after `warmupSteps` untimed steps (WebGL compiles its shaders, a model's
 * tensors move to the new backend): steps per second of the timed part, or of the warm-up when that alone took
 * `windowMs` or longer. `trainSteps(n)` returns how many steps it
 * ran; none (a model that has diverged) ends the lap with an error. `now` is the clock, in ms.
 */
export function timeLap(
  trainSteps: (steps: number) => number,
  options: { windowMs: number; warmupSteps: number; chunk: number; now: () => number },
): number {
  const { windowMs, warmupSteps, chunk, now } = options;
  const run = (n: number) => {
    const done = trainSteps(n);
    if (done <= 0) throw new TextError(T.diverged);
    return done;
  };
  const warmStart = now();
  const warmed = warmupSteps > 0 ? run(warmupSteps) : 0;
  // A backend whose warm-up alone outlasts the window is slow here whatever it does next: its warm-up speed (shader
  // compiles included, which its readers would wait for too) is its lap, and the race moves on.
  if (warmed > 0 && now() - warmStart >= windowMs) return (warmed * 1000) / (now() - warmStart);
  const start = now();
  let steps = 0;
  do steps += run(chunk);
  while (now() - start < windowMs);
  return (steps * 1000) / Math.max(now() - start, 1e-6);
}
