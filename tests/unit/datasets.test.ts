/**
 * The toy datasets against the statistics their definitions imply (FFJORD `lib/toy_data.py`).
 * Statistical checks use 20,000 points from a fixed seed; a sample mean is allowed 5 standard errors
 * (a 1-in-1.7-million miss for a correct sampler, yet tight enough to catch a wrong scale, shift or share).
 */
import { describe, expect, it } from "vitest";
import { DATASET_NAMES } from "../../src/lab/dataset-names.ts";
import { createDataStream, sampleDataset } from "../../src/lab/datasets.ts";
import { createRandom, fillNormal } from "../../src/lab/random.ts";

const N = 20_000;
const STANDARD_ERRORS = 5;

function draw(name: string, seed = 2018): { x: number[]; y: number[] } {
  const points = sampleDataset(name, N, createRandom(seed));
  const x: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < N; i++) {
    x.push(points[2 * i]!);
    y.push(points[2 * i + 1]!);
  }
  return { x, y };
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

function std(values: readonly number[]): number {
  const m = mean(values);
  return Math.sqrt(values.reduce((sum, v) => sum + (v - m) ** 2, 0) / (values.length - 1));
}

/** Expects the sample mean of `values` to lie within 5 standard errors of `expected`. */
function expectMeanNear(values: readonly number[], expected: number): void {
  const standardError = std(values) / Math.sqrt(values.length);
  expect(Math.abs(mean(values) - expected)).toBeLessThan(STANDARD_ERRORS * standardError);
}

/** Expects a share of `count` out of `total` to lie within 5 binomial standard errors of `expected`. */
function expectShareNear(count: number, total: number, expected: number): void {
  const standardError = Math.sqrt((expected * (1 - expected)) / total);
  expect(Math.abs(count / total - expected)).toBeLessThan(STANDARD_ERRORS * standardError);
}

describe("createRandom, the seeded generator behind every dataset", () => {
  it("replays a sequence from its seed and differs between seeds", () => {
    const sequence = (seed: number) => Array.from({ length: 8 }, createRandom(seed).uniform);
    expect(sequence(42)).toEqual(sequence(42));
    expect(sequence(42)).not.toEqual(sequence(43));
  });

  it("forks deterministic, distinct streams without consuming from the parent", () => {
    const parent = createRandom(5);
    const fork = parent.fork("data");
    expect(parent.uniform()).toBe(createRandom(5).uniform());
    expect(createRandom(5).fork("data").uniform()).toBe(fork.uniform());
    expect(createRandom(5).fork("data").uniform()).not.toBe(createRandom(5).fork("noise").uniform());
    expect(createRandom(5).fork("data").uniform()).not.toBe(createRandom(6).fork("data").uniform());
    const child = createRandom(5).fork(3);
    expect(createRandom(child.seed).uniform()).toBe(child.uniform());
  });

  it("draws uniforms in [0, 1), integers in 0..n−1 and standard normals with the right moments", () => {
    const rng = createRandom(11);
    const uniforms = Array.from({ length: N }, rng.uniform);
    expect(Math.min(...uniforms)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...uniforms)).toBeLessThan(1);
    expectMeanNear(uniforms, 0.5);
    const integers = Array.from({ length: N }, () => rng.int(3));
    for (const k of [0, 1, 2]) expectShareNear(integers.filter((v) => v === k).length, N, 1 / 3);
    const normals = Array.from(fillNormal(rng, new Float32Array(N)));
    expectMeanNear(normals, 0);
    // The sample variance of N standard normals has standard error sqrt(2/N) = 0.01.
    expect(Math.abs(std(normals) ** 2 - 1)).toBeLessThan(STANDARD_ERRORS * Math.sqrt(2 / N));
  });
});

describe("sampleDataset", () => {
  it("gives identical arrays for the same seed and different ones for different seeds", () => {
    for (const name of DATASET_NAMES) {
      const first = sampleDataset(name, 100, createRandom(1));
      expect(first).toHaveLength(200);
      expect(sampleDataset(name, 100, createRandom(1))).toEqual(first);
      expect(sampleDataset(name, 100, createRandom(2))).not.toEqual(first);
    }
  });

  it("rejects an unknown name with a message that lists the valid names", () => {
    expect(() => sampleDataset("9gaussians", 10, createRandom(1))).toThrow(/Unknown dataset "9gaussians"/);
    expect(() => sampleDataset("9gaussians", 10, createRandom(1))).toThrow(DATASET_NAMES.join(", "));
  });

  it("gives only finite values", () => {
    for (const name of DATASET_NAMES) {
      expect(sampleDataset(name, N, createRandom(3)).every(Number.isFinite), name).toBe(true);
    }
  });
});

