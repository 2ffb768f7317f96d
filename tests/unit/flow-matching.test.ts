/**
 * Flow-matching closed forms (Lipman et al. 2022), written out here independently of
 * src/lab/flow-matching-ode.ts and src/models/flow-matching.ts: the straight conditional path and its
 * velocity, and Euler / midpoint / Heun steps on vector fields whose ODE solution is known exactly.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createDataStream } from "../../src/lab/datasets.ts";
import {
  odeStep,
  straightPath,
  straightPathVelocity,
  type OdeSolver,
  type VelocityField,
} from "../../src/lab/flow-matching-ode.ts";
import { createRandom, fillNormal } from "../../src/lab/random.ts";
import { createFlowMatching, type FlowMatchingSettings } from "../../src/models/flow-matching.ts";
import { flowMatchingSpec } from "../../src/models/specs/flow-matching.ts";
import { useWasm } from "../support/tf-node.ts";

type Tensor2D = import("@tensorflow/tfjs-core").Tensor2D;

let tf: Awaited<ReturnType<typeof useWasm>>;
beforeAll(async () => {
  tf = await useWasm();
});

const X0 = new Float32Array([0.5, -1.2, 2.0, 0.3, -0.7, -0.1]);
const X1 = new Float32Array([3.0, 1.0, -2.5, 0.8, 0.2, -3.3]);

describe("the conditional optimal-transport path", () => {
  it("runs from x₀ at t = 0 to x₁ at t = 1, through (1 − t) x₀ + t x₁ in between", () => {
    expect(straightPath(X0, X1, [0, 0, 0])).toEqual(X0);
    expect(straightPath(X0, X1, [1, 1, 1])).toEqual(X1);
    const t = [0.25, 0.5, 0.9];
    const xt = straightPath(X0, X1, t);
    for (let p = 0; p < 3; p++) {
      for (const d of [0, 1]) {
        expect(xt[2 * p + d]).toBeCloseTo((1 - t[p]!) * X0[2 * p + d]! + t[p]! * X1[2 * p + d]!, 6);
      }
    }
  });

  it("has the target velocity x₁ − x₀, the same at every t", () => {
    const u = straightPathVelocity(X0, X1);
    const expected = [2.5, 2.2, -4.5, 0.5, 0.9, -3.2];
    for (let i = 0; i < 6; i++) expect(u[i]).toBeCloseTo(expected[i]!, 6);
  });

  it("with σ_min > 0: ends in N(x₁, σ_min²) and its velocity is the time derivative of the path", () => {
    const sigma = 0.1;
    const end = straightPath(X0, X1, [1, 1, 1], sigma);
    for (let i = 0; i < 6; i++) expect(end[i]).toBeCloseTo(X1[i]! + sigma * X0[i]!, 6);
    const h = 1e-3;
    const ahead = straightPath(X0, X1, [0.4 + h, 0.4 + h, 0.4 + h], sigma);
    const behind = straightPath(X0, X1, [0.4 - h, 0.4 - h, 0.4 - h], sigma);
    const u = straightPathVelocity(X0, X1, sigma);
    for (let i = 0; i < 6; i++) expect((ahead[i]! - behind[i]!) / (2 * h)).toBeCloseTo(u[i]!, 2);
  });
});

/** Integrates dx/dt = v from x(0) = start to t = 1 in `steps` steps of a solver. */
function solve(solver: OdeSolver, v: VelocityField, start: number[], steps: number): number[] {
  return tf.tidy(() => {
    let x = tf.tensor2d(start, [start.length / 2, 2]);
    for (let k = 0; k < steps; k++) x = odeStep(solver, v, x, k / steps, 1 / steps);
    return Array.from(x.dataSync());
  });
}

describe("ODE steps on fields with a known solution", () => {
  // dx/dt = a + b t: x(1) = x(0) + a + b/2.
  const a = [1.5, -0.5];
  const b = [2.0, 3.0];
  const affineInTime: VelocityField = (x, t) =>
    tf.add(tf.zerosLike(x), tf.tensor2d([a[0]! + b[0]! * t, a[1]! + b[1]! * t], [1, 2])) as Tensor2D;
  const start = [0.3, -0.2, -1, 2];

  it("Heun and the midpoint method are exact for a field linear in t, in a single step", () => {
    for (const solver of ["heun", "midpoint"] as const) {
      const x = solve(solver, affineInTime, start, 1);
      for (let p = 0; p < 2; p++) {
        expect(x[2 * p]).toBeCloseTo(start[2 * p]! + a[0]! + b[0]! / 2, 5);
        expect(x[2 * p + 1]).toBeCloseTo(start[2 * p + 1]! + a[1]! + b[1]! / 2, 5);
      }
    }
  });

  it("Euler is not: K steps miss by b/(2K), the left Riemann sum of ∫ b t dt", () => {
    for (const steps of [1, 4]) {
      const x = solve("euler", affineInTime, start, steps);
      for (let d = 0; d < 2; d++) {
        const exact = start[d]! + a[d]! + b[d]! / 2;
        expect(x[d]).toBeCloseTo(exact - b[d]! / (2 * steps), 5);
      }
    }
  });

  it("on dx/dt = λx: one step multiplies by 1 + λh (Euler) or 1 + λh + (λh)²/2 (Heun, midpoint)", () => {
    const lambda = -0.8;
    const linear: VelocityField = (x) => tf.mul(x, lambda);
    for (const steps of [1, 5]) {
      const h = 1 / steps;
      const euler = solve("euler", linear, [1, 2], steps);
      const heun = solve("heun", linear, [1, 2], steps);
      const midpoint = solve("midpoint", linear, [1, 2], steps);
      const firstOrder = (1 + lambda * h) ** steps;
      const secondOrder = (1 + lambda * h + (lambda * h) ** 2 / 2) ** steps;
      expect(euler[1]).toBeCloseTo(2 * firstOrder, 5);
      expect(heun[1]).toBeCloseTo(2 * secondOrder, 5);
      expect(midpoint[1]).toBeCloseTo(2 * secondOrder, 5);
    }
    // and the second-order methods are far closer to the exact e^λ
    const exact = Math.exp(lambda);
    expect(Math.abs(solve("heun", linear, [1, 0], 5)[0]! - exact)).toBeLessThan(
      Math.abs(solve("euler", linear, [1, 0], 5)[0]! - exact) / 10,
    );
  });
});

