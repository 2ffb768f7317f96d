/**
 * The two tfjs helpers of the models' hot paths: `tidyRead` (tf.tidy for values read back, which tf.tidy itself
 * walks number by number) and `concatTensors` (tf.concat with the inputs' shapes made one array kind first).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { concatTensors } from "../../src/lab/concat.ts";
import { tidyRead } from "../../src/lab/tidy-read.ts";
import { useWasm } from "../support/tf-node.ts";

let tf: Awaited<ReturnType<typeof useWasm>>;
beforeAll(async () => {
  tf = await useWasm();
});

describe("tidyRead", () => {
  it("returns what the function read and disposes every tensor it made", () => {
    const before = tf.memory().numTensors;
    const [a, b] = tidyRead(() => {
      const x = tf.tensor2d([1, 2, 3, 4], [2, 2]);
      return [tf.mul(x, 2).dataSync() as Float32Array, tf.sum(x).dataSync() as Float32Array];
    });
    expect(Array.from(a)).toEqual([2, 4, 6, 8]);
    expect(Array.from(b)).toEqual([10]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it("hands the result back without walking it, as tf.tidy does key by key", () => {
    let reads = 0;
    const result = {
      get values() {
        reads++;
        return new Float32Array(4);
      },
    };
    tf.tidy(() => result as never);
    expect(reads).toBeGreaterThan(0);
    reads = 0;
    expect(tidyRead(() => result)).toBe(result);
    expect(reads).toBe(0);
  });

  it("refuses a tensor as the result (tidy has disposed it)", () => {
    expect(() => tidyRead(() => tf.scalar(1))).toThrow(/returned a tensor/);
  });
});

describe("concatTensors", () => {
  it("joins as tf.concat does, along rows and columns, and leaks nothing", () => {
    const x = tf.tensor2d([1, 2, 3, 4], [2, 2]);
    const t = tf.tensor2d([5, 6], [2, 1]);
    const before = tf.memory().numTensors;
    const columns = tidyRead(() => concatTensors([x, t], 1).arraySync());
    const rows = tidyRead(() => concatTensors([x, tf.reshape(t, [1, 2])], 0).arraySync());
    const flat = tidyRead(() => concatTensors([tf.reshape(x, [-1]), tf.reshape(t, [-1])]).arraySync());
    expect(columns).toEqual(tidyRead(() => tf.concat([x, t], 1).arraySync()));
    expect(columns).toEqual([
      [1, 2, 5],
      [3, 4, 6],
    ]);
    expect(rows).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    expect(flat).toEqual([1, 2, 3, 4, 5, 6]);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([x, t]);
  });
});
