/**
 * Normalizing-flow closed forms (NICE, Dinh et al. 2014; RealNVP, Dinh et al. 2016), each checked against
 * something computed here independently of src/models/flow.ts: the log-determinant against a finite-difference
 * Jacobian, invertibility both ways, the density's integral over a fine grid, and the NLL of a Gaussian fit.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createDataStream, sampleDataset } from "../../src/lab/datasets.ts";
import { fitGaussian, gaussianNll } from "../../src/lab/metrics.ts";
import { createRandom, fillNormal } from "../../src/lab/random.ts";
import { createFlow, type CouplingKind, type FlowModel } from "../../src/models/flow.ts";
import { flowSpec } from "../../src/models/specs/flow.ts";
import { useWasm } from "../support/tf-node.ts";

let tf: Awaited<ReturnType<typeof useWasm>>;
beforeAll(async () => {
  tf = await useWasm();
});

/** A constant learning rate, as these tests were written for (the decay has its own test elsewhere). */
const NO_DECAY = { decayFactor: 1, decayStart: 0, decayEnd: 1 };

function trainedFlow(coupling: CouplingKind, steps: number, layers = 6): FlowModel {
  const model = createFlow(
    { coupling, layers, learningRate: 3e-3, ...NO_DECAY, hidden: [32, 32], batchSize: 256 },
    1,
    "moons",
  );
  const data = createDataStream("moons", 1);
  for (let i = 0; i < steps; i++) model.trainStep(data, false, i + 1);
  return model;
}

/** Test points spread over the plane. */
const POINTS = new Float32Array([0.3, 0.7, -1.2, 0.4, 1.5, -0.6, 2.1, 0.2, -0.4, -0.9]);

