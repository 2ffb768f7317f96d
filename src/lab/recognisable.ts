/**
 * The quality score (lab/metrics.ts, normalised: 0 as good as fresh data, 1 a single Gaussian) at which a model's
 * samples count as recognisable: the comparison's "seconds to ≤ 0.2", a demo's 「已学会」 announcement and the
 * benchmark's time to recognisable all use it. No imports: the page's code takes it without the scoring code.
 */
export const RECOGNISABLE_SCORE = 0.2;
