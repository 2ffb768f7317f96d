/**
 * A seeded pseudo-random generator that gives the same sequence for a seed on every platform: sfc32
 * (Chris Doty-Humphrey's Small Fast Counting generator, from PractRand) with its state filled by splitmix32.
 * Only 32-bit integer arithmetic (`Math.imul`, `>>> 0`) is used, so Node, a Web Worker and the page agree bit for bit.
 */

/** A stream of random numbers; every method advances the stream except `fork`. */
export interface Random {
  /** The 32-bit unsigned integer that determines this stream: `createRandom(r.seed)` replays `r` from its start. */
  readonly seed: number;
  /** Uniform on [0, 1), in steps of 2⁻³². */
  uniform(): number;
  /** Standard normal, by the Box–Muller transform; each pair of uniforms gives two values, the second kept for the next call. */
  normal(): number;
  /** Uniform integer in 0..n−1. */
  int(n: number): number;
  /**
   * An independent stream derived from this stream's seed and `label` (labels compare as strings, so `1` and `"1"`
   * are the same label). It consumes nothing from this stream, so forking never shifts the parent's sequence.
   */
  fork(label: string | number): Random;
}

const TWO_POW_32 = 2 ** 32;

/** The murmur3 finaliser (fmix32): a bijective 32-bit mix with full avalanche. */
function mix32(value: number): number {
  let z = value >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** splitmix32: a Weyl sequence (golden-ratio step) passed through `mix32`; used only to fill sfc32's state. */
function splitmix32(state: number): () => number {
  let weyl = state >>> 0;
  return () => {
    weyl = (weyl + 0x9e3779b9) >>> 0;
    return mix32(weyl);
  };
}

/** FNV-1a (32-bit) over the UTF-16 code units of a string. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Folds a safe integer (possibly negative, possibly above 2³²) into 32 bits; seeds below 2³² map to themselves. */
function seedWord(seed: number): number {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`Random seed must be a safe integer, got ${seed}.`);
  const low = seed >>> 0;
  const high = Math.floor(seed / TWO_POW_32);
  return high === 0 ? low : (low ^ mix32(high ^ 0x6a09e667)) >>> 0;
}

/** Creates a generator from an integer seed (any safe integer; it is folded into 32 bits). */
export function createRandom(seed: number): Random {
  const word = seedWord(seed);
  const fill = splitmix32(word);
  let a = fill();
  let b = fill();
  let c = fill();
  let counter = 1;

  function next32(): number {
    const result = (((a + b) >>> 0) + counter) >>> 0;
    counter = (counter + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + result) >>> 0;
    return result;
  }
  // The usual warm-up, so that nearby seeds have drifted apart before the first output.
  for (let i = 0; i < 12; i++) next32();

  let spareNormal: number | null = null;

  const uniform = (): number => next32() / TWO_POW_32;

  return {
    seed: word,
    uniform,
    normal() {
      if (spareNormal !== null) {
        const value = spareNormal;
        spareNormal = null;
        return value;
      }
      const radius = Math.sqrt(-2 * Math.log(1 - uniform())); // 1 − u ∈ (0, 1], so the log is finite
      const angle = 2 * Math.PI * uniform();
      spareNormal = radius * Math.sin(angle);
      return radius * Math.cos(angle);
    },
    int(n) {
      if (!Number.isInteger(n) || n < 1 || n > TWO_POW_32) {
        throw new RangeError(`Random.int needs an integer n in 1..2^32, got ${n}.`);
      }
      return Math.floor(uniform() * n);
    },
    fork(label) {
      return createRandom(mix32(mix32(word) ^ mix32(fnv1a(String(label)) + 0x3c6ef372)));
    },
  };
}

/** Fills `out` with independent standard normals from `rng` and returns it. */
export function fillNormal(rng: Random, out: Float32Array): Float32Array {
  for (let i = 0; i < out.length; i++) out[i] = rng.normal();
  return out;
}
