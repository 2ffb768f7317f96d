/**
 * `tf.concat` for the models, with every input's shape first rebuilt as a fresh packed array of small integers (a
 * reshape to the same shape: no copy).
 *
 * Why: tfjs's kernels return shapes of two array kinds (V8's packed and holey small-integer arrays), and the WASM
 * concat kernel checks its inputs' shapes in a loop V8 optimises for the kinds it has seen. Once a model had
 * sampled before it trained (every demo does: its first view), V8 threw that code away and rebuilt it every few
 * steps: in the flow-matching demo (headless Chromium, WASM) about 150 rebuilds in 14 s, and 2.1 s of every 3 s of
 * training in V8's background compiler, on a two-core machine where that time is the training's. With one kind of
 * shape it was 0.27 s, as in the benchmark's bare loop.
 */
import { tf } from "#tf";

type Tensor = import("@tensorflow/tfjs-core").Tensor;

/** The same dimensions in a fresh packed array (a literal grown by push: V8's packed small-integer kind). */
function packedShape(shape: readonly number[]): number[] {
  const packed: number[] = [];
  for (const dimension of shape) packed.push(dimension);
  return packed;
}

/** Joins `tensors` along `axis` as `tf.concat` does (call inside tf.tidy). */
export function concatTensors<T extends Tensor>(tensors: readonly T[], axis = 0): T {
  return tf.concat(
    tensors.map((t) => tf.reshape(t, packedShape(t.shape))),
    axis,
  ) as T;
}
