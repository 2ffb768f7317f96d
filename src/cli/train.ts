/**
 * `npm run train -- --model gan --dataset moons --steps 3000 --seed 1 --out samples.csv`
 * Trains one family in Node (WASM backend, or CPU), shows progress, prints the final losses and the
 * quality score (10,000 samples), and writes samples as CSV `x,y` or JSON, by the file's extension.
 * Bad arguments print the usage and exit with code 2.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { chooseBackend } from "../lab/backend.ts";
import { samplesCsv } from "../lab/csv-export.ts";
import { parseWeights, type WeightsFile } from "../lab/weights-file.ts";
import { DATASET_NAMES, type DatasetName } from "../lab/dataset-names.ts";
import { qualityScore } from "../lab/metrics.ts";
import { FAMILIES, getFamily } from "../models/registry.ts";
import { COMMON_SETTINGS } from "../settings/common.ts";
import { divergenceMessageEn, type Divergence } from "../models/divergence.ts";
import { weightsSettings } from "../models/snapshot.ts";
import { Trainer } from "../models/trainer.ts";
import type { Family } from "../models/types.ts";
import { applyRawSettings, defaults } from "../settings/resolve.ts";
import { integer, oneOf, outputFile, parseArgs, usage, UsageError, type OptionSpec } from "./args.ts";
import { qualityLine } from "./quality-line.ts";
import { runIfMain } from "./run-main.ts";
import { same } from "../i18n/text.ts";
import { hardDatasetNote } from "../models/hard-dataset-note.ts";

/** The seed's range and default, from the settings every demo has (the directive and the URL read the same). */
const SEED = COMMON_SETTINGS.find((s) => s.name === "seed")!;

const OPTIONS: OptionSpec[] = [
  { name: "model", help: `family: ${Object.keys(FAMILIES).join(", ")}`, parse: oneOf(Object.keys(FAMILIES)) },
  { name: "dataset", help: DATASET_NAMES.join(", "), parse: oneOf(DATASET_NAMES), default: "8gaussians" },
  {
    name: "steps",
    help: "training steps (default: the family's training budget; 0 with --weights scores the loaded model)",
    parse: integer(0, 1_000_000),
  },
  { name: "seed", help: "random seed", parse: integer(SEED.min, SEED.max), default: SEED.default },
  { name: "samples", help: "samples to draw and score", parse: integer(100, 1_000_000), default: 10_000 },
  { name: "backend", help: "wasm or cpu", parse: oneOf(["wasm", "cpu"] as const), default: "wasm" },
  { name: "set", help: "family setting name=value, comma-separated (e.g. loss=wgan,clip=0.05)", parse: (v) => v },
  { name: "out", help: "write samples to a .csv (x,y) or .json file", parse: outputFile([".csv", ".json"]) },
  {
    name: "weights",
    help: "start from the weights in this .json file (a demo's export or --save-weights); its settings are the base of --set",
    parse: (v) => {
      if (!/\.json$/i.test(v)) throw new Error(`the file must end in .json, got "${v}"`);
      return v;
    },
  },
  {
    name: "save-weights",
    help: 'write the trained weights to a .json file (the demo\'s "载入权重" loads it)',
    parse: outputFile([".json"]),
  },
];

function progressBar(done: number, total: number, width = 30): string {
  const filled = Math.round((done / total) * width);
  return `[${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total}`;
}

function writeSamples(file: string, samples: Float32Array): void {
  if (file.toLowerCase().endsWith(".json")) {
    const points = [];
    for (let i = 0; i < samples.length; i += 2) points.push([samples[i], samples[i + 1]]);
    writeFileSync(file, JSON.stringify(points));
    return;
  }
  writeFileSync(file, samplesCsv(samples));
}

/** The weights file at `file`, or a usage error saying why it cannot be read. */
function readWeights(file: string, family: Parameters<typeof parseWeights>[1]): WeightsFile {
  try {
    return parseWeights(readFileSync(file, "utf8"), family);
  } catch (error) {
    throw new UsageError(`${file}: ${(error as Error).message}`);
  }
}

