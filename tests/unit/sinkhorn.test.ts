/**
 * Entropic optimal transport (src/lab/sinkhorn.ts) against plans solved by hand, written out here independently:
 * the plan minimising ⟨π, C⟩ − ε H(π) with uniform marginals has the Gibbs form π_ij = exp((f_i + g_j − C_ij)/ε).
 */
import { describe, expect, it } from "vitest";
import { sampleDataset } from "../../src/lab/datasets.ts";
import { createRandom, fillNormal } from "../../src/lab/random.ts";
import { meanRowPerplexity, samplePlanPairs, sinkhorn, squaredEuclideanCost } from "../../src/lab/sinkhorn.ts";

const TIGHT = { maxIterations: 10_000, tolerance: 1e-12 };

/** The plan's entry (i, j). */
const at = (plan: { plan: Float64Array; cols: number }, i: number, j: number) => plan.plan[i * plan.cols + j]!;

describe("squared Euclidean cost", () => {
  it("is ‖x_i − y_j‖², row-major", () => {
    const cost = squaredEuclideanCost(new Float32Array([0, 0, 1, 2]), new Float32Array([3, 4, 1, 0, -1, 2]));
    expect(Array.from(cost)).toEqual([25, 1, 5, 8, 4, 4]);
  });
});

describe("Sinkhorn's plan", () => {
  it("on three points of an equilateral triangle (sent to themselves): the plan solved by hand", () => {
    // x = y = three vertices at mutual distance d, so C_ii = 0 and C_ij = d² (i ≠ j). Permuting the vertices
    // (on both sides at once) maps the problem to itself, and its solution is unique, so π_ii = p and π_ij = q.
    // Gibbs form with equal potentials: p/q = exp(d²/ε); rows sum to 1/3: p + 2q = 1/3. With k = exp(−d²/ε):
    //   p = 1 / (3 (1 + 2k)),  q = k / (3 (1 + 2k)).
    // d = 1, ε = 0.5: k = e⁻² = 0.135335…, p = 0.262329…, q = 0.035502….
    const d = 1;
    const points = new Float32Array([0, 0, d, 0, d / 2, (d * Math.sqrt(3)) / 2]);
    const epsilon = 0.5;
    const plan = sinkhorn(squaredEuclideanCost(points, points), 3, 3, { epsilon, ...TIGHT });
    const k = Math.exp(-(d * d) / epsilon);
    const p = 1 / (3 * (1 + 2 * k));
    const q = k / (3 * (1 + 2 * k));
    expect(p).toBeCloseTo(0.262329, 6);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) expect(at(plan, i, j)).toBeCloseTo(i === j ? p : q, 6);
    }
  });

  it("on two points each side: π₁₁ = √r / (2(1 + √r)) with r = exp(−(C₁₁ + C₂₂ − C₁₂ − C₂₁)/ε)", () => {
    // Uniform 2×2 marginals leave one free entry: π = [[p, ½ − p], [½ − p, p]]. The Gibbs form makes the cross
    // ratio π₁₁π₂₂/(π₁₂π₂₁) = exp(−(C₁₁ + C₂₂ − C₁₂ − C₂₁)/ε) = r, so p/(½ − p) = √r.
    const cost = new Float64Array([1.0, 4.0, 2.5, 0.5]);
    for (const epsilon of [0.3, 1, 5]) {
      const plan = sinkhorn(cost, 2, 2, { epsilon, ...TIGHT });
      const root = Math.sqrt(Math.exp(-(1.0 + 0.5 - 4.0 - 2.5) / epsilon));
      const p = root / (2 * (1 + root));
      expect(at(plan, 0, 0)).toBeCloseTo(p, 6);
      expect(at(plan, 1, 1)).toBeCloseTo(p, 6);
      expect(at(plan, 0, 1)).toBeCloseTo(0.5 - p, 6);
    }
  });

  it("approaches the optimal assignment as ε → 0 (1D points: the sorted pairing), without NaN", () => {
    // On a line with cost (x − y)², the monotone pairing is optimal: 0 → 0.5, 1 → 1.2, 3 → 2.6.
    const x = new Float32Array([3, 0, 0, 0, 1, 0]);
    const y = new Float32Array([0.5, 0, 2.6, 0, 1.2, 0]);
    const partner = [1, 0, 2];
    for (const epsilon of [1e-2, 1e-3, 1e-4]) {
      const plan = sinkhorn(squaredEuclideanCost(x, y), 3, 3, { epsilon, ...TIGHT });
      for (let i = 0; i < 3; i++) {
        for (let j = 0; j < 3; j++) expect(at(plan, i, j)).toBeCloseTo(j === partner[i] ? 1 / 3 : 0, 6);
      }
    }
  });

  it("stays finite with costs ten thousand times ε, and still finds the assignment", () => {
    const x = new Float32Array([0, 0, 50, 10, -30, 40]);
    const y = new Float32Array([-30.5, 41, 0.3, -0.2, 50.5, 9.5]);
    const plan = sinkhorn(squaredEuclideanCost(x, y), 3, 3, { epsilon: 0.05, maxIterations: 200, tolerance: 1e-9 });
    expect(plan.plan.every(Number.isFinite)).toBe(true);
    expect(at(plan, 0, 1)).toBeCloseTo(1 / 3, 6);
    expect(at(plan, 1, 2)).toBeCloseTo(1 / 3, 6);
    expect(at(plan, 2, 0)).toBeCloseTo(1 / 3, 6);
  });

  it("on a rectangular problem: exact rows, columns within tolerance, the Gibbs form, and a minimum", () => {
    const rng = createRandom(3);
    const x = fillNormal(rng, new Float32Array(10));
    const y = fillNormal(rng, new Float32Array(8));
    const epsilon = 0.4;
    const cost = squaredEuclideanCost(x, y);
    const plan = sinkhorn(cost, 5, 4, { epsilon, ...TIGHT });
    for (let i = 0; i < 5; i++) {
      let row = 0;
      for (let j = 0; j < 4; j++) row += at(plan, i, j);
      expect(row).toBeCloseTo(1 / 5, 12);
    }
    for (let j = 0; j < 4; j++) {
      let column = 0;
      for (let i = 0; i < 5; i++) column += at(plan, i, j);
      expect(column).toBeCloseTo(1 / 4, 9);
    }
    // log π_ij + C_ij/ε = (f_i + g_j)/ε has rank-one structure in (i, j).
    const h = (i: number, j: number) => Math.log(at(plan, i, j)) + cost[i * 4 + j]! / epsilon;
    for (let i = 1; i < 5; i++) {
      for (let j = 1; j < 4; j++) expect(h(i, j) - h(i, 0) - h(0, j) + h(0, 0)).toBeCloseTo(0, 6);
    }
    // Moving mass around a cycle keeps the marginals, and only raises ⟨π, C⟩ − ε H(π).
    const objective = (p: Float64Array) =>
      p.reduce((sum, value, k) => sum + value * cost[k]! + epsilon * value * Math.log(value), 0);
    const best = objective(plan.plan);
    for (const delta of [1e-3, -1e-3]) {
      const moved = plan.plan.slice();
      moved[0]! += delta;
      moved[1]! -= delta;
      moved[4]! -= delta;
      moved[5]! += delta;
      expect(objective(moved)).toBeGreaterThan(best);
    }
  });
});

