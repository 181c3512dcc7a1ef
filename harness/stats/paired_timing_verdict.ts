/**
 * The gate's verdict on a paired timing: baseline and candidate windows timed next to each
 * other (see `harness/gate/paired.ts`), judged on the ratio within each pair.
 *
 * @module
 */
import { classifyTiming } from "./_classify_timing.ts";
import { hodgesLehmann, signedRank } from "./signed_rank.ts";
import { TIMING_DEFAULTS, type TimingVerdictResult } from "./timing_verdict.ts";

/** Input of {@linkcode pairedTimingVerdict}. */
export interface PairedTimingInput {
  /** [baseline, candidate] of each pair of windows timed next to each other, all positive. */
  pairs: readonly (readonly [number, number])[];
  /** True for throughputs (samples/s), false for times (ms). */
  higherIsBetter: boolean;
  /** Practical margin as a fraction: changes smaller than this never fail the gate. */
  margin?: number;
  alpha?: number;
  level?: number;
}

/**
 * Decide whether the candidate's timing regressed, from paired windows.
 *
 * With d_i = ln(candidate_i / baseline_i): the ratio is exp of the Hodges-Lehmann estimate
 * of d (the median of its Walsh averages), its interval the distribution-free one that
 * inverts the Wilcoxon signed-rank test at `level`, and p the signed-rank test's. The
 * decision is the unpaired verdict's (`classifyTiming`): too few pairs for any p below
 * `alpha` (2 / 2^n >= alpha, so n < 8 at 0.01) -> inconclusive; p < alpha and the whole
 * interval below the band [1/(1 + margin), 1 + margin] of speed -> regressed, above ->
 * improved; p >= alpha or the interval inside the band -> unchanged; else inconclusive.
 *
 * @example
 * ```ts
 * import { pairedTimingVerdict } from "./paired_timing_verdict.ts";
 * const pairs = Array.from({ length: 12 }, (_, i) => [100 + i, (100 + i) * 0.8] as const);
 * pairedTimingVerdict({ pairs, higherIsBetter: true }).verdict; // "regressed"
 * ```
 */
export function pairedTimingVerdict(input: PairedTimingInput): TimingVerdictResult {
  const {
    pairs,
    higherIsBetter,
    margin = TIMING_DEFAULTS.margin,
    alpha = TIMING_DEFAULTS.alpha,
    level = TIMING_DEFAULTS.level,
  } = input;
  if (!Array.isArray(pairs) || pairs.length === 0) {
    throw new RangeError(`pairedTimingVerdict(): needs at least one pair, got ${pairs?.length}`);
  }
  for (const [a, b] of pairs) {
    if (!(a > 0 && b > 0 && Number.isFinite(a) && Number.isFinite(b))) {
      throw new RangeError(`pairedTimingVerdict(): values must be positive, got [${a}, ${b}]`);
    }
  }
  if (!(margin >= 0 && Number.isFinite(margin))) {
    throw new RangeError(`Margin must be a finite fraction >= 0, got "${margin}"`);
  }
  const d = pairs.map(([a, b]) => Math.log(b / a));
  const test = signedRank(d);
  const hl = hodgesLehmann(d, level);
  const ratio = Math.exp(hl.estimate);
  const ci: [number, number] = [Math.exp(hl.ci[0]), Math.exp(hl.ci[1])];
  const tooFew = d.length < 3 || 2 / 2 ** d.length >= alpha;
  const { verdict, reason } = classifyTiming(
    { ratio, ci, p: test.p, higherIsBetter, tooFew },
    { alpha, margin },
  );
  const method = `Wilcoxon signed-rank (${test.method}) on ${d.length} paired windows at ` +
    `alpha ${alpha}; Hodges-Lehmann ratio with its ${level * 100}% interval; ` +
    `whole CI beyond ±${margin * 100}% margin`;
  return { verdict, ratio, ci, p: test.p, method, reason: `paired: ${reason}` };
}
