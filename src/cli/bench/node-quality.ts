/**
 * Time to quality in Node on WASM: trains one family on one dataset for its default budget (default settings,
 * one seed) and scores 10,000 samples at checkpoints. Seconds count training only, not the scoring, as
 * processor time (WASM runs on one thread), so that a run sharing the machine with others reads the same.
 * Run as a child process by the benchmark (one per core):
 * `node node-quality.ts <family> <dataset> [seed] [checkpoints]` prints JSON.
 */
import { chooseBackend } from "../../lab/backend.ts";
import type { DatasetName } from "../../lab/dataset-names.ts";
import { qualityScore } from "../../lab/metrics.ts";
import { RECOGNISABLE_SCORE } from "../../lab/recognisable.ts";
import { getFamily } from "../../models/registry.ts";
import { Trainer } from "../../models/trainer.ts";
import { defaults } from "../../settings/resolve.ts";

export interface QualityPoint {
  step: number;
  /** Seconds of training up to this step: processor time of this process, so runs beside others stay comparable. */
  seconds: number;
  normalised: number;
}

export interface QualityCurve {
  family: string;
  dataset: DatasetName;
  /** The training seed (older reports: seed 1, not recorded). */
  seed?: number;
  budget: number;
  points: QualityPoint[];
  /** The first checkpoint at or below 0.2, if any. */
  reached: { step: number; seconds: number } | null;
  /** Training speed over the whole run (steps per second of training time). */
  stepsPerSecond: number;
}

/** Samples scored at each checkpoint, as the issue asks for the benchmark. */
export const QUALITY_SAMPLES = 10_000;
export const QUALITY_TARGET = RECOGNISABLE_SCORE;
/** Checkpoints per run: scoring 10,000 samples of an iterative sampler costs seconds. */
export const CHECKPOINTS = 6;

/** Trains `familyId` on `dataset` at `seed` for its default budget, scoring at `checkpoints` evenly spaced steps. */
export async function qualityCurve(
  familyId: string,
  dataset: DatasetName,
  seed = 1,
  checkpoints = CHECKPOINTS,
): Promise<QualityCurve> {
  await chooseBackend("wasm", { disabled: ["webgl"] });
  const family = getFamily(familyId);
  const trainer = new Trainer({ family, dataset, seed, settings: defaults(family.settings) });
  const budget = family.defaultSteps;
  const every = Math.max(50, Math.ceil(budget / checkpoints / 50) * 50);
  const score = () => qualityScore(trainer.sample(QUALITY_SAMPLES), dataset).normalised;
  const points: QualityPoint[] = [];
  let seconds = 0;
  while (trainer.step < budget && !trainer.diverged) {
    const started = process.cpuUsage();
    trainer.train(Math.min(every, budget - trainer.step), 50);
    const used = process.cpuUsage(started);
    seconds += (used.user + used.system) / 1e6;
    points.push({ step: trainer.step, seconds, normalised: score() });
  }
  trainer.dispose();
  const hit = points.find((p) => p.normalised <= QUALITY_TARGET);
  return {
    family: familyId,
    dataset,
    seed,
    budget,
    points,
    reached: hit ? { step: hit.step, seconds: hit.seconds } : null,
    stepsPerSecond: (points.at(-1)?.step ?? 0) / Math.max(seconds, 1e-9),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [familyId, dataset, seed, checkpoints] = process.argv.slice(2);
  qualityCurve(
    familyId ?? "",
    (dataset ?? "8gaussians") as DatasetName,
    Number(seed ?? 1),
    Number(checkpoints ?? CHECKPOINTS),
  ).then(
    (curve) => process.stdout.write(`${JSON.stringify(curve)}\n`),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
