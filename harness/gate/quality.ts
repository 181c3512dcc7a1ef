/**
 * The gate's quality, scored on real runs: how often it flags unchanged code (A against A)
 * and how often it catches a known slowdown (A against A slowed by extra work). Pure: window
 * samples in, rates out. `quality_run.ts` produces the runs.
 */
import type { TimingVerdict } from "../core/stats/mod.ts";
import type { Rng } from "../core/rng.ts";

/** One timed run: its throughput windows. */
export interface QualityRun {
  /** The paired check the run belonged to. */
  check: number;
  /** The extra work as a fraction of the A step time: 0 for A. */
  slowdown: number;
  windows: number[];
}

/** One pair of processes: baseline (always A) and candidate windows timed next to each other. */
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
  /** A against A: judged regressed, the false alarms that fail a gate. */
  falseFailures: Rate;
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
    falseFailures: wilson(aa.filter((o) => o.verdict === "regressed").length, aa.length),
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

/** All k-subsets of indices 0..n-1, in lexicographic order. */
function combinations(n: number, k: number): number[][] {
  const out: number[][] = [];
  const pick = (start: number, acc: number[]) => {
    if (acc.length === k) return void out.push([...acc]);
    for (let i = start; i <= n - (k - acc.length); i++) pick(i + 1, [...acc, i]);
  };
  pick(0, []);
  return out;
}

/** At most `max` of `items`, drawn without replacement by `rng` when there are more. */
function sample<T>(items: T[], max: number, rng: Rng): T[] {
  if (items.length <= max) return items;
  const order = rng.permutation(items.length);
  return Array.from(order.slice(0, max), (i) => items[i]);
}

/**
 * Score the paired rule as the gate applies it: a check is `k` pairs of processes of one
 * variant (A/A or one slowdown), judged together. With R pairs of processes per variant,
 * every k-subset is a check (a seeded sample of `maxChecks` when there are more). Subsets
 * share pairs, so they are not independent: R, not the number of checks, bounds what the
 * rates can show, and their intervals are optimistic.
 */
export function scorePaired(
  pairsOf: QualityCheck[],
  k: number,
  margin: number,
  judge: (clusters: [number, number][][], margin: number) => TimingVerdict,
  rng: Rng,
  maxChecks = 500,
): QualityScore {
  const variants = [...new Set(pairsOf.map((c) => c.slowdown))].sort((x, y) => x - y);
  const outcomes: Outcome[] = [];
  for (const slowdown of variants) {
    const mine = pairsOf.filter((c) => c.slowdown === slowdown);
    if (mine.length < k) continue;
    for (const subset of sample(combinations(mine.length, k), maxChecks, rng)) {
      outcomes.push({ slowdown, verdict: judge(subset.map((i) => mine[i].pairs), margin) });
    }
  }
  return rates(outcomes, margin);
}

/**
 * Score the unpaired rule (a baseline stored earlier, as with a baseline file) on the same
 * runs: every unchanged run as baseline against every run of another check, so baseline and
 * candidate were never timed side by side. These checks share runs, so they are not
 * independent: their intervals are optimistic. At most `maxChecks` per variant (seeded).
 */
export function scoreUnpaired(
  runs: QualityRun[],
  margin: number,
  judge: (baseline: number[], candidate: number[], margin: number) => TimingVerdict,
  rng: Rng,
  maxChecks = 300,
): QualityScore {
  const a = runs.filter((r) => r.slowdown === 0);
  const byVariant = new Map<number, [QualityRun, QualityRun][]>();
  for (const base of a) {
    for (const cand of runs) {
      if (cand.check === base.check) continue;
      // Each unordered A/A pair once.
      if (cand.slowdown === 0 && runs.indexOf(cand) < runs.indexOf(base)) continue;
      const list = byVariant.get(cand.slowdown) ?? [];
      list.push([base, cand]);
      byVariant.set(cand.slowdown, list);
    }
  }
  const outcomes: Outcome[] = [];
  for (const [slowdown, list] of byVariant) {
    for (const [base, cand] of sample(list, maxChecks, rng)) {
      outcomes.push({ slowdown, verdict: judge(base.windows, cand.windows, margin) });
    }
  }
  return rates(outcomes, margin);
}
