/**
 * The gate's quality, scored on real runs: how often it flags unchanged code (A against A)
 * and how often it catches a known slowdown (A against A slowed by extra work). Pure: window
 * samples in, rates out. `quality_run.ts` produces the runs.
 */
import type { TimingVerdict } from "../stats/mod.ts";

/** One timed run: its throughput windows. */
export interface QualityRun {
  /** The paired check the run belonged to. */
  check: number;
  /** The extra work as a fraction of the A step time: 0 for A. */
  slowdown: number;
  windows: number[];
}

/** One paired check: baseline (always A) and candidate windows timed next to each other. */
export interface QualityCheck {
  /** The candidate's extra work: 0 for an A/A check. */
  slowdown: number;
  /** [baseline, candidate] images/s of each pair of windows. */
  pairs: [number, number][];
}

/** A rate with its counts and a Wilson 95% interval. */
export interface Rate {
  hits: number;
  checks: number;
  rate: number;
  low: number;
  high: number;
}

/** What one gate setting did on the runs. */
export interface QualityScore {
  margin: number;
  /** A against A: judged regressed or improved. */
  falseAlarms: Rate;
  /** Per slowdown: judged regressed. */
  detection: { slowdown: number; rate: Rate; inconclusive: number }[];
}

/** Wilson score interval at 95% for `hits` of `n`: sensible at 0 and n hits. */
export function wilson(hits: number, n: number): Rate {
  if (!(Number.isInteger(hits) && Number.isInteger(n) && n >= 0 && hits >= 0 && hits <= n)) {
    throw new RangeError(`wilson(): need 0 <= hits <= n integers, got ${hits} of ${n}`);
  }
  if (n === 0) return { hits, checks: 0, rate: NaN, low: NaN, high: NaN };
  const z = 1.959963984540054, p = hits / n, z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
  return {
    hits,
    checks: n,
    rate: p,
    low: Math.max(0, centre - half),
    high: Math.min(1, centre + half),
  };
}

type Outcome = { slowdown: number; verdict: TimingVerdict };

function rates(outcomes: Outcome[], margin: number): QualityScore {
  const aa = outcomes.filter((o) => o.slowdown === 0);
  const alarms = aa.filter((o) => o.verdict === "regressed" || o.verdict === "improved").length;
  const slowdowns = [...new Set(outcomes.map((o) => o.slowdown))].filter((s) => s > 0)
    .sort((x, y) => x - y);
  return {
    margin,
    falseAlarms: wilson(alarms, aa.length),
    detection: slowdowns.map((slowdown) => {
      const os = outcomes.filter((o) => o.slowdown === slowdown);
      return {
        slowdown,
        rate: wilson(os.filter((o) => o.verdict === "regressed").length, os.length),
        inconclusive: os.filter((o) => o.verdict === "inconclusive").length,
      };
    }),
  };
}

/** Score the paired rule: one verdict per check, on its own pairs of windows. */
export function scorePaired(
  checks: QualityCheck[],
  margin: number,
  judge: (pairs: [number, number][], margin: number) => TimingVerdict,
): QualityScore {
  return rates(
    checks.map((c) => ({ slowdown: c.slowdown, verdict: judge(c.pairs, margin) })),
    margin,
  );
}

/**
 * Score the unpaired rule (a baseline stored earlier, as with a baseline file) on the same
 * runs: every unchanged run as baseline against every run of another check, so baseline and
 * candidate were never timed side by side. These checks share runs, so they are not
 * independent: their intervals are optimistic.
 */
export function scoreUnpaired(
  runs: QualityRun[],
  margin: number,
  judge: (baseline: number[], candidate: number[], margin: number) => TimingVerdict,
): QualityScore {
  const a = runs.filter((r) => r.slowdown === 0);
  const outcomes: Outcome[] = [];
  for (const base of a) {
    for (const cand of runs) {
      if (cand.check === base.check) continue;
      // Each unordered A/A pair once.
      if (cand.slowdown === 0 && runs.indexOf(cand) < runs.indexOf(base)) continue;
      outcomes.push({
        slowdown: cand.slowdown,
        verdict: judge(base.windows, cand.windows, margin),
      });
    }
  }
  return rates(outcomes, margin);
}
