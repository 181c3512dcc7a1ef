/**
 * The gate's verdict on repeated measurements of two runs, for the Compare page. The
 * statistics live in `harness/core/stats/` (Mann-Whitney U plus a bootstrap interval of the median
 * ratio); this file only decides which measurements to compare and which way is better.
 */
import { timingVerdict } from "../harness/core/stats/timing_verdict.ts";

/** The verdict on one measurement, candidate against baseline. */
export interface MeasurementVerdict {
  name: string;
  unit: string;
  baselineN: number;
  candidateN: number;
  /** median(candidate) / median(baseline). */
  ratio: number | null;
  p: number | null;
  verdict: string;
  reason: string;
}

/** Throughputs (`..._per_s`, unit `x/s`) are better higher; times (ms, s) lower. */
export function higherIsBetter(name: string, unit: string): boolean {
  return /_per_s$|throughput/i.test(name) || /\/s$/.test(unit);
}

/** Compare every measurement name the two runs share. */
export function measurementVerdicts(
  baseline: Map<string, number[]>,
  candidate: Map<string, number[]>,
  units: Map<string, string>,
): MeasurementVerdict[] {
  const out: MeasurementVerdict[] = [];
  for (const [name, a] of baseline) {
    const b = candidate.get(name);
    if (!b) continue;
    const unit = units.get(name) ?? "";
    const base = { name, unit, baselineN: a.length, candidateN: b.length };
    try {
      const v = timingVerdict({
        baseline: a,
        candidate: b,
        higherIsBetter: higherIsBetter(name, unit),
        resamples: 1000,
      });
      out.push({ ...base, ratio: v.ratio, p: v.p, verdict: v.verdict, reason: v.reason });
    } catch (err) {
      out.push({
        ...base,
        ratio: null,
        p: null,
        verdict: "inconclusive",
        reason: err instanceof Error ? err.message : String(err),
      });
    }
  }
  return out;
}