describe.each(["realnvp", "nice"] as const)("%s flow", (coupling) => {
  let model: FlowModel;
  beforeAll(() => {
    model = trainedFlow(coupling, 150);
  });

  it("log|det ∂f/∂x| matches the determinant of a finite-difference Jacobian of the forward map", () => {
    // The conditioners are ReLU networks, so f is smooth only between kinks. Where the one-sided differences
    // x → x + h and x − h → x disagree, a kink lies within h and the point is skipped; elsewhere the
    // central-difference Jacobian must give the model's log-determinant.
    const h = 3e-4;
    const points = sampleDataset("moons", 20, createRandom(4));
    const { z: centre, logDet } = model.forward(points);
    let checked = 0;
    let largest = 0;
    for (let p = 0; p < points.length / 2; p++) {
      const x = points[2 * p]!;
      const y = points[2 * p + 1]!;
      const { z } = model.forward(new Float32Array([x + h, y, x - h, y, x, y + h, x, y - h]));
      const c = [centre[2 * p]!, centre[2 * p + 1]!];
      const logAbsDet = (a: number[], b: number[]) => Math.log(Math.abs(a[0]! * b[1]! - a[1]! * b[0]!));
      const ahead = logAbsDet([z[0]! - c[0]!, z[1]! - c[1]!], [z[4]! - c[0]!, z[5]! - c[1]!]) - 2 * Math.log(h);
      const behind = logAbsDet([c[0]! - z[2]!, c[1]! - z[3]!], [c[0]! - z[6]!, c[1]! - z[7]!]) - 2 * Math.log(h);
      if (Math.abs(ahead - behind) > 0.003) continue;
      const central = logAbsDet([z[0]! - z[2]!, z[1]! - z[3]!], [z[4]! - z[6]!, z[5]! - z[7]!]) - 2 * Math.log(2 * h);
      expect(central).toBeCloseTo(logDet[p]!, 2);
      largest = Math.max(largest, Math.abs(logDet[p]!));
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(12);
    // After training the map is far from volume-preserving, so the check has something to find.
    expect(largest).toBeGreaterThan(0.2);
  });

  it("inverts exactly: f⁻¹(f(x)) ≈ x and f(f⁻¹(z)) ≈ z", () => {
    const x = sampleDataset("moons", 200, createRandom(5));
    const back = model.inverse(model.forward(x).z);
    for (let i = 0; i < x.length; i++) expect(Math.abs(back[i]! - x[i]!)).toBeLessThan(1e-4);
    const z = fillNormal(createRandom(6), new Float32Array(400));
    const again = model.forward(model.inverse(z)).z;
    for (let i = 0; i < z.length; i++) expect(Math.abs(again[i]! - z[i]!)).toBeLessThan(1e-4);
  });

  it("has a density that integrates to 1 over a fine grid", () => {
    const size = 240;
    const reach = 6;
    const cell = (2 * reach) / size;
    const grid = new Float32Array(2 * size * size);
    for (let r = 0; r < size; r++) {
      for (let c = 0; c < size; c++) {
        grid[2 * (r * size + c)] = -reach + (c + 0.5) * cell;
        grid[2 * (r * size + c) + 1] = -reach + (r + 0.5) * cell;
      }
    }
    const logp = model.logDensity(grid);
    let mass = 0;
    for (const v of logp) mass += Math.exp(v) * cell * cell;
    expect(mass).toBeGreaterThan(0.98);
    expect(mass).toBeLessThan(1.02);
  });

  it("keeps the tensor count constant across every view, and frees all on dispose", () => {
    const before = tf.memory().numTensors;
    const fresh = createFlow(
      { coupling, layers: 4, learningRate: 1e-3, ...NO_DECAY, hidden: [8], batchSize: 32 },
      2,
      "moons",
    );
    const data = createDataStream("moons", 2);
    fresh.trainStep(data, true, 1);
    const warm = tf.memory().numTensors;
    for (const view of flowSpec.views) {
      const frame = fresh.view({ view: view.id, n: 30, extent: 4.5, gridSize: 6 });
      expect(tf.memory().numTensors, view.id).toBe(warm);
      const arrays = [frame.samples, frame.field?.values, frame.colouredPoints?.points, ...(frame.paths?.lines ?? [])];
      for (const a of arrays) if (a) expect(a.every(Number.isFinite), view.id).toBe(true);
    }
    fresh.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe("the flow's likelihood", () => {
  it("starts (RealNVP, zero output layers) as the standard normal: log p(x) = −½‖x‖² − log 2π", () => {
    const model = createFlow(
      { coupling: "realnvp", layers: 4, learningRate: 1e-3, ...NO_DECAY, hidden: [8], batchSize: 32 },
      3,
      "moons",
    );
    const logp = model.logDensity(POINTS);
    for (let p = 0; p < POINTS.length / 2; p++) {
      const sq = POINTS[2 * p]! ** 2 + POINTS[2 * p + 1]! ** 2;
      expect(logp[p]).toBeCloseTo(-0.5 * sq - Math.log(2 * Math.PI), 5);
    }
    model.dispose();
  });

  it("reports as its training loss the mean −log p(x) of the batch, in nats", () => {
    const model = trainedFlow("realnvp", 50, 4);
    const batch = sampleDataset("moons", 256, createRandom(9));
    const logp = model.logDensity(batch);
    const expected = -logp.reduce((a, b) => a + b, 0) / logp.length;
    const losses = model.trainStep({ next: () => batch }, true, 51);
    expect(losses!.nll).toBeCloseTo(expected, 3);
    expect(Number.isFinite(losses!.heldOut)).toBe(true);
    model.dispose();
  });

  it("after a short seeded training on moons, beats the best single Gaussian on held-out NLL", () => {
    const model = trainedFlow("realnvp", 400);
    const train = sampleDataset("moons", 5000, createRandom(1).fork("fit"));
    const heldOut = sampleDataset("moons", 2000, createRandom(1).fork("held"));
    const logp = model.logDensity(heldOut);
    const flowNll = -logp.reduce((a, b) => a + b, 0) / logp.length;
    const gaussian = gaussianNll(fitGaussian(train), heldOut);
    expect(flowNll).toBeLessThan(gaussian - 0.3);
    model.dispose();
  });
});