/** The family's settings a weights file was trained with, read over the defaults (other keys in it ignored). */
function fileSettings(family: Family, file: WeightsFile) {
  try {
    return weightsSettings(family, file);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** Says where and why the run diverged, writes nothing, and gives the exit code. */
function failDiverged(trainer: Trainer, divergence: Divergence): number {
  console.error(`error: ${divergenceMessageEn(trainer.family, divergence, trainer.options.settings)}; nothing written`);
  trainer.dispose();
  return 1;
}

export async function main(argv: readonly string[]): Promise<number> {
  let args: Record<string, unknown>;
  let settings;
  let family;
  let weights: WeightsFile | null = null;
  try {
    args = parseArgs(argv, OPTIONS);
    if (args.model === undefined) throw new UsageError("--model is required");
    family = getFamily(String(args.model));
    const raw = Object.fromEntries(
      String(args.set ?? "")
        .split(",")
        .filter(Boolean)
        .map((pair) => {
          const [name, ...rest] = pair.split("=");
          return [name!.trim(), rest.join("=")];
        }),
    );
    weights = args.weights === undefined ? null : readWeights(String(args.weights), family.id);
    const base = weights ? fileSettings(family, weights) : defaults(family.settings);
    const parsed = applyRawSettings(family.settings, base, raw, same("--set"));
    if (parsed.problems.length) throw new UsageError(parsed.problems.map((p) => p.en).join("; "));
    settings = parsed.values;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    if (error.message) console.error(`error: ${error.message}\n`);
    console.error(usage("npm run train --", OPTIONS));
    return error.message ? 2 : 0;
  }
  const backend = await chooseBackend(args.backend as "wasm" | "cpu", { disabled: ["webgl"] });
  const steps = Number(args.steps ?? family.defaultSteps);
  const dataset = args.dataset as DatasetName;
  const trainer = new Trainer({ family, dataset, seed: Number(args.seed), settings });
  if (weights) {
    try {
      trainer.loadWeights(weights);
    } catch (error) {
      console.error(`error: ${String(args.weights)}: ${(error as Error).message}`);
      trainer.dispose();
      return 2;
    }
    console.log(`loaded the weights of ${String(args.weights)} (trained ${weights.step} steps on ${weights.dataset})`);
  }
  console.log(`${family.title.en} on ${dataset}, seed ${args.seed}, ${steps} steps, backend ${backend.name}`);
  const hard = hardDatasetNote(family, dataset);
  if (hard) console.log(`note: ${hard.en}`);
  const started = performance.now();
  const chunk = Math.max(1, Math.min(100, Math.floor(steps / 50)));
  let progress = trainer.train(0);
  while (trainer.step < steps && !progress.diverged) {
    progress = trainer.train(Math.min(chunk, steps - trainer.step), 10);
    if (process.stdout.isTTY) process.stdout.write(`\r${progressBar(trainer.step, steps)}`);
  }
  if (process.stdout.isTTY) process.stdout.write("\n");
  const seconds = (performance.now() - started) / 1000;
  if (progress.diverged) return failDiverged(trainer, progress.diverged);
  const losses = Object.entries(progress.losses ?? {})
    .map(([k, v]) => `${k} ${v.toFixed(4)}`)
    .join(", ");
  console.log(
    `trained ${trainer.step} steps in ${seconds.toFixed(1)} s (${(trainer.step / seconds).toFixed(1)} steps/s); loss: ${losses}`,
  );
  const samples = trainer.sample(Number(args.samples));
  // Non-finite samples are an error, not a file: the trainer marks them as a divergence.
  if (trainer.diverged) return failDiverged(trainer, trainer.diverged);
  const score = qualityScore(samples, dataset, { n: Number(args.samples) });
  console.log(qualityLine(score));
  if (args.out) {
    writeSamples(String(args.out), samples);
    console.log(`wrote ${samples.length / 2} samples to ${String(args.out)}`);
  }
  if (args["save-weights"]) {
    writeFileSync(String(args["save-weights"]), JSON.stringify(trainer.saveWeights()));
    console.log(`wrote the weights to ${String(args["save-weights"])}`);
  }
  trainer.dispose();
  return 0;
}

runIfMain(import.meta.url, main);
