/** Marking regressions along a metric's history: each commit against the one before it. */
import { timingVerdict } from "../harness/core/stats/timing_verdict.ts";

/** A commit's values of one metric. */
export interface Point {
  median: number;
  values: number[];
}

/** What the history says about one commit against the previous one. */
export interface Step {
  /** median / previous median; null for the first commit. */
  ratio: number | null;
  regressed: boolean;
  improved: boolean;
  /** How it was decided, in a few words. */
  how: string;
}

/** Changes smaller than this never count, whatever the test says. */
export const MARGIN = 0.05;

/**
 * Judge every commit against its predecessor. With three or more runs on both sides the
 * gate's test decides (Mann-Whitney U and a bootstrap interval of the median ratio); with
 * fewer, a change of the median beyond the margin counts, marked as "median only".
 *
 * @example
 * ```ts
 * markRegressions([{ median: 100, values: [100] }, { median: 80, values: [80] }], true);
 * // [{ ratio: null, ... }, { ratio: 0.8, regressed: true, improved: false, how: "median only" }]
 * ```
 */
export function markRegressions(points: Point[], higherIsBetter: boolean): Step[] {
  return points.map((p, i) => {
    if (i === 0) return { ratio: null, regressed: false, improved: false, how: "first commit" };
    const prev = points[i - 1];
    const ratio = prev.median !== 0 ? p.median / prev.median : null;
    if (
      prev.values.length >= 3 && p.values.length >= 3 &&
      [...prev.values, ...p.values].every((v) => v > 0)
    ) {
      const v = timingVerdict({
        baseline: prev.values,
        candidate: p.values,
        higherIsBetter,
        margin: MARGIN,
        resamples: 500,
      });
      return {
        ratio,
        regressed: v.verdict === "regressed",
        improved: v.verdict === "improved",
        how: `gate: ${v.verdict}`,
      };
    }
    if (ratio === null) return { ratio, regressed: false, improved: false, how: "no baseline" };
    const better = higherIsBetter ? ratio > 1 + MARGIN : ratio < 1 / (1 + MARGIN);
    const worse = higherIsBetter ? ratio < 1 / (1 + MARGIN) : ratio > 1 + MARGIN;
    return { ratio, regressed: worse, improved: better, how: "median only" };
  });
}