describe("Sinkhorn's plan on a training batch", () => {
  // 128 standard normal points to 128 of 8gaussians, as the Schrödinger-bridge demo pairs them at σ = 0.05.
  const rng = createRandom(4);
  const cost = squaredEuclideanCost(fillNormal(rng, new Float32Array(256)), sampleDataset("8gaussians", 128, rng));

  it("places all but a few percent of the columns' mass within 100 iterations at ε = 2·0.05² (ε-scaling)", () => {
    // From a cold start at this ε, 100 plain iterations leave more than half of the mass misplaced.
    const plan = sinkhorn(cost, 128, 128, { epsilon: 0.005, maxIterations: 100, tolerance: 5e-3 });
    expect(plan.plan.every(Number.isFinite)).toBe(true);
    expect(plan.columnError).toBeLessThan(0.05);
  });

  it("ends on the rows even when stopped early: each sums to exactly 1/n, so drawing a partner per row samples π", () => {
    const plan = sinkhorn(cost, 128, 128, { epsilon: 0.5, maxIterations: 2, tolerance: 0.5 });
    expect(plan.iterations).toBeLessThanOrEqual(2);
    for (let i = 0; i < 128; i++) {
      let row = 0;
      for (let j = 0; j < 128; j++) row += at(plan, i, j);
      expect(row).toBeCloseTo(1 / 128, 14);
    }
    expect(plan.columnError).toBeGreaterThan(1e-6);
  });
});

describe("pairs drawn from a plan", () => {
  it("draw each row's partner j with probability π_ij / Σ_j π_ij (Monte Carlo on the triangle's plan)", () => {
    const points = new Float32Array([0, 0, 1, 0, 0.5, Math.sqrt(3) / 2]);
    const plan = sinkhorn(squaredEuclideanCost(points, points), 3, 3, { epsilon: 0.5, ...TIGHT });
    const k = Math.exp(-2);
    const stay = 1 / (1 + 2 * k); // 3p: the chance that a vertex is paired with itself
    const rng = createRandom(9);
    const draws = 20_000;
    const counts = [
      [0, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
    ];
    for (let r = 0; r < draws; r++) {
      const partners = samplePlanPairs(plan, rng);
      for (let i = 0; i < 3; i++) counts[i]![partners[i]!]!++;
    }
    const se = (p: number) => Math.sqrt((p * (1 - p)) / draws);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        const expected = i === j ? stay : (1 - stay) / 2;
        expect(Math.abs(counts[i]![j]! / draws - expected)).toBeLessThan(5 * se(expected));
      }
    }
  });
});

describe("the plan's mean row perplexity", () => {
  it("is exp(−Σ p log p) of each row's partners: 1 for an assignment, e^H on the triangle, m for a flat plan", () => {
    const assignment = { plan: new Float64Array([0, 0.5, 0.5, 0]), rows: 2, cols: 2, iterations: 0, columnError: 0 };
    expect(meanRowPerplexity(assignment)).toBeCloseTo(1, 12);
    const flat = { plan: new Float64Array(12).fill(1 / 12), rows: 3, cols: 4, iterations: 0, columnError: 0 };
    expect(meanRowPerplexity(flat)).toBeCloseTo(4, 12);
    // The triangle's rows: 1/(1 + 2k) for the vertex itself, k/(1 + 2k) for each other one (k = e⁻²).
    const points = new Float32Array([0, 0, 1, 0, 0.5, Math.sqrt(3) / 2]);
    const plan = sinkhorn(squaredEuclideanCost(points, points), 3, 3, { epsilon: 0.5, ...TIGHT });
    const k = Math.exp(-2);
    const row = [1 / (1 + 2 * k), k / (1 + 2 * k), k / (1 + 2 * k)];
    expect(meanRowPerplexity(plan)).toBeCloseTo(Math.exp(-row.reduce((h, p) => h + p * Math.log(p), 0)), 6);
  });
});
