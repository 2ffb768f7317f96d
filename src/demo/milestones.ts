/**
 * The moments a demo announces in its status line (a polite live region), each once per model: here, the first
 * score from training at or under the comparison's target (0.2, "learned"). A divergence and a stopped worker have
 * their own alerts, and reaching the step budget its own line (demo-controller.ts); nothing is said per step.
 */
import { A11Y_TEXT } from "../i18n/a11y-text.ts";
import { fill, type Text } from "../i18n/text.ts";
import { RECOGNISABLE_SCORE } from "../lab/recognisable.ts";

/** The score that counts as learned: the comparison's target too (TARGET_SCORE in src/compare/race.ts). */
export const LEARNED_SCORE = RECOGNISABLE_SCORE;

export class Milestones {
  private learned = false;

  /** A score measured while training: the text to announce when it is the first at or under the target, else null. */
  score(normalised: number, step: number): Text | null {
    if (this.learned || !(normalised <= LEARNED_SCORE)) return null;
    this.learned = true;
    return fill(A11Y_TEXT.learned, { step, score: normalised.toFixed(2), target: LEARNED_SCORE });
  }

  /** A new model (created, reset, or loaded): its milestones are ahead of it again. */
  reset(): void {
    this.learned = false;
  }
}
