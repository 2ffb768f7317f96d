/** The quality score as the command line prints it: `npm run train` and `npm run score` say the same line. */
import type { QualityScore } from "../lab/metrics.ts";

/** The score as one line: normalised, its parts, and how many samples fell off the plot or were not finite. */
export function qualityLine(score: QualityScore): string {
  return (
    `quality: normalised ${score.normalised.toFixed(3)} (JS ${score.js.toFixed(4)}, noise floor ` +
    `${score.noiseFloor.toFixed(4)}, one Gaussian ${score.gaussianJs.toFixed(4)}, ${score.n} samples; ` +
    `${score.offGrid} outside [−4.5, 4.5]², ${score.nonFinite} not finite)`
  );
}
