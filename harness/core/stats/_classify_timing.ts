/**
 * The decision table of the timing verdict, separate from the statistics that feed it so the
 * simulation can score several rules and settings on the same draws.
 */

/** What the regression gate concludes about a timing. */
export type TimingVerdict = "improved" | "unchanged" | "regressed" | "inconclusive";

/**
 * How far beyond the margin a change must be to count: `"ci"` needs the whole interval beyond
 * it (the rule the gate uses), `"point"` only the median ratio (kept for the simulation).
 */
export type BeyondRule = "ci" | "point";

/** The numbers the decision reads. */
export interface TimingEvidence {
  /** median(candidate) / median(baseline). */
  ratio: number;
  ci: readonly [number, number];
  p: number;
  higherIsBetter: boolean;
  /** True when the samples are too small for the test ever to reach `alpha`. */
  tooFew: boolean;
}

/** The decision settings. */
export interface TimingRule {
  alpha: number;
  margin: number;
  rule?: BeyondRule;
}

/**
 * Classify the evidence. Work in "speed" s (ratio for throughput, 1/ratio for time) so that
 * s < 1 is always slower, and use the band [1/(1 + margin), 1 + margin], symmetric in log
 * scale, so that timing the same change as seconds or as samples per second agrees.
 */
export function classifyTiming(
  e: TimingEvidence,
  { alpha, margin, rule = "ci" }: TimingRule,
): { verdict: TimingVerdict; reason: string } {
  const speed = e.higherIsBetter ? e.ratio : 1 / e.ratio;
  const [lo, hi] = e.higherIsBetter ? e.ci : [1 / e.ci[1], 1 / e.ci[0]];
  const slow = 1 / (1 + margin), fast = 1 + margin;
  const pct = (x: number) => `${((x - 1) * 100).toFixed(1)}%`;
  const band = `±${(margin * 100).toFixed(1)}% margin`;
  const speedText = `speed ${pct(speed)} (CI ${pct(lo)} to ${pct(hi)})`;

  if (e.tooFew) {
    return { verdict: "inconclusive", reason: `too few samples to reach p < ${alpha}` };
  }
  const significant = e.p < alpha;
  if (significant) {
    const slower = rule === "ci" ? hi < slow : speed < slow;
    const faster = rule === "ci" ? lo > fast : speed > fast;
    if (slower) {
      return { verdict: "regressed", reason: `${speedText}, beyond ${band}, p = ${e.p}` };
    }
    if (faster) {
      return { verdict: "improved", reason: `${speedText}, beyond ${band}, p = ${e.p}` };
    }
  }
  if (!significant) {
    return { verdict: "unchanged", reason: `not significant, p = ${e.p} >= ${alpha}` };
  }
  if (lo >= slow && hi <= fast) {
    return { verdict: "unchanged", reason: `${speedText}, within ${band}, p = ${e.p}` };
  }
  return { verdict: "inconclusive", reason: `${speedText} straddles ${band}, p = ${e.p}` };
}

/**
 * The smallest two-sided exact Mann-Whitney p-value samples of sizes m and n can give,
 * 2 / C(m + n, m): when it is not below alpha, no data can be significant.
 */
export function smallestP(m: number, n: number): number {
  let c = 1;
  for (let i = 1; i <= Math.min(m, n); i++) c = (c * (Math.max(m, n) + i)) / i;
  return Math.min(1, 2 / c);
}
