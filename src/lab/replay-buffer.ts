/**
 * The replay buffer of persistent Langevin chains used to train an energy-based model (Du & Mordatch 2019,
 * "Implicit Generation and Generalization in Energy-Based Models", §3.1): each training step continues chains
 * taken from the buffer, except that a small fraction restarts from uniform noise so new regions keep being explored.
 * Plain arrays of interleaved xy points, no tensors.
 */
import type { Random } from "./random.ts";

/** `count` points uniform on the square [−half, half]², as interleaved xy. */
export function uniformPoints(count: number, half: number, rng: Random): Float32Array {
  const out = new Float32Array(2 * count);
  for (let i = 0; i < out.length; i++) out[i] = (2 * rng.uniform() - 1) * half;
  return out;
}

/**
 * Starting points for the chains in buffer slots `slots`: each row is, with probability `freshProbability`,
 * a fresh point uniform on [−half, half]², and otherwise the point stored in its slot. `fresh[i]` is 1 for a restart.
 */
export function drawChainStarts(
  buffer: Float32Array,
  slots: Int32Array,
  freshProbability: number,
  half: number,
  rng: Random,
): { starts: Float32Array; fresh: Uint8Array } {
  const starts = new Float32Array(2 * slots.length);
  const fresh = new Uint8Array(slots.length);
  for (let i = 0; i < slots.length; i++) {
    if (rng.uniform() < freshProbability) {
      fresh[i] = 1;
      starts[2 * i] = (2 * rng.uniform() - 1) * half;
      starts[2 * i + 1] = (2 * rng.uniform() - 1) * half;
    } else {
      starts[2 * i] = buffer[2 * slots[i]!]!;
      starts[2 * i + 1] = buffer[2 * slots[i]! + 1]!;
    }
  }
  return { starts, fresh };
}

/** Stores the chains' new positions back in their slots (a slot drawn twice keeps the later row). */
export function storeChains(buffer: Float32Array, slots: Int32Array, points: Float32Array): void {
  for (let i = 0; i < slots.length; i++) {
    buffer[2 * slots[i]!] = points[2 * i]!;
    buffer[2 * slots[i]! + 1] = points[2 * i + 1]!;
  }
}
