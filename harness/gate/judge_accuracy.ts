/**
 * The gate's judgement of test accuracy: only runs of the same resolved configuration are
 * compared (accuracy depends on data and epochs), seed by seed when both sides ran the same
 * seeds, else with the statistics' unpaired rule (`harness/core/stats/accuracy_verdict.ts`).
 */
import { accuracyVerdict, mean, meanCI } from "../core/stats/mod.ts";
import type { Declared } from "../core/discover.ts";
import { type Judgement, notComparable } from "./judge_timing.ts";
import { accuracyBySeedMethod, accuracyWelchMethod } from "./methods.ts";

/** One run's test accuracy, with what decides whether two runs are comparable. */
export interface AccuracySample {
  seed: number;
  configHash: string;
  profile: string;
  value: number;
}

/** The accuracy drop an experiment tolerates when its declaration names none. */
export const DEFAULT_ACCURACY_TOLERANCE = 0.01;

/**
 * Judge test accuracy against `tolerance` (the declaration's `tolerance.accuracy`); null when
 * a side has no accuracy.
 *
 * @example
 * ```ts
 * const s = (seed: number, value: number) => ({ seed, configHash: "c", profile: "quick", value });
 * judgeAccuracy([s(1, 0.9), s(2, 0.91)], [s(1, 0.9), s(2, 0.91)], 0.01)?.verdict; // "unchanged"
 * ```
 */
export function judgeAccuracy(
  base: AccuracySample[],
  cand: AccuracySample[],
  tolerance: number,
): Judgement | null {
  const ok = (xs: AccuracySample[]) => xs.filter((x) => Number.isFinite(x.value));
  const b = ok(base), c = ok(cand);
  if (b.length === 0 || c.length === 0) return null;
  const configs = new Set(b.map((x) => x.configHash));
  const cSame = c.filter((x) => configs.has(x.configHash));
  if (cSame.length === 0) {
    return notComparable(
      `different resolved configuration (profile baseline ${b[0].profile}, candidate ${
        c[0].profile
      })`,
    );
  }
  const bSame = b.filter((x) => cSame.some((y) => y.configHash === x.configHash));
  const bx = bSame.map((x) => x.value), cx = cSame.map((x) => x.value);
  const paired = pairedAccuracy(bSame, cSame, tolerance);
  const v = paired ?? accuracyVerdict({ baseline: bx, candidate: cx, tolerance });
  return {
    verdict: v.verdict,
    baseline: mean(bx),
    candidate: mean(cx),
    change: v.difference,
    ci: v.ci,
    p: null,
    n: [bx.length, cx.length],
    reason: v.reason,
    method: paired ? accuracyBySeedMethod(tolerance) : accuracyWelchMethod(tolerance),
  };
}

/**
 * When both sides ran the same seeds, compare seed by seed: the run-to-run spread of the
 * seeds cancels, and identical results give a zero-width interval ("unchanged") instead of
 * the unpaired interval's spread. Same rule as the unpaired verdict: regressed when the 95%
 * CI of the mean difference lies below -tolerance, improved above +tolerance, unchanged
 * inside, inconclusive otherwise. Returns null when the seeds do not pair up (n < 2).
 */
function pairedAccuracy(
  base: { seed: number; value: number }[],
  cand: { seed: number; value: number }[],
  tolerance: number,
) {
  const bySeed = new Map(base.map((r) => [r.seed, r.value]));
  const diffs = cand.filter((r) => bySeed.has(r.seed)).map((r) => r.value - bySeed.get(r.seed)!);
  if (diffs.length < 2 || diffs.length !== cand.length || diffs.length !== base.length) return null;
  const allZero = diffs.every((d) => d === 0);
  const ci = allZero ? { mean: 0, low: 0, high: 0, n: diffs.length } : meanCI(diffs);
  const verdict = ci.high < -tolerance
    ? "regressed"
    : ci.low > tolerance
    ? "improved"
    : ci.low >= -tolerance && ci.high <= tolerance
    ? "unchanged"
    : "inconclusive";
  const range = `${ci.low.toFixed(4)} to ${ci.high.toFixed(4)}`;
  return {
    verdict: verdict as "regressed" | "improved" | "unchanged" | "inconclusive",
    difference: ci.mean,
    ci: [ci.low, ci.high] as [number, number],
    reason: allZero
      ? `identical accuracy on all ${diffs.length} seeds`
      : `paired over ${diffs.length} seeds: difference ${
        ci.mean.toFixed(4)
      } (CI ${range}) against ±${tolerance}`,
  };
}

/**
 * The accuracy tolerance of each declared experiment (`tolerance.accuracy`), else
 * {@linkcode DEFAULT_ACCURACY_TOLERANCE}; experiments not declared get the default too.
 */
export function declaredTolerance(declared: Declared[]): (experimentId: string) => number {
  const byId = new Map(
    declared.map((d) => [d.experiment.id, d.experiment.tolerance?.accuracy]),
  );
  return (id) => byId.get(id) ?? DEFAULT_ACCURACY_TOLERANCE;
}
