/**
 * `npm run train -- --model gan --dataset moons --steps 3000 --seed 1 --out samples.csv`
 * Trains one family in Node (WASM backend, or CPU), shows progress, prints the final losses and the
 * quality score (10,000 samples), and writes samples as CSV `x,y` or JSON, by the file's extension.
 * Bad arguments print the usage and exit with code 2.
 */
import { writeFileSync } from "node:fs";
import { chooseBackend } from "../lab/backend.ts";
import { samplesCsv } from "../lab/csv-export.ts";
import { DATASET_NAMES, type DatasetName } from "../lab/dataset-names.ts";
import { qualityScore } from "../lab/metrics.ts";
import { FAMILIES, getFamily } from "../models/registry.ts";
import { COMMON_SETTINGS } from "../settings/common.ts";
import { divergenceMessageEn, type Divergence } from "../models/divergence.ts";
import { Trainer } from "../models/trainer.ts";
import { applyRawSettings, defaults } from "../settings/resolve.ts";
import { integer, oneOf, parseArgs, usage, UsageError, type OptionSpec } from "./args.ts";
import { qualityLine } from "./quality-line.ts";

/** The seed's range and default, from the settings every demo has (the directive and the URL read the same). */
const SEED = COMMON_SETTINGS.find((s) => s.name === "seed")!;

const OPTIONS: OptionSpec[] = [
  { name: "model", help: `family: ${Object.keys(FAMILIES).join(", ")}`, parse: oneOf(Object.keys(FAMILIES)) },
  { name: "dataset", help: DATASET_NAMES.join(", "), parse: oneOf(DATASET_NAMES), default: "8gaussians" },
  { name: "steps", help: "training steps (default: the family's training budget)", parse: integer(1, 1_000_000) },
  { name: "seed", help: "random seed", parse: integer(SEED.min, SEED.max), default: SEED.default },
  { name: "samples", help: "samples to draw and score", parse: integer(100, 1_000_000), default: 10_000 },
  { name: "backend", help: "wasm or cpu", parse: oneOf(["wasm", "cpu"] as const), default: "wasm" },
  { name: "set", help: "family setting name=value, comma-separated (e.g. loss=wgan,clip=0.05)", parse: (v) => v },
  {
    name: "out",
    help: "write samples to a .csv (x,y) or .json file",
    parse: (v) => {
      if (!/\.(csv|json)$/i.test(v)) throw new Error(`the file must end in .csv or .json, got "${v}"`);
      return v;
    },
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
    const parsed = applyRawSettings(family.settings, defaults(family.settings), raw, "--set");
    if (parsed.problems.length) throw new UsageError(parsed.problems.join("; "));
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
  console.log(`${family.title} on ${dataset}, seed ${args.seed}, ${steps} steps, backend ${backend.name}`);
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
  trainer.dispose();
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
