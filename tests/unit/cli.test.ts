import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

function train(...args: string[]) {
  return spawnSync(process.execPath, ["src/cli/train.ts", ...args], { encoding: "utf8", timeout: 120_000 });
}

describe("npm run train", () => {
  it("trains, prints the loss and quality score, and writes the samples as CSV", () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), "train-")), "samples.csv");
    const run = train(
      "--model",
      "gan",
      "--dataset",
      "moons",
      "--steps",
      "20",
      "--seed",
      "1",
      "--samples",
      "500",
      "--out",
      out,
    );
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/trained 20 steps .* loss: discriminator [\d.]+, generator [\d.]+/);
    expect(run.stdout).toMatch(/quality: normalised -?[\d.]+ .*500 samples/);
    const lines = readFileSync(out, "utf8").trim().split("\n");
    expect(lines[0]).toBe("x,y");
    expect(lines).toHaveLength(501);
    expect(lines.slice(1).every((l) => l.split(",").map(Number).every(Number.isFinite))).toBe(true);
  });

  it("writes JSON when the file ends in .json, with the same samples for the same seed", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "train-"));
    const a = path.join(dir, "a.json");
    const b = path.join(dir, "b.json");
    for (const file of [a, b])
      expect(
        train("--model", "ddpm", "--steps", "5", "--samples", "100", "--set", "steps=20", "--out", file).status,
      ).toBe(0);
    const points = JSON.parse(readFileSync(a, "utf8")) as number[][];
    expect(points).toHaveLength(100);
    expect(points[0]).toHaveLength(2);
    expect(readFileSync(a, "utf8")).toBe(readFileSync(b, "utf8"));
  });

  it("saves the trained weights and starts again from them: the loaded model scores as the trained one did", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "train-"));
    const weights = path.join(dir, "vae-weights.json");
    const quality = (stdout: string) => /quality: .*/.exec(stdout)?.[0];
    const trained = train("--model", "vae", "--steps", "40", "--samples", "500", "--save-weights", weights);
    expect(trained.status, trained.stderr).toBe(0);
    const file = JSON.parse(readFileSync(weights, "utf8")) as { family: string; step: number };
    expect([file.family, file.step]).toEqual(["vae", 40]);
    const loaded = train("--model", "vae", "--steps", "0", "--samples", "500", "--weights", weights);
    expect(loaded.status, loaded.stderr).toBe(0);
    expect(loaded.stdout).toContain("loaded the weights");
    expect(quality(loaded.stdout)).toBe(quality(trained.stdout));
    const untrained = train("--model", "vae", "--steps", "0", "--samples", "500");
    expect(quality(untrained.stdout)).not.toBe(quality(trained.stdout));
    const wrong = train("--model", "gan", "--steps", "1", "--weights", weights);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('the weights are of model "vae", not "gan"');
  });

  it("refuses to write non-finite samples: exits 1, says how many, and leaves no file", () => {
    // DDPM at learning rate 1: its losses stay finite for 20 steps, but the reverse chain overflows.
    const out = path.join(mkdtempSync(path.join(tmpdir(), "train-")), "samples.csv");
    const run = train("--model", "ddpm", "--steps", "20", "--samples", "100", "--set", "learningRate=1", "--out", out);
    expect(run.status, run.stdout).toBe(1);
    expect(run.stderr).toMatch(
      /diverged at step 20: \d+ of 100 samples are not finite.*lower the learning rate; nothing written/,
    );
    expect(existsSync(out)).toBe(false);
  });

  it("prints the usage and exits with code 2 on bad arguments", () => {
    for (const args of [
      [],
      ["--model", "gann"],
      ["--model", "gan", "--steps", "x"],
      ["--model", "gan", "--bogus", "1"],
      ["--model", "gan", "--set", "learningRate=9"],
      ["--model", "gan", "--out", "a.txt"],
    ]) {
      const run = train(...args);
      expect(run.status, args.join(" ")).toBe(2);
      expect(run.stderr).toMatch(/usage: npm run train -- \[options\]/);
    }
  });

  it("refuses, before training, a file to write in a missing folder or that is a folder (found by fuzzing)", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "train-"));
    mkdirSync(path.join(dir, "folder.csv"));
    for (const [flag, file, message] of [
      ["--out", "missing/samples.csv", /--out: cannot write .*missing\/samples\.csv: no folder .*missing/],
      ["--save-weights", "missing/w.json", /--save-weights: cannot write .*missing\/w\.json: no folder/],
      ["--out", "folder.csv", /--out: cannot write .*folder\.csv: it is a folder/],
    ] as const) {
      const run = train("--model", "autoregressive", "--steps", "0", "--samples", "100", flag, path.join(dir, file));
      expect(run.status, run.stderr).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stdout).not.toContain("trained");
    }
    expect(readdirSync(dir, { recursive: true })).toEqual(["folder.csv"]);
  });
});
