/**
 * What `check --quality` reports of its checks and its pool, pure: Wilson rates per method,
 * slowdown and load; the checks a false-alarm bound still needs; and what the sequential rule
 * assumes of the A/A pairs' θ (centred on 0, independent from pair to pair, tails no heavier
 * than t3), checked on the pool itself.
 */
import { mad, mean, median, pairWindowNoise, quantile, sampleStd } from "../../core/stats/mod.ts";
import type { GateCheck } from "./quality_checks.ts";
import type { PoolPair } from "./quality_pool.ts";
import { type Rate, wilson } from "./quality.ts";

/** One method's checks of one variant, summarized. */
export interface CheckSummary {
  method: GateCheck["method"];
  slowdown: number;
  every: number;
  load: GateCheck["load"];
  /**
   * Gate checks failed (any target or suite row regressed): false alarms for A/A,
   * detection otherwise.
   */
  gateFailed: Rate;
  /** Target checks judged regressed. */
  targetRegressed: Rate;
  targetUnchanged: number;
  targetInconclusive: number;
  /** Median pairs per target check. */
  pairsMedian: number;
  /** Seconds of pairs to a gate decision: median and 90th percentile (NaN if not timed). */
  wallMedianS: number;
  wallP90S: number;
}

/** Whether a gate check failed: a target's row or a suite row regressed. */
const failed = (c: GateCheck) =>
  (c.suites ?? []).includes("regressed") || c.targets.some((t) => t.verdict === "regressed");

/** Summarize checks of one method, slowdown and load (at least one check). */
export function summarize(checks: readonly GateCheck[]): CheckSummary {
  const targets = checks.flatMap((c) => c.targets);
  const count = (v: string) => targets.filter((t) => t.verdict === v).length;
  const walls = checks.map((c) => c.wallS).filter(Number.isFinite);
  return {
    method: checks[0].method,
    slowdown: checks[0].slowdown,
    every: checks[0].every,
    load: checks[0].load,
    gateFailed: wilson(checks.filter(failed).length, checks.length),
    targetRegressed: wilson(count("regressed"), targets.length),
    targetUnchanged: count("unchanged"),
    targetInconclusive: count("inconclusive"),
    pairsMedian: median(targets.map((t) => t.pairs)),
    wallMedianS: walls.length ? median(walls) : NaN,
    wallP90S: walls.length ? quantile(walls, 0.9) : NaN,
  };
}

/**
 * The fewest checks with `hits` false alarms whose Wilson 95% upper bound is at most `bound`
 * (0 alarms: 125 checks for 3%).
 *
 * @example
 * ```ts
 * checksForBound(0, 0.03); // 125
 * ```
 */
export function checksForBound(hits: number, bound: number): number {
  let n = Math.max(1, hits);
  while (wilson(hits, n).high > bound) n++;
  return n;
}

/** What the rule assumes of a stream's θ, measured. */
export interface ThetaDiagnostics {
  n: number;
  mean: number;
  /** Standard error of the mean: the A/A bias is `mean ± 2 se`. */
  se: number;
  sd: number;
  /**
   * The share of θ's variance that its windows' own noise explains: the mean over pairs of the
   * variance of the window log ratios over their count, over θ's variance. Near 1, more
   * windows per process would narrow θ; near 0, the pairs differ as wholes (process start,
   * JIT, memory layout) and only more pairs would (gate/measured/reducers.md). It is an
   * estimate, and can pass 1 when the windows of a pair go against each other.
   */
  windowShare: number;
  /** Lag-1 autocorrelation in collection order (independence from pair to pair). */
  lag1: number;
  /** Share of θ beyond 4 robust sd (MAD × 1.4826) from the median: gross outliers. */
  beyond4: number;
  /** Mean θ of pairs whose candidate started first minus mean of the others, halved. */
  firstStarter: number;
  /** Median seconds per pair. */
  costMedianS: number;
}

/** Diagnostics of one stream (at least 3 pairs). */
export function thetaDiagnostics(stream: readonly PoolPair[]): ThetaDiagnostics {
  const t = stream.map((p) => p.theta), n = t.length, m = mean(t), sd = sampleStd(t);
  let num = 0, den = 0;
  for (let i = 0; i < n; i++) {
    den += (t[i] - m) ** 2;
    if (i > 0) num += (t[i] - m) * (t[i - 1] - m);
  }
  const windowVar = mean(stream.map((p) => pairWindowNoise(p.pairs, true) ?? NaN));
  const robust = mad(t, 1.4826), med = median(t);
  const byFirst = (f: "a" | "b") => stream.filter((p) => p.first === f).map((p) => p.theta);
  const [a, b] = [byFirst("a"), byFirst("b")];
  return {
    n,
    mean: m,
    se: sd / Math.sqrt(n),
    sd,
    windowShare: sd > 0 ? windowVar / sd ** 2 : NaN,
    lag1: den > 0 ? num / den : NaN,
    beyond4: t.filter((x) => robust > 0 && Math.abs(x - med) / robust > 4).length / n,
    firstStarter: a.length && b.length ? (mean(b) - mean(a)) / 2 : NaN,
    costMedianS: median(stream.map((p) => p.costS)),
  };
}
