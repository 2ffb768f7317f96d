/**
 * The MLP's hand-written gradient (used on WASM, where it is faster) against tfjs's own automatic
 * gradient on the CPU backend, for every activation: same network, same batch, same gradients.
 */
import { afterAll, describe, expect, it } from "vitest";
import { tf } from "#tf";
import { chooseBackend } from "../../src/lab/backend.ts";
import { ACTIVATIONS, createMlp, type Activation } from "../../src/lab/mlp.ts";
import { createRandom, fillNormal } from "../../src/lab/random.ts";

type Tensor2D = import("@tensorflow/tfjs-core").Tensor2D;

/** Gradients of Σ (MLP(x) · c) with respect to every weight and to the input, on `backend`. */
async function gradients(backend: "cpu" | "wasm", activation: Activation): Promise<Float32Array[]> {
  await chooseBackend(backend, { disabled: ["webgl"] });
  const mlp = createMlp({ name: "g", inputs: 3, hidden: [16, 8], outputs: 2, activation }, createRandom(5));
  const input = fillNormal(createRandom(6), new Float32Array(40 * 3));
  const out = tf.tidy(() => {
    const x = tf.tensor2d(input, [40, 3]);
    const c = tf.tensor2d([[1.5, -0.5]]);
    const loss = (points: Tensor2D) => tf.sum(tf.mul(mlp.apply(points), c));
    const { grads } = tf.variableGrads(() => loss(x) as import("@tensorflow/tfjs-core").Scalar, mlp.variables);
    const dx = tf.grad((points) => loss(points as Tensor2D))(x);
    return [...mlp.variables.map((v) => grads[v.name]!), dx].map((t) => t.dataSync() as Float32Array);
  });
  mlp.dispose();
  return out;
}

afterAll(async () => {
  await chooseBackend("wasm", { disabled: ["webgl"] });
});

describe("the MLP's gradient", () => {
  it.each(ACTIVATIONS)("on WASM equals tfjs's automatic gradient on the CPU, with %s", async (activation) => {
    const reference = await gradients("cpu", activation);
    const fast = await gradients("wasm", activation);
    expect(fast.length).toBe(reference.length);
    for (let i = 0; i < reference.length; i++) {
      const scale = Math.max(1, ...reference[i]!.map(Math.abs));
      for (let j = 0; j < reference[i]!.length; j++) {
        expect(Math.abs(fast[i]![j]! - reference[i]![j]!) / scale).toBeLessThan(1e-4);
      }
    }
    // Not all zero: a dead network would pass the comparison trivially.
    expect(reference.every((g) => g.some((v) => v !== 0))).toBe(true);
  });
});

describe("the MLP with a conditioning input", () => {
  it.each(ACTIVATIONS)("gives apply([x, c]) from x and c's first-layer rows, with %s", async (activation) => {
    await chooseBackend("wasm", { disabled: ["webgl"] });
    const mlp = createMlp({ name: "c", inputs: 5, hidden: [16, 8], outputs: 2, activation }, createRandom(7));
    const x = fillNormal(createRandom(8), new Float32Array(30 * 2));
    const c = fillNormal(createRandom(9), new Float32Array(3));
    const [direct, conditioned, perRow] = tf.tidy(() => {
      const xs = tf.tensor2d(x, [30, 2]);
      const cs = tf.tile(tf.tensor2d(c, [1, 3]), [30, 1]);
      const full = mlp.apply(tf.concat([xs, cs], 1) as Tensor2D);
      const once = mlp.applyConditioned(xs, mlp.conditioning(tf.tensor2d(c, [1, 3]), 2));
      const each = mlp.applyConditioned(xs, mlp.conditioning(cs as Tensor2D, 2));
      return [full, once, each].map((t) => t.dataSync() as Float32Array);
    });
    for (const other of [conditioned!, perRow!]) {
      for (let i = 0; i < direct!.length; i++) expect(other[i]).toBeCloseTo(direct![i]!, 4);
    }
    mlp.dispose();
  });
});

describe("the MLP with its weights held", () => {
  it.each(ACTIVATIONS.flatMap((a) => (["cpu", "wasm"] as const).map((b) => [a, b] as const)))(
    "gives apply's output and input gradient, and no gradient for its weights, with %s on %s",
    async (activation, backend) => {
      await chooseBackend(backend, { disabled: ["webgl"] });
      // G feeds D, as in a GAN's generator step: only G's weights should get a gradient through D held.
      const g = createMlp({ name: "g", inputs: 3, hidden: [8], outputs: 2, activation: "relu" }, createRandom(11));
      const d = createMlp({ name: "d", inputs: 2, hidden: [16, 8], outputs: 1, activation }, createRandom(12));
      const z = fillNormal(createRandom(13), new Float32Array(40 * 3));
      const run = (through: "apply" | "applyHeld") =>
        tf.tidy(() => {
          const x = tf.tensor2d(z, [40, 3]);
          const loss = () => tf.sum(tf.square(d[through](g.apply(x)))) as import("@tensorflow/tfjs-core").Scalar;
          const { value, grads } = tf.variableGrads(loss, [...g.variables, ...d.variables]);
          const dx = tf.grad((p) => tf.sum(tf.square(d[through](p as Tensor2D))))(g.apply(x));
          return {
            value: value.dataSync()[0]!,
            names: Object.keys(grads),
            generator: g.variables.map((v) => grads[v.name]!.dataSync() as Float32Array),
            dx: dx.dataSync() as Float32Array,
          };
        });
      const full = run("apply");
      const held = run("applyHeld");
      expect(full.names).toEqual([...g.variables, ...d.variables].map((v) => v.name));
      expect(held.names).toEqual(g.variables.map((v) => v.name));
      expect(held.value).toBeCloseTo(full.value, 3);
      for (const [ours, theirs] of [...held.generator.map((h, i) => [h, full.generator[i]!]), [held.dx, full.dx]]) {
        const scale = Math.max(1, ...theirs!.map(Math.abs));
        expect(ours!.some((v) => v !== 0)).toBe(true);
        for (let j = 0; j < theirs!.length; j++) expect(Math.abs(ours![j]! - theirs![j]!) / scale).toBeLessThan(1e-4);
      }
      g.dispose();
      d.dispose();
    },
  );
});
