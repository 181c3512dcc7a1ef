/**
 * The gate's verdict on a group of its paired targets together (all of them, or one
 * backend's, or one experiment's: `suite_groups.ts`): is the group (the geometric mean of its
 * targets' speed ratios) slower? Read once, after every target's own sequential loop has ended
 * (`sequentialVerdict`), from the same process pairs; it spends no time of its own.
 *
 * Why: a change that slows the whole program (the training loop, the optimizer, the data
 * path) slows every target, and four targets' pairs together pin that down about twice as
 * tightly as one target's; a change to one backend's kernels or one model slows a group. On
 * this machine each target's loop, within the gate's budget, caught a 5% slowdown about half
 * the time, the gate 88% of the time; the suite's test, on the same pairs, about 99-100%
 * (harness/gate/measured/suite.md). A change that slows one target only is still each
 * target's own test's to find.
 *
 * The test: each target with at least 2 pairs gives its mean θ m_t and variance of that mean
 * v_t = max(s_t², floor_t²)/k_t (the floor is the target's spread floor, as its own test
 * uses); M = mean of the m_t, SE² = Σ v_t / T², and Student's t with Welch-Satterthwaite's
 * df = (Σ v_t)² / Σ (v_t² / (k_t - 1)).
 * - **regressed** when P(t_df <= (M + ln(1 + margin)) / SE) <= alpha: shown more than
 *   `margin` slower;
 * - **unchanged** when P(t_df >= (M + ln(1 + unchangedBelow)) / SE) <= alpha: shown less than
 *   `unchangedBelow` slower;
 * - otherwise **inconclusive**, and with fewer than 2 targets to read (one target's test is its
 *   own row's).
 *
 * The margin is there because the test is sharp: a shared bias of a fraction of a percent
 * between the two sides of one check (a loaded machine's, measured at about 0.5%) would
 * otherwise read as a slowdown.
 *
 * @module
 */
import { checkSample } from "./_sample.ts";
import { mean, sampleStd } from "./descriptive.ts";
import { lookT } from "./_look_statistic.ts";
import { tCdf, tQuantile } from "./student_t.ts";
import { welchDf } from "./_welch.ts";

/** The suite test's rule. */
export interface SuiteSpec {
  /** Regressed means shown more than this slower (0.005: 0.5%). */
  margin: number;
  /** One-sided level of each of its two claims. */
  alpha: number;
  /** Unchanged means shown less than this slower. */
  unchangedBelow: number;
}

/**
 * The gate's suite test: more than 0.5% slower at one-sided 0.2%; unchanged when less than 5%
 * slower is shown at the same level. The margin: harness/gate/measured/suite.md; the level (0.05%
 * until 2026-12-08), the largest on a grid of 0.05-0.3% whose drawn false alarms stay under 1% with
 * a bias of sd 0.005 shared by a check's targets: harness/gate/measured/suite_level.md.
 */
export const DEFAULT_SUITE_SPEC: SuiteSpec = { margin: 0.005, alpha: 0.002, unchangedBelow: 0.05 };

/** One target's process pairs, as its own test read them. */
export interface SuiteTarget {
  /** θ of its pairs: ln(candidate speed / baseline speed). */
  thetas: readonly number[];
  /** The least spread its test took (`spreadFloor`); 0 for none. */
  sdFloor?: number;
}

/** What the suite test says. */
export interface SuiteResult {
  decision: "regressed" | "unchanged" | "inconclusive";
  /** Targets read (those with at least 2 pairs). */
  targets: number;
  /** exp(M): the geometric mean of the targets' speed ratios, below 1 slower; NaN if none. */
  ratio: number;
  /** exp(M ± t(0.975, df) SE); NaN with fewer than 2 targets. */
  ci: [number, number];
  /** One-sided p of "more than `margin` slower"; NaN with fewer than 2 targets. */
  p: number;
  df: number;
  reason: string;
}

/**
 * The suite's verdict over `targets` (those with fewer than 2 pairs are left out).
 *
 * @example
 * ```ts
 * import { suiteVerdict } from "./suite_verdict.ts";
 * const slow = [-0.06, -0.04, -0.05, -0.07, -0.03];
 * suiteVerdict([{ thetas: slow }, { thetas: slow.map((x) => x + 0.01) }]).decision;
 * // "regressed"
 * ```
 */
export function suiteVerdict(
  targets: readonly SuiteTarget[],
  spec: SuiteSpec = DEFAULT_SUITE_SPEC,
): SuiteResult {
  targets.forEach((t, i) => checkSample(t.thetas, `suiteVerdict() target ${i + 1} thetas`, 0));
  const read = targets.filter((t) => t.thetas.length >= 2);
  const ms = read.map((t) => mean(t.thetas));
  const vs = read.map((t) => Math.max(sampleStd(t.thetas), t.sdFloor ?? 0) ** 2 / t.thetas.length);
  const T = read.length, M = T ? mean(ms) : NaN;
  if (T < 2) {
    return {
      decision: "inconclusive",
      targets: T,
      ratio: Math.exp(M),
      ci: [NaN, NaN],
      p: NaN,
      df: NaN,
      reason: `${T} target${T === 1 ? "" : "s"} with 2 or more process pairs: the suite needs 2`,
    };
  }
  const V = vs.reduce((a, b) => a + b, 0);
  const se = Math.sqrt(V) / T;
  const dfs = read.map((t) => t.thetas.length - 1);
  // All spreads zero: the smallest df any target has (the t is ±∞ or 0 then anyway).
  const df = V > 0 ? welchDf(vs, dfs) : Math.min(...dfs);
  const p = tCdf(lookT(M, -Math.log1p(spec.margin), se), df);
  const pU = tCdf(-lookT(M, -Math.log1p(spec.unchangedBelow), se), df);
  const half = tQuantile(0.975, df) * se;
  const base = {
    targets: T,
    ratio: Math.exp(M),
    ci: [Math.exp(M - half), Math.exp(M + half)] as [number, number],
    p,
    df,
  };
  const pct = (x: number) => `${+(x * 100).toFixed(2)}%`;
  const of = `${T} targets' pairs together (Welch df ${df.toFixed(1)})`;
  if (p <= spec.alpha) {
    return {
      ...base,
      decision: "regressed",
      reason: `${of}: more than ${pct(spec.margin)} slower, p ${p.toPrecision(2)} <= ${spec.alpha}`,
    };
  }
  if (pU <= spec.alpha) {
    return {
      ...base,
      decision: "unchanged",
      reason: `${of}: less than ${pct(spec.unchangedBelow)} slower (p ${pU.toPrecision(2)})`,
    };
  }
  return {
    ...base,
    decision: "inconclusive",
    reason: `${of}: neither shown more than ${pct(spec.margin)} slower (p ${
      p.toPrecision(2)
    }) nor less than ${pct(spec.unchangedBelow)} slower (p ${pU.toPrecision(2)})`,
  };
}
