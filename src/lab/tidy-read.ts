/**
 * `tf.tidy` for a function that returns numbers read back from tensors (a typed array, or an array or object of
 * them), never a tensor: every tensor it makes is disposed, and its result comes back untouched.
 *
 * Why not `tf.tidy` itself: it walks its result for tensors to keep, key by key, and a typed array is just an
 * object to it. A view's trajectory of a few hundred thousand numbers cost a walk over every number (into a Set of
 * the values seen), and the walk, given typed arrays here and tensors in training, was one of the tfjs functions V8
 * kept re-optimising while a demo trained.
 */
import { tf } from "#tf";

export function tidyRead<T>(read: () => T): T {
  let result: T | undefined;
  tf.tidy(() => {
    result = read();
  });
  if (result instanceof tf.Tensor) throw new Error("tidyRead: the function returned a tensor, which is disposed");
  return result as T;
}
