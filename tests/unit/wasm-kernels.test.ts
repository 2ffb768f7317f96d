/**
 * The WASM backend's Slice and SplitV as src/lab/wasm-kernels.ts replaces them: the same values as the CPU
 * backend's kernels for any block of any tensor, and no copy of the whole input out of WASM memory.
 */
import fc from "fast-check";
import { afterAll, describe, expect, it, vi } from "vitest";
import { tf } from "#tf";
import { chooseBackend } from "../../src/lab/backend.ts";

type Tensor = import("@tensorflow/tfjs-core").Tensor;

/** A tensor's shape (rank 1–4) with a block in it: begin and size on every axis. */
const blockInShape = fc
  .array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 4 })
  .chain((shape) =>
    fc.tuple(
      fc.constant(shape),
      fc.tuple(
        ...shape.map((n) =>
          fc.integer({ min: 0, max: n }).chain((b) => fc.tuple(fc.constant(b), fc.integer({ min: 0, max: n - b }))),
        ),
      ),
    ),
  )
  .map(([shape, block]) => ({ shape, begin: block.map(([b]) => b), size: block.map(([, s]) => s) }));

/** Runs `f` on `backend` and returns its outputs' values and shapes. */
async function on(backend: "cpu" | "wasm", f: () => Tensor[]): Promise<{ values: number[]; shape: number[] }[]> {
  await chooseBackend(backend, { disabled: ["webgl"] });
  return tf.tidy(() => f().map((t) => ({ values: Array.from(t.dataSync()), shape: t.shape })));
}

const counting = (shape: number[], dtype: "float32" | "int32") =>
  tf.tensor(
    Array.from({ length: tf.util.sizeFromShape(shape) }, (_, i) => i * 0.5 - 3),
    shape,
    dtype,
  );

afterAll(async () => {
  await chooseBackend("wasm", { disabled: ["webgl"] });
});

describe("the WASM backend's Slice and SplitV", () => {
  it("give the CPU backend's values for any block of a float32 or int32 tensor", async () => {
    await fc.assert(
      fc.asyncProperty(blockInShape, fc.constantFrom("float32" as const, "int32" as const), async (block, dtype) => {
        const f = () => [tf.slice(counting(block.shape, dtype), block.begin, block.size)];
        expect(await on("wasm", f)).toEqual(await on("cpu", f));
      }),
      { numRuns: 150 },
    );
  });

  it("split along any axis into any sizes as the CPU backend does", async () => {
    const splitCase = fc
      .array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 3 })
      .chain((shape) =>
        fc.tuple(
          fc.constant(shape),
          fc.integer({ min: 0, max: shape.length - 1 }).chain((axis) =>
            fc.tuple(
              fc.constant(axis),
              fc
                .array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 4 })
                .filter((parts) => parts.some((p) => p > 0)),
            ),
          ),
        ),
      )
      // Parts that add up to the axis's length: the shape takes the sum.
      .map(([shape, [axis, parts]]) => ({
        shape: shape.map((n, d) => (d === axis ? parts.reduce((a, b) => a + b) : n)),
        axis,
        parts,
      }));
    await fc.assert(
      fc.asyncProperty(splitCase, async ({ shape, axis, parts }) => {
        const f = () => tf.split(counting(shape, "float32"), parts, axis);
        expect(await on("wasm", f)).toEqual(await on("cpu", f));
      }),
      { numRuns: 100 },
    );
  });

  it("read their input in WASM memory instead of copying all of it out (tfjs's own kernels call readSync)", async () => {
    await chooseBackend("wasm", { disabled: ["webgl"] });
    const backend = tf.backend() as unknown as { readSync: (...args: unknown[]) => unknown };
    const readSync = vi.spyOn(backend, "readSync");
    try {
      const pieces = tf.tidy(() => {
        const flat = counting([1000], "float32");
        const parts = tf.split(flat, [100, 400, 500]);
        const middle = tf.slice(tf.reshape(flat, [10, 100]), [2, 10], [3, 20]);
        return [...parts, middle].map((t) => t.shape);
      });
      expect(pieces).toEqual([[100], [400], [500], [3, 20]]);
      expect(readSync).not.toHaveBeenCalled();
    } finally {
      readSync.mockRestore();
    }
  });
});
