/**
 * The gate's verdict on two single runs, measurement by measurement: what the dashboard's
 * Compare page shows as "the gate's verdict". The runs go through `compareRuns`, so the same
 * rules decide (ok runs only, same declaration, same machine, the gate's margin and metric
 * directions); measurements the gate does not judge get no verdict, and say so.
 */
import type { RunData } from "../../results/mod.ts";
import { median } from "../core/stats/mod.ts";
import { type CompareOptions, compareRuns } from "./compare.ts";
import { TIMING_METRICS, type Verdict } from "./types.ts";

/** One measurement both runs have, and what the gate says about it. */
export interface MeasurementVerdict {
  name: string;
  unit: string;
  baselineN: number;
  candidateN: number;
  /** median(candidate) / median(baseline); null when not both positive. */
  ratio: number | null;
  /** The gate's test's p; null where the gate did not test. */
  p: number | null;
  /** The gate's verdict; null for a measurement the gate does not judge. */
  verdict: Verdict | null;
  reason: string;
}

const JUDGED = new Set(TIMING_METRICS.map((m) => m.name));

/**
 * The gate's verdict on every measurement `base` and `cand` share (in `base`'s order), with
 * `units` by measurement name.
 *
 * @example
 * ```ts
 * // With runs `a` and `b` of one experiment, backend and machine, b 30% slower:
 * // measurementVerdicts(a, b, { margin: () => 0.1, accuracyTolerance: () => 0.01 }, units)
 * //   .find((v) => v.name === "train_window_samples_per_s")?.verdict; // "regressed"
 * ```
 */
export function measurementVerdicts(
  base: RunData,
  cand: RunData,
  rules: CompareOptions,
  units: Map<string, string> = new Map(),
): MeasurementVerdict[] {
  const sameTarget = base.experimentId === cand.experimentId && base.backend === cand.backend;
  const rows = sameTarget ? compareRuns([base], [cand], rules) : [];
  // A whole-group verdict (no ok run, a changed declaration) stands for every metric.
  const group = rows.find((r) => r.kind === "runs");
  const out: MeasurementVerdict[] = [];
  for (const [name, a] of Object.entries(base.measurements)) {
    const b = cand.measurements[name];
    if (!b) continue;
    const ma = a.length ? median(a) : NaN, mb = b.length ? median(b) : NaN;
    const common = {
      name,
      unit: units.get(name) ?? "",
      baselineN: a.length,
      candidateN: b.length,
      ratio: ma > 0 && mb > 0 ? mb / ma : null,
    };
    if (!JUDGED.has(name)) {
      out.push({ ...common, p: null, verdict: null, reason: "the gate does not judge this" });
      continue;
    }
    if (!sameTarget) {
      out.push({
        ...common,
        p: null,
        verdict: "not_comparable",
        reason:
          `the gate compares runs of one experiment on one backend (#1 ${base.experimentId} on ${base.backend})`,
      });
      continue;
    }
    const row = group ?? rows.find((r) => r.kind === "timing" && r.metric === name);
    out.push({
      ...common,
      p: row?.p ?? null,
      verdict: row?.verdict ?? null,
      reason: row?.reason ?? "no windows to judge",
    });
  }
  return out;
}
