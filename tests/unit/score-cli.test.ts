/**
 * `npm run score`: a file of points scored with the same quality score as `npm run train` prints, non-finite and
 * off-grid samples counted, and bad files or arguments refused with exit code 2 and nothing printed as a score.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DATASET_NAMES } from "../../src/lab/dataset-names.ts";
import { sampleDataset } from "../../src/lab/datasets.ts";
import { qualityScore } from "../../src/lab/metrics.ts";
import { createRandom } from "../../src/lab/random.ts";

function score(...args: string[]) {
  return spawnSync(process.execPath, ["src/cli/score.ts", ...args], { encoding: "utf8", timeout: 60_000 });
}

function train(...args: string[]) {
  return spawnSync(process.execPath, ["src/cli/train.ts", ...args], { encoding: "utf8", timeout: 120_000 });
}

const dir = mkdtempSync(path.join(tmpdir(), "score-"));

function file(name: string, text: string): string {
  const where = path.join(dir, name);
  writeFileSync(where, text);
  return where;
}

/** The CSV that `npm run train --out` writes. */
function csv(points: Float32Array): string {
  const lines = ["x,y"];
  for (let i = 0; i < points.length; i += 2) lines.push(`${points[i]},${points[i + 1]}`);
  return `${lines.join("\n")}\n`;
}

/** The parts of a printed quality line. */
function printed(stdout: string) {
  const match =
    /quality: normalised (-?[\d.]+) \(JS ([\d.]+), noise floor ([\d.]+), one Gaussian ([\d.]+), (\d+) samples/.exec(
      stdout,
    );
  expect(match, stdout).not.toBeNull();
  const [, normalised, js, noiseFloor, gaussianJs, n] = match!.map(Number);
  return { normalised, js, noiseFloor, gaussianJs, n };
}

describe("npm run score", () => {
  it("prints the same score as npm run train for the samples train wrote (JSON)", () => {
    const out = path.join(dir, "trained.json");
    const trained = train("--model", "gan", "--dataset", "moons", "--steps", "20", "--samples", "2000", "--out", out);
    expect(trained.status, trained.stderr).toBe(0);
    const run = score("--dataset", "moons", out);
    expect(run.status, run.stderr).toBe(0);
    expect(printed(run.stdout)).toEqual(printed(trained.stdout));
    expect(run.stdout).toContain(`${out}: 2000 points, against moons (reference seed 1)`);
  });

  it("scores a CSV file with the quality score of its points, counting samples off the grid and not finite", () => {
    const points = sampleDataset("8gaussians", 3000, createRandom(5));
    // A partly diverged model: 600 points far away, 300 NaN, 300 with an infinite coordinate.
    for (let i = 0; i < 600; i++) points.fill(100, 2 * i, 2 * i + 2);
    for (let i = 600; i < 900; i++) points.fill(Number.NaN, 2 * i, 2 * i + 2);
    for (let i = 900; i < 1200; i++) points[2 * i + (i % 2)] = i % 4 < 2 ? Infinity : -Infinity;
    const text = csv(points);
    expect(text).toContain("\nNaN,NaN\n");
    expect(text).toMatch(/\n-Infinity,|,-Infinity\n/);
    const run = score("--dataset", "8gaussians", file("diverged.csv", text.replaceAll("\n", "\r\n")));
    expect(run.status, run.stderr).toBe(0);
    const expected = qualityScore(points, "8gaussians", { n: 3000 });
    expect(printed(run.stdout)).toEqual({
      normalised: Number(expected.normalised.toFixed(3)),
      js: Number(expected.js.toFixed(4)),
      noiseFloor: Number(expected.noiseFloor.toFixed(4)),
      gaussianJs: Number(expected.gaussianJs.toFixed(4)),
      n: 3000,
    });
    expect(expected.normalised).toBeGreaterThan(0.5);
    expect(run.stdout).toContain("600 outside [−4.5, 4.5]², 600 not finite)");
  });

  it("takes --n (the first n points), --seed (the reference draws) and -- before the file", () => {
    const points = sampleDataset("moons", 3000, createRandom(6));
    const where = file("moons.csv", csv(points));
    const run = score("--dataset", "moons", "--n", "1500", "--seed=7", where);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain("3000 points, the first 1500 scored, against moons (reference seed 7)");
    const expected = qualityScore(points, "moons", { n: 1500, seed: 7 });
    expect(printed(run.stdout)).toMatchObject({ noiseFloor: Number(expected.noiseFloor.toFixed(4)), n: 1500 });
    // After a lone "--" every argument is a file name.
    expect(score("--dataset", "moons", "--", where).stdout).toContain(`${where}: 3000 points, against moons`);
  });

  it("says a score of few points is noisy", () => {
    const run = score("--dataset", "moons", file("few.json", JSON.stringify([[0, 0], [1, 1], { x: 2, y: 0.5 }])));
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain("3 samples");
    expect(run.stderr).toMatch(/^note: 3 points are few/);
  });

  it("refuses a file with bad lines, naming the file and the first lines, and prints no score", () => {
    const lines = ["x,y", "1,2"];
    for (let i = 0; i < 12; i++) lines.push(i === 0 ? "1,2,3" : `oops${i},1`);
    const where = file("bad.csv", lines.join("\n"));
    const run = score("--dataset", "moons", where);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(`error: ${where} is not a valid CSV points file (12 problems):`);
    expect(run.stderr).toContain(`${where}: line 3: expected 2 values separated by a comma (x,y), got 3`);
    expect(run.stderr).toContain(`${where}: line 4: the x value "oops1" is not a number`);
    expect(run.stderr).toContain(`${where}: line 7: the x value "oops4" is not a number`);
    expect(run.stderr).not.toContain("line 8:");
    expect(run.stderr).toContain("… and 7 more");

    const json = score("--dataset", "moons", file("bad.json", '[[1, 2], [3, "x"], [4, 5]]'));
    expect(json.status).toBe(2);
    expect(json.stdout).toBe("");
    expect(json.stderr).toContain('bad.json: entry [1]: the y value "x" is not a number');
  });

  it("refuses a missing file, too few points, an unknown dataset and bad arguments, with exit code 2", () => {
    const good = file("good.csv", csv(sampleDataset("moons", 100, createRandom(1))));
    const missing = score("--dataset", "moons", path.join(dir, "nope.csv"));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain(`cannot read ${path.join(dir, "nope.csv")}: no such file`);
    const one = score("--dataset", "moons", file("one.csv", "x,y\n1,2\n"));
    expect(one.status).toBe(2);
    expect(one.stderr).toMatch(/one\.csv holds 1 point; scoring needs at least 2/);
    const unknown = score("--dataset", "spirals", good);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain(DATASET_NAMES.join(", "));
    for (const args of [
      [good],
      ["--dataset", "moons"],
      ["--dataset", "moons", good, good],
      ["--dataset", "moons", "--bogus", "1", good],
      ["--dataset", "moons", "--n", "1", good],
      ["--dataset", "moons", "-x", good],
    ]) {
      const run = score(...args);
      expect(run.status, args.join(" ")).toBe(2);
      expect(run.stdout, args.join(" ")).toBe("");
      expect(run.stderr, args.join(" ")).toMatch(/usage: npm run score -- \[options\] FILE/);
    }
  });

  it("prints its usage with --help, saying how non-finite values are read", () => {
    const run = score("--help");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^usage: npm run score -- \[options\] FILE/);
    expect(run.stdout).toContain("NaN, Infinity and -Infinity");
  });
});
