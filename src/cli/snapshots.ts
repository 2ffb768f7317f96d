/**
 * `npm run snapshots` (or `npm run snapshots -- autoregressive gan` for some): the trained models the demos'
 * "加载训练好的模型" loads. For each family it runs `npm run train`'s own code at its defaults (seed 1, 8gaussians,
 * the family's default settings and training budget), rounds the weights to the most significant digits (of
 * `SNAPSHOT_PRECISIONS`) that keep the file under `SNAPSHOT_MAX_GZIP`, writes `public/snapshots/<family>.json`,
 * loads that file back and prints its quality score (10,000 samples) and its gzip size. A family whose file passes
 * `SNAPSHOT_MAX_GZIP` even at the fewest digits fails the command (exit code 1); an unknown family exits with 2.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { gzipSync } from "node:zlib";
import type { QualityScore } from "../lab/metrics.ts";
import { datasetQuality } from "../lab/own-score.ts";
import { parseWeights, roundWeights, type WeightsFile } from "../lab/weights-file.ts";
import { FAMILY_IDS, parseFamilyId, type FamilyId } from "../models/ids.ts";
import { snapshotPath, trainerFromWeights } from "../models/snapshot.ts";
import { qualityLine } from "./quality-line.ts";
import { main as train } from "./train.ts";
import { runIfMain } from "./run-main.ts";

/** The most a snapshot may weigh, gzipped: what a reader on a slow classroom connection waits for. */
export const SNAPSHOT_MAX_GZIP = 40 * 1024;

/**
 * The precisions tried, most digits first (see `WeightsFile.precision`): 4 digits of each variable's largest value
 * is far below what changes the samples; 2 (a step of 0.005 for weights up to 0.5) is what the GAN, which ships its
 * generator, its average and its discriminator, needs to fit.
 */
export const SNAPSHOT_PRECISIONS = [4, 3, 2] as const;

/** Samples the score is computed on (as `npm run train`). */
export const SNAPSHOT_SAMPLES = 10_000;

/** One family's line of the closing table. */
export interface SnapshotResult {
  family: FamilyId;
  score: number;
  bytes: number;
  gzipBytes: number;
  precision: number;
}

/** The quality score of a snapshot's text, loaded as the demo loads it, on `SNAPSHOT_SAMPLES` samples. */
export function scoreSnapshot(text: string, family: FamilyId): QualityScore {
  const trainer = trainerFromWeights(text, family);
  try {
    const samples = trainer.sample(SNAPSHOT_SAMPLES);
    return datasetQuality(samples, trainer.options.dataset, { n: SNAPSHOT_SAMPLES });
  } finally {
    trainer.dispose();
  }
}

/** The text of `file` at the most digits of `SNAPSHOT_PRECISIONS` that fit `SNAPSHOT_MAX_GZIP`, or null if none. */
export function snapshotText(file: WeightsFile): { text: string; gzipBytes: number; precision: number } | null {
  for (const precision of SNAPSHOT_PRECISIONS) {
    const text = JSON.stringify(roundWeights(file, precision));
    const gzipBytes = gzipSync(text).length;
    if (gzipBytes <= SNAPSHOT_MAX_GZIP) return { text, gzipBytes, precision };
  }
  return null;
}

/** Trains `family` by `npm run train`'s code at its defaults and returns its weights file (full float32). */
export async function trainSnapshot(family: FamilyId): Promise<WeightsFile> {
  const dir = mkdtempSync(join(tmpdir(), "snapshot-"));
  try {
    const file = join(dir, `${family}.json`);
    const code = await train(["--model", family, "--save-weights", file]);
    if (code !== 0) throw new Error(`npm run train -- --model ${family} failed (exit code ${code})`);
    return parseWeights(readFileSync(file, "utf8"), family);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Writes the snapshots of the families named in `argv` (all when none) under `outDir`; resolves with the exit code. */
export async function main(argv: readonly string[], outDir = "public"): Promise<number> {
  let families: FamilyId[];
  try {
    families = argv.length ? argv.map(parseFamilyId) : [...FAMILY_IDS];
  } catch (error) {
    console.error(`error: ${(error as Error).message}\nusage: npm run snapshots [-- family …]`);
    return 2;
  }
  const results: SnapshotResult[] = [];
  for (const family of families) {
    const snapshot = snapshotText(await trainSnapshot(family));
    if (!snapshot) {
      console.error(
        `error: ${family}'s snapshot is over ${SNAPSHOT_MAX_GZIP} bytes gzipped at every precision; not written`,
      );
      return 1;
    }
    const { text, gzipBytes, precision } = snapshot;
    const path = join(outDir, snapshotPath(family));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    const score = scoreSnapshot(text, family);
    console.log(
      `wrote ${path}: ${(gzipBytes / 1024).toFixed(1)} KB gzip (${(text.length / 1024).toFixed(1)} KB), ` +
        `${precision} digits`,
    );
    console.log(`  loaded back, ${qualityLine(score)}`);
    results.push({ family, score: score.normalised, bytes: text.length, gzipBytes, precision });
  }
  console.log("\nfamily               score   gzip KB  digits");
  for (const r of results) {
    const kb = (r.gzipBytes / 1024).toFixed(1);
    console.log(`${r.family.padEnd(20)} ${r.score.toFixed(3).padStart(6)}  ${kb.padStart(7)}  ${r.precision}`);
  }
  return 0;
}

runIfMain(import.meta.url, main);
