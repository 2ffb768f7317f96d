/**
 * A learning-rate decay on the step count: the rate stays at its base value up to `start`, follows half a cosine
 * down to `base · factor` by `end`, and stays there. Counted on the model's own steps, so a second click of Train
 * goes on from where the decay stood.
 */
export interface LrDecay {
  /** The rate at `end` and after, as a fraction of the base rate; 1 decays nothing. */
  factor: number;
  start: number;
  end: number;
}

/** The learning rate after `step` updates, for a base rate `base` under `decay`. */
export function decayedLearningRate(base: number, step: number, decay: LrDecay): number {
  const { factor, start, end } = decay;
  if (factor === 1 || step <= start) return base;
  if (step >= end) return base * factor;
  const progress = (step - start) / (end - start);
  return base * (factor + ((1 - factor) * (1 + Math.cos(Math.PI * progress))) / 2);
}
