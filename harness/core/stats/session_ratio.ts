/**
 * How much a machine's timing level drifts between sessions compared with the spread of
 * single processes within a session: the ρ the stored-baseline rule needs
 * ({@linkcode storedBaselineVerdict}). Measured from several sessions of A/A processes
 * (same code), one value per process (the gate's: its throughput).
 *
 * @module
 */
import { checkPositive, checkSample } from "./_sample.ts";
import { mean } from "./descriptive.ts";

/** The one-way random-effects estimate behind {@linkcode sessionRatio}. */
export interface SessionSpread {
  /** σ: pooled within-session standard deviation of ln(median) per process. */
  within: number;
  /** τ: standard deviation of the sessions' own levels (0 when the data show none). */
  between: number;
  /** τ / σ. */
  ratio: number;
}

/**
 * Estimate σ and τ from `sessions`, each a list of per-process medians (throughputs or
 * times, positive) timed in one session, by one-way random-effects ANOVA on their logs: σ²
 * is the pooled within-session variance, τ² = max(0, (MSB - MSW)/n₀) with n₀ the usual
 * effective session size (N - Σn_i²/N)/(S - 1). Needs 2 sessions of 2 processes at least.
 *
 * @example
 * ```ts
 * import { sessionRatio } from "./session_ratio.ts";
 * // Two sessions whose levels differ far more than their processes do.
 * sessionRatio([[100, 101, 99], [120, 121, 119]]).ratio > 5; // true
 * ```
 */
export function sessionRatio(sessions: readonly (readonly number[])[]): SessionSpread {
  if (!Array.isArray(sessions) || sessions.length < 2) {
    throw new RangeError(`sessionRatio(): needs at least 2 sessions, got ${sessions?.length}`);
  }
  const logs = sessions.map((s, i) => {
    checkSample(s, `sessionRatio() session ${i}`, 2);
    checkPositive(s, `sessionRatio() session ${i}`);
    return s.map(Math.log);
  });
  const S = logs.length, sizes = logs.map((l) => l.length);
  const N = sizes.reduce((a, b) => a + b, 0);
  const means = logs.map(mean), grand = mean(logs.flat());
  let ssw = 0, ssb = 0;
  logs.forEach((l, i) => {
    for (const v of l) ssw += (v - means[i]) ** 2;
    ssb += sizes[i] * (means[i] - grand) ** 2;
  });
  const msw = ssw / (N - S), msb = ssb / (S - 1);
  const n0 = (N - sizes.reduce((a, n) => a + n * n, 0) / N) / (S - 1);
  const within = Math.sqrt(msw), between = Math.sqrt(Math.max(0, (msb - msw) / n0));
  return { within, between, ratio: within > 0 ? between / within : Infinity };
}
