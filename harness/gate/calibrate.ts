/**
 * Calibration from A/A runs: time the same code several times, and from every pair of
 * repeats learn how far medians drift with no change at all. That sets the practical margin
 * per machine and backend, and measures the gate's false alarms and detection on this
 * machine's real noise (a slowdown is applied to real windows, not simulated ones).
 */
import { calibrateMargin, timingVerdict } from "../core/stats/mod.ts";
import { Rng } from "../core/rng.ts";
import type { RunData } from "../../results/mod.ts";

/** One (machine, backend)'s calibration and how the gate did on its A/A pairs. */
export interface CalibrationResult {
  envId: string;
  backend: string;
  metric: string;
  margin: number;
  pairs: number;
  observed: number[];
  /** Share of A/A pairs judged regressed or improved with the calibrated margin. */
  falseAlarms: number;
  /** Share of pairs whose candidate, slowed by 5% and 10%, was judged regressed. */
  detected5: number;
  detected10: number;
}

const METRIC = "perf_window_images_per_s";

/** Calibrate every (env, backend) in `runs` from all pairs of its repeated runs. */
export function calibrate(runs: RunData[], seed = 1): CalibrationResult[] {
  const groups = new Map<string, RunData[]>();
  for (const r of runs) {
    if (r.status !== "ok" || !(r.measurements[METRIC]?.length >= 3)) continue;
    const k = `${r.envId}\u0000${r.backend}\u0000${r.experimentId}\u0000${r.declarationHash}`;
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  // Pairs from each experiment, pooled per (env, backend).
  const pooled = new Map<string, { a: number[]; b: number[] }[]>();
  for (const [k, rs] of groups) {
    const [envId, backend] = k.split("\u0000");
    const key = `${envId}\u0000${backend}`;
    for (let i = 0; i < rs.length; i++) {
      for (let j = i + 1; j < rs.length; j++) {
        (pooled.get(key) ?? pooled.set(key, []).get(key)!).push({
          a: rs[i].measurements[METRIC],
          b: rs[j].measurements[METRIC],
        });
      }
    }
  }
  const out: CalibrationResult[] = [];
  for (const [key, pairs] of pooled) {
    const [envId, backend] = key.split("\u0000");
    const { margin, observed } = calibrateMargin(pairs);
    const rng = new Rng(seed).split(key);
    const judge = (a: number[], b: number[]) =>
      timingVerdict({ baseline: a, candidate: b, higherIsBetter: true, margin, rng }).verdict;
    const share = (f: (p: { a: number[]; b: number[] }) => boolean) =>
      pairs.filter(f).length / pairs.length;
    out.push({
      envId,
      backend,
      metric: METRIC,
      margin,
      pairs: pairs.length,
      observed,
      falseAlarms: share((p) => ["regressed", "improved"].includes(judge(p.a, p.b))),
      detected5: share((p) => judge(p.a, p.b.map((x) => x / 1.05)) === "regressed"),
      detected10: share((p) => judge(p.a, p.b.map((x) => x / 1.10)) === "regressed"),
    });
  }
  return out;
}
