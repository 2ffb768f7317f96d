/**
 * Paths of points through an iterative sampler, for the path layer: `states[j]` holds every point's (x, y) after
 * step j, flat; the trail of point p is its positions from step `first` to step `last`, inclusive, flat.
 */
export function pointTrails(
  states: readonly Float32Array[],
  count: number,
  first: number,
  last: number,
): Float32Array[] {
  const trails: Float32Array[] = [];
  for (let p = 0; p < count; p++) {
    const trail = new Float32Array(2 * (last - first + 1));
    for (let j = first; j <= last; j++) trail.set(states[j]!.subarray(2 * p, 2 * p + 2), 2 * (j - first));
    trails.push(trail);
  }
  return trails;
}

/**
 * The states of an iterative sampler read back in one piece (`count` states of n points, one after another, as
 * `tf.concat(states).dataSync()` gives them), cut into one flat xy array per state.
 */
export function splitStates(flat: Float32Array, count: number, n: number): Float32Array[] {
  return Array.from({ length: count }, (_, k) => flat.slice(k * n * 2, (k + 1) * n * 2));
}
