/** The verdict on a paired timing: process pairs of baseline and candidate taking turns. */
import { clusteredTimingVerdict, median } from "../core/stats/mod.ts";
import type { PairedResult } from "./paired.ts";
import type { VerdictRow } from "./types.ts";
import { PAIRED_MARGIN } from "./margin.ts";
import { pairedProcessesMethod, pairedWindowsMethod, TRAINING_STATUS_METHOD } from "./methods.ts";

/**
 * The verdict row of paired timings: `results` are the process pairs, baseline as `a`. Every
 * pair's windows are clusters of the statistics' clustered rule, judged against
 * {@linkcode PAIRED_MARGIN}; a pair where a side did not finish makes the row not comparable,
 * or regressed when only the candidate failed.
 */
export function pairedRow(
  experiment: string,
  backend: string,
  results: PairedResult[],
): VerdictRow {
  const all = (side: "a" | "b") => results.flatMap((r) => r[side].windows);
  const base = {
    experiment,
    backend,
    metric: "perf_window_images_per_s (paired)",
    kind: "timing" as const,
    baseline: all("a").length ? median(all("a")) : null,
    candidate: all("b").length ? median(all("b")) : null,
    change: null,
    ci: null,
    p: null,
    n: [results.length, results.length] as [number, number],
  };
  const bad = results.find((r) => r.a.status !== "ok" || r.b.status !== "ok" || !r.pairs.length);
  if (bad) {
    // Training at the baseline and failing now is a regression, not noise.
    const lost = bad.a.status === "ok" && bad.b.status !== "ok";
    return {
      ...base,
      verdict: lost ? "regressed" : "not_comparable",
      method: TRAINING_STATUS_METHOD,
      reason: `baseline ${bad.a.status}${
        bad.a.reason ? ` (${bad.a.reason})` : ""
      }, candidate ${bad.b.status}${bad.b.reason ? ` (${bad.b.reason})` : ""}`,
    };
  }
  const v = clusteredTimingVerdict({
    clusters: results.map((r) => r.pairs),
    higherIsBetter: true,
    margin: PAIRED_MARGIN,
  });
  // One pair of processes: clusteredTimingVerdict judges its windows as the pairs.
  const method = results.length === 1
    ? pairedWindowsMethod()
    : pairedProcessesMethod(results.length);
  return {
    ...base,
    verdict: v.verdict,
    change: v.ratio,
    ci: v.ci,
    p: v.p,
    reason: v.reason,
    method,
  };
}
