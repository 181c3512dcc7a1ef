/**
 * Compare candidate runs with baseline runs, like with like: same experiment declaration,
 * backend and (for timings) machine and versions. Anything not comparable is reported as
 * such, never judged. Each kind of verdict has its own module (`judge_timing.ts`,
 * `judge_accuracy.ts`, `reproducibility.ts`); the statistics are in `harness/core/stats/`
 * (the method: `harness/gate/METHOD.md`).
 */
import type { RunData } from "../../results/mod.ts";
import { TIMING_METRICS, type VerdictRow } from "./types.ts";
import { verdictRow } from "./verdict_row.ts";
import { judgeTiming, type TimingRules } from "./judge_timing.ts";
import { judgeAccuracy } from "./judge_accuracy.ts";
import { reproducibility } from "./reproducibility.ts";
import { LIKE_WITH_LIKE_METHOD, TRAINING_STATUS_METHOD } from "./methods.ts";

/** Settings of a comparison. */
export interface CompareOptions extends TimingRules {
  /** The accuracy drop an experiment tolerates (its declaration's `tolerance.accuracy`). */
  accuracyTolerance: (experimentId: string) => number;
  /**
   * Judge the runs' stored timing windows (default true, as the dashboard does); the gate
   * judges timings by its own modes instead (`timing_mode.ts`).
   */
  judgeTimings?: boolean;
}

function groupBy(runs: RunData[]): Map<string, RunData[]> {
  const map = new Map<string, RunData[]>();
  for (const r of runs) {
    const k = `${r.experimentId}\u0000${r.backend}`;
    map.set(k, [...(map.get(k) ?? []), r]);
  }
  return map;
}

/** Every verdict, sorted by experiment, backend and metric. */
export function compareRuns(
  baseline: RunData[],
  candidate: RunData[],
  opts: CompareOptions,
): VerdictRow[] {
  const base = groupBy(baseline), cand = groupBy(candidate);
  const keys = [...new Set([...base.keys(), ...cand.keys()])].sort();
  const rows: VerdictRow[] = [];
  for (const key of keys) {
    const [experiment, backend] = key.split("\u0000");
    rows.push(...compareGroup(experiment, backend, base.get(key) ?? [], cand.get(key) ?? [], opts));
  }
  rows.push(...reproducibility(baseline, candidate));
  return rows;
}

function compareGroup(
  experiment: string,
  backend: string,
  baseAll: RunData[],
  candAll: RunData[],
  opts: CompareOptions,
): VerdictRow[] {
  const status = (rs: RunData[]) => [...new Set(rs.map((r) => r.status))].join("/") || "none";
  const base = baseAll.filter((r) => r.status === "ok"),
    cand = candAll.filter((r) => r.status === "ok");
  if (base.length === 0 || cand.length === 0) {
    const lost = base.length > 0 && cand.length === 0 && candAll.length > 0;
    return [verdictRow(experiment, backend, {
      metric: "runs",
      kind: "runs",
      // A model that trained at the baseline and fails now is a regression, not noise.
      verdict: lost ? "regressed" : "not_comparable",
      method: TRAINING_STATUS_METHOD,
      n: [base.length, cand.length],
      reason: `no ok runs to compare (baseline ${status(baseAll)}, candidate ${status(candAll)})` +
        (lost ? `: ${candAll.find((r) => r.status !== "ok")?.status}` : ""),
    })];
  }
  const decl = new Set(base.map((r) => r.declarationHash));
  const candSame = cand.filter((r) => decl.has(r.declarationHash));
  if (candSame.length === 0) {
    return [verdictRow(experiment, backend, {
      metric: "declaration",
      kind: "runs",
      verdict: "not_comparable",
      method: LIKE_WITH_LIKE_METHOD,
      n: [base.length, cand.length],
      reason: `the experiment's declaration changed (baseline ${
        base[0].declarationHash.slice(0, 10)
      }, candidate ${cand[0].declarationHash.slice(0, 10)})`,
    })];
  }
  const baseSame = base.filter((r) =>
    candSame.some((c) => c.declarationHash === r.declarationHash)
  );
  const like: LikeRuns = { experiment, backend, base: baseSame, cand: candSame };
  return [
    ...(opts.judgeTimings === false ? [] : timingRows(like, opts)),
    ...accuracyRows(like, opts),
  ];
}

/** Baseline and candidate runs of one experiment declaration on one backend. */
interface LikeRuns {
  experiment: string;
  backend: string;
  base: RunData[];
  cand: RunData[];
}

function timingRows({ experiment, backend, base, cand }: LikeRuns, opts: CompareOptions) {
  const rows: VerdictRow[] = [];
  for (const metric of TIMING_METRICS) {
    const samples = (rs: RunData[]) =>
      rs.map((r) => ({ envId: r.envId, env: r.env, values: r.measurements[metric.name] ?? [] }));
    const j = judgeTiming({ experiment, backend, metric }, samples(base), samples(cand), opts);
    if (j) {
      rows.push(verdictRow(experiment, backend, { metric: metric.name, kind: "timing", ...j }));
    }
  }
  return rows;
}

function accuracyRows(
  { experiment, backend, base, cand }: LikeRuns,
  opts: CompareOptions,
): VerdictRow[] {
  const samples = (rs: RunData[]) =>
    rs.filter((r) => r.testAccuracy !== null).map((r) => ({
      seed: r.seed,
      configHash: r.configHash,
      profile: r.profile,
      value: r.testAccuracy!,
    }));
  const j = judgeAccuracy(samples(base), samples(cand), opts.accuracyTolerance(experiment));
  return j
    ? [verdictRow(experiment, backend, { metric: "test_accuracy", kind: "accuracy", ...j })]
    : [];
}