const SMALL: FlowMatchingSettings = {
  solver: "heun",
  steps: 6,
  learningRate: 3e-3,
  hidden: [16, 16],
  batchSize: 64,
  // The trained network itself samples here, so what a test trains is what it reads.
  average: 0,
};

describe("the flow-matching model", () => {
  it("reports as its loss the mean of ‖v_θ(x_t, t) − (x₁ − x₀)‖² over the batch", () => {
    const model = createFlowMatching(SMALL, 4);
    const x1 = createDataStream("moons", 4).next(SMALL.batchSize);
    // The model draws x₀ and then t from the stream forked "noise" of its seed; drawn again here.
    const rng = createRandom(4).fork("noise");
    const x0 = fillNormal(rng, new Float32Array(2 * SMALL.batchSize));
    const t = Array.from({ length: SMALL.batchSize }, () => rng.uniform());
    let expected = 0;
    for (let p = 0; p < SMALL.batchSize; p++) {
      const xt = [(1 - t[p]!) * x0[2 * p]! + t[p]! * x1[2 * p]!, (1 - t[p]!) * x0[2 * p + 1]! + t[p]! * x1[2 * p + 1]!];
      const v = tf.tidy(() => Array.from(model.velocity(tf.tensor2d(xt, [1, 2]), t[p]!).dataSync()));
      expected += (v[0]! - (x1[2 * p]! - x0[2 * p]!)) ** 2 + (v[1]! - (x1[2 * p + 1]! - x0[2 * p + 1]!)) ** 2;
    }
    const losses = model.trainStep({ next: () => x1 }, true);
    expect(losses!.loss).toBeCloseTo(expected / SMALL.batchSize, 3);
    model.dispose();
  });

  it("integrates K steps: K + 1 states of n points, starting from the noise it was given", () => {
    const model = createFlowMatching(SMALL, 5);
    const start = fillNormal(createRandom(1), new Float32Array(2 * 37));
    const chain = model.integrate(start);
    expect(chain.length).toBe(SMALL.steps + 1);
    expect(chain[0]).toEqual(start);
    for (const state of chain) expect(state.length).toBe(2 * 37);
    expect(model.sample(11).length).toBe(22);
    model.dispose();
  });

  it("keeps the tensor count constant across every view and parameter, and frees all on dispose", () => {
    const before = tf.memory().numTensors;
    const model = createFlowMatching(SMALL, 6);
    const data = createDataStream("moons", 6);
    model.trainStep(data, true);
    const warm = tf.memory().numTensors;
    for (const view of flowMatchingSpec.views) {
      for (const param of [0, 0.37, 1, 3, SMALL.steps]) {
        const frame = model.view({ view: view.id, n: 30, extent: 4.5, gridSize: 6, param });
        expect(tf.memory().numTensors, view.id).toBe(warm);
        if (frame.samples) expect(frame.samples.length).toBe(60);
        const arrays = [frame.samples, frame.arrows?.vectors, ...(frame.paths?.lines ?? [])];
        for (const a of arrays) if (a) expect(a.every(Number.isFinite), view.id).toBe(true);
      }
      model.trainStep(data, false);
    }
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it("draws, at t = 0 in the field view and at K remaining steps in the trajectory view, the starting noise", () => {
    const model = createFlowMatching(SMALL, 7);
    const request = { n: 40, extent: 4.5, gridSize: 6 };
    const atZero = model.view({ ...request, view: "field", param: 0 }).samples!;
    const start = model.view({ ...request, view: "trajectories", param: SMALL.steps });
    expect(start.samples).toEqual(atZero);
    expect(start.paths!.lines.every((line) => line.length === 2)).toBe(true);
    const end = model.view({ ...request, view: "trajectories", param: 0 });
    expect(end.samples).toEqual(model.view({ ...request, view: "samples" }).samples);
    expect(end.samples).toEqual(model.view({ ...request, view: "field", param: 1 }).samples);
    expect(end.paths!.lines[0]!.length).toBe(2 * (SMALL.steps + 1));
    model.dispose();
  });

  it("between two steps, the field view moves the samples on from the last whole step (Euler: x + (t − k/K) v)", () => {
    const model = createFlowMatching({ ...SMALL, solver: "euler" }, 8);
    const request = { n: 20, extent: 4.5, gridSize: 6 };
    // K = 6: t = 0.6 lies 0.1 after step k = 3 (t = 0.5).
    const before = model.view({ ...request, view: "trajectories", param: 3 }).samples!;
    const at = model.view({ ...request, view: "field", param: 0.6 }).samples!;
    const v = tf.tidy(() => model.velocity(tf.tensor2d(before, [20, 2]), 0.5).dataSync());
    for (let i = 0; i < 40; i++) expect(at[i]).toBeCloseTo(before[i]! + 0.1 * v[i]!, 5);
    model.dispose();
  });
});