describe("createDataStream", () => {
  it("replays its batches from the seed and never repeats a batch", () => {
    const a = createDataStream("moons", 9);
    const b = createDataStream("moons", 9);
    const firstA = a.next(50);
    expect(b.next(50)).toEqual(firstA);
    expect(a.next(50)).toEqual(b.next(50));
    expect(a.next(50)).not.toEqual(firstA);
    expect(createDataStream("moons", 10).next(50)).not.toEqual(firstA);
  });

  it("checks the name when the stream is made", () => {
    expect(() => createDataStream("spiral", 1)).toThrow(DATASET_NAMES.join(", "));
  });
});

describe("dataset statistics (20,000 points each)", () => {
  it("8gaussians: 8 equal modes at radius 4/1.414 with std 0.5/1.414, centred overall", () => {
    const { x, y } = draw("8gaussians");
    expectMeanNear(x, 0);
    expectMeanNear(y, 0);
    const radius = 4 / 1.414;
    const centres = Array.from({ length: 8 }, (_, k) => [
      radius * Math.cos((k * Math.PI) / 4),
      radius * Math.sin((k * Math.PI) / 4),
    ]);
    const modes = centres.map(() => ({ x: [] as number[], y: [] as number[] }));
    for (let i = 0; i < N; i++) {
      const nearest = centres.reduce(
        (best, [cx, cy], k) => {
          const distance = Math.hypot(x[i]! - cx!, y[i]! - cy!);
          return distance < best.distance ? { k, distance } : best;
        },
        { k: -1, distance: Infinity },
      );
      modes[nearest.k]!.x.push(x[i]!);
      modes[nearest.k]!.y.push(y[i]!);
    }
    // Neighbouring centres are 2.16 apart, over 3 std from their midpoint, so nearest-centre assignment
    // misplaces about 0.1% of points and truncates each mode's spread by well under 1%.
    modes.forEach((mode, k) => {
      expectShareNear(mode.x.length, N, 1 / 8);
      expectMeanNear(mode.x, centres[k]![0]!);
      expectMeanNear(mode.y, centres[k]![1]!);
      // The sample std of m ≈ 2,500 normals has standard error std/sqrt(2m) ≈ 0.005; allow 5 of them, ≈ 0.025.
      for (const coordinate of [mode.x, mode.y]) {
        expect(Math.abs(std(coordinate) - 0.5 / 1.414)).toBeLessThan(
          STANDARD_ERRORS * (0.5 / 1.414 / Math.sqrt(2 * 2500)),
        );
      }
    });
  });

  it("moons: mean (0, 0.3), the exact mean of the definition", () => {
    // Before scaling, the outer moon has mean (E cos t, E sin t) = (0, 2/π) for t ~ U[0, π] and the inner
    // (1, 1/2 − 2/π); in equal shares that is (1/2, 1/4), and x·2 + (−1, −0.2) maps it to (0, 0.3).
    const { x, y } = draw("moons");
    expectMeanNear(x, 0);
    expectMeanNear(y, 0.3);
  });

  it("circles: radii 3 and 1.5 in equal shares", () => {
    const { x, y } = draw("circles");
    const radii = x.map((xi, i) => Math.hypot(xi, y[i]!));
    const outer = radii.filter((r) => r > 2.25);
    const inner = radii.filter((r) => r <= 2.25);
    expectShareNear(outer.length, N, 0.5);
    // Noise of std s = 0.08·3 = 0.24 per coordinate pushes the mean radius out to about R + s²/(2R):
    // 3.0096 and 1.5192. The halves sit 1.5 apart, over 6 std, so the 2.25 split misplaces nothing.
    const noise = 0.24;
    expectMeanNear(outer, 3 + noise ** 2 / 6);
    expectMeanNear(inner, 1.5 + noise ** 2 / 3);
    expect(Math.abs(std(outer) - noise)).toBeLessThan(0.02);
    expect(Math.abs(std(inner) - noise)).toBeLessThan(0.02);
  });

  it("checkerboard: every point in a white square of [−4, 4]², the 8 squares equally filled", () => {
    const { x, y } = draw("checkerboard");
    const squareCounts = new Map<string, number>();
    for (let i = 0; i < N; i++) {
      expect(Math.abs(x[i]!)).toBeLessThanOrEqual(4);
      expect(Math.abs(y[i]!)).toBeLessThanOrEqual(4);
      const column = Math.floor(x[i]! / 2);
      const row = Math.floor(y[i]! / 2);
      expect((((column + row) % 2) + 2) % 2).toBe(0);
      squareCounts.set(`${column},${row}`, (squareCounts.get(`${column},${row}`) ?? 0) + 1);
    }
    expect(squareCounts.size).toBe(8);
    for (const count of squareCounts.values()) expectShareNear(count, N, 1 / 8);
  });

  it("swissroll: the radius grows with the angle (r = t at angle t, before the division by 5)", () => {
    const { x, y } = draw("swissroll");
    // For a point at angle θ and radius r (undoing the /5), θ − r is 0 mod 2π on the noise-free roll r = t.
    // Unit noise per coordinate spreads θ − r by about N(0, 1 + E[1/t²]) ≈ N(0, 1.02), so E cos(θ − r) ≈
    // exp(−1.02/2) = 0.60 (standard error 0.003). A roll winding the other way (r = −θ) would give ≈ 0.
    const alignment = x.map((xi, i) => Math.cos(Math.atan2(y[i]!, xi) - 5 * Math.hypot(xi, y[i]!)));
    const mirrored = x.map((xi, i) => Math.cos(-Math.atan2(y[i]!, xi) - 5 * Math.hypot(xi, y[i]!)));
    expect(Math.abs(mean(alignment) - 0.6)).toBeLessThan(0.05);
    expect(Math.abs(mean(mirrored))).toBeLessThan(0.1);
    // t ~ U[1.5π, 4.5π], so the mean radius (times 5) is 3π plus a small outward push from the noise.
    expect(Math.abs(5 * mean(x.map((xi, i) => Math.hypot(xi, y[i]!))) - 3 * Math.PI)).toBeLessThan(0.2);
  });

  it("pinwheel: 5 equally filled arms", () => {
    const { x, y } = draw("pinwheel");
    // Undo the twist: a point of arm k at radius r (before the ×2) sits near angle −(2πk/5 + 0.25·exp(r)),
    // off by atan(tangential/radial) ≈ 0.1 rad std. So the untwisted angle should lie within 0.3 rad of a
    // multiple of 2π/5 for ≳ 97% of points; a shapeless cloud would do so for 5·0.6/(2π) ≈ 48%.
    const armWidth = (2 * Math.PI) / 5;
    const armCounts = [0, 0, 0, 0, 0];
    let onArm = 0;
    for (let i = 0; i < N; i++) {
      const px = x[i]! / 2;
      const py = y[i]! / 2;
      const untwisted = -Math.atan2(py, px) - 0.25 * Math.exp(Math.hypot(px, py));
      const arm = Math.round(untwisted / armWidth);
      if (Math.abs(untwisted - arm * armWidth) < 0.3) {
        onArm++;
        armCounts[((arm % 5) + 5) % 5]!++;
      }
    }
    expect(onArm / N).toBeGreaterThan(0.95);
    for (const count of armCounts) expectShareNear(count, onArm, 1 / 5);
  });

  it("2spirals: symmetric about the origin (all odd moments ≈ 0)", () => {
    const { x, y } = draw("2spirals");
    // A point-symmetric distribution has zero odd moments; one spiral alone has mean ≈ (0.22, 0.72) after /3.
    expectMeanNear(x, 0);
    expectMeanNear(y, 0);
    expectMeanNear(
      x.map((v) => v ** 3),
      0,
    );
    expectMeanNear(
      y.map((v) => v ** 3),
      0,
    );
    expectMeanNear(
      x.map((v, i) => v * v * y[i]!),
      0,
    );
    expectMeanNear(
      x.map((v, i) => v * y[i]! * y[i]!),
      0,
    );
  });
});
