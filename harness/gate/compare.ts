/**
 * Compare candidate runs with baseline runs, like with like: same experiment declaration,
 * backend and (for timings) machine and versions. Anything not comparable is reported as
 * such, never judged. The statistics are in `harness/core/stats/` (the method: `harness/gate/METHOD.md`).
 */
import {
  accuracyVerdict,
  meanCI,
  median,
  reproducibilityVerdict,
  timingVerdict,
} from "../core/stats/mod.ts";
import { Rng } from "../core/rng.ts";
import type { RunData } from "../../results/mod.ts";
import { TIMING_METRICS, type VerdictRow } from "./types.ts";

/** Settings of a comparison. */
export interface CompareOptions {
  /** The practical timing margin for a machine and backend (calibrated or the default). */
  margin: (envId: string, backend: string) => number;
  /** The accuracy drop an experiment tolerates (its declaration's `tolerance.accuracy`). */
  accuracyTolerance: (experimentId: string) => number;
  alpha?: number;
  seed?: number;
}

function groupBy(runs: RunData[]): Map<string, RunData[]> {
  const map = new Map<string, RunData[]>();
  for (const r of runs) {
    const k = `${r.experimentId}\u0000${r.backend}`;
    map.set(k, [...(map.get(k) ?? []), r]);
  }
  return map;
}

function row(
  experiment: string,
  backend: string,
  fields: Partial<VerdictRow> & Pick<VerdictRow, "metric" | "kind" | "verdict" | "reason">,
): VerdictRow {
  return {
    experiment,
    backend,
    baseline: null,
    candidate: null,
    change: null,
    ci: null,
    p: null,
    n: [0, 0],
    ...fields,
  };
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
    return [row(experiment, backend, {
      metric: "runs",
      kind: "runs",
      // A model that trained at the baseline and fails now is a regression, not noise.
      verdict: lost ? "regressed" : "not_comparable",
      n: [base.length, cand.length],
      reason: `no ok runs to compare (baseline ${status(baseAll)}, candidate ${status(candAll)})` +
        (lost ? `: ${candAll.find((r) => r.status !== "ok")?.status}` : ""),
    })];
  }
  const decl = new Set(base.map((r) => r.declarationHash));
  const candSame = cand.filter((r) => decl.has(r.declarationHash));
  if (candSame.length === 0) {
    return [row(experiment, backend, {
      metric: "declaration",
      kind: "runs",
      verdict: "not_comparable",
      n: [base.length, cand.length],
      reason: `the experiment's declaration changed (baseline ${
        base[0].declarationHash.slice(0, 10)
      }, candidate ${cand[0].declarationHash.slice(0, 10)})`,
    })];
  }
  const baseSame = base.filter((r) =>
    candSame.some((c) => c.declarationHash === r.declarationHash)
  );
  return [
    ...timingRows(experiment, backend, baseSame, candSame, opts),
    ...accuracyRows(experiment, backend, baseSame, candSame, opts),
  ];
}

function timingRows(
  experiment: string,
  backend: string,
  base: RunData[],
  cand: RunData[],
  opts: CompareOptions,
): VerdictRow[] {
  const rows: VerdictRow[] = [];
  for (const metric of TIMING_METRICS) {
    const withMetric = (rs: RunData[]) =>
      rs.filter((r) => (r.measurements[metric.name]?.length ?? 0) > 0);
    const b = withMetric(base), c = withMetric(cand);
    if (b.length === 0 || c.length === 0) continue;
    const envs = new Set(b.map((r) => r.envId));
    const cSame = c.filter((r) => envs.has(r.envId));
    if (cSame.length === 0) {
      rows.push(row(experiment, backend, {
        metric: metric.name,
        kind: "timing",
        verdict: "not_comparable",
        reason: `different machine or versions: ${envDiff(b[0].env, c[0].env)}`,
      }));
      continue;
    }
    const bSame = b.filter((r) => cSame.some((x) => x.envId === r.envId));
    const bx = bSame.flatMap((r) => r.measurements[metric.name]);
    const cx = cSame.flatMap((r) => r.measurements[metric.name]);
    const v = timingVerdict({
      baseline: bx,
      candidate: cx,
      higherIsBetter: metric.higherIsBetter,
      margin: opts.margin(cSame[0].envId, backend),
      alpha: opts.alpha,
      rng: new Rng(opts.seed ?? 1).split(`${experiment}/${backend}/${metric.name}`),
    });
    rows.push(row(experiment, backend, {
      metric: metric.name,
      kind: "timing",
      verdict: v.verdict,
      baseline: median(bx),
      candidate: median(cx),
      change: v.ratio,
      ci: v.ci,
      p: v.p,
      n: [bx.length, cx.length],
      reason: v.reason,
    }));
  }
  return rows;
}

function accuracyRows(
  experiment: string,
  backend: string,
  base: RunData[],
  cand: RunData[],
  opts: CompareOptions,
): VerdictRow[] {
  // Accuracy depends on the data and epochs: compare only runs of the same configuration.
  const acc = (rs: RunData[]) =>
    rs.filter((r) => r.testAccuracy !== null && Number.isFinite(r.testAccuracy));
  const b = acc(base), c = acc(cand);
  if (b.length === 0 || c.length === 0) return [];
  const configs = new Set(b.map((r) => r.configHash));
  const cSame = c.filter((r) => configs.has(r.configHash));
  if (cSame.length === 0) {
    return [row(experiment, backend, {
      metric: "test_accuracy",
      kind: "accuracy",
      verdict: "not_comparable",
      reason: `different resolved configuration (profile baseline ${b[0].profile}, candidate ${
        c[0].profile
      })`,
    })];
  }
  const bSame = b.filter((r) => cSame.some((x) => x.configHash === r.configHash));
  const bx = bSame.map((r) => r.testAccuracy!), cx = cSame.map((r) => r.testAccuracy!);
  const tolerance = opts.accuracyTolerance(experiment);
  const v = pairedAccuracy(bSame, cSame, tolerance) ??
    accuracyVerdict({ baseline: bx, candidate: cx, tolerance });
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  return [row(experiment, backend, {
    metric: "test_accuracy",
    kind: "accuracy",
    verdict: v.verdict,
    baseline: mean(bx),
    candidate: mean(cx),
    change: v.difference,
    ci: v.ci,
    n: [bx.length, cx.length],
    reason: v.reason,
  })];
}

/**
 * When both sides ran the same seeds, compare seed by seed: the run-to-run spread of the
 * seeds cancels, and identical results give a zero-width interval ("unchanged") instead of
 * the unpaired interval's spread. Same rule as the unpaired verdict: regressed when the 95%
 * CI of the mean difference lies below -tolerance, improved above +tolerance, unchanged
 * inside, inconclusive otherwise. Returns null when the seeds do not pair up (n < 2).
 */
export function pairedAccuracy(base: RunData[], cand: RunData[], tolerance: number) {
  const bySeed = new Map(base.map((r) => [r.seed, r.testAccuracy!]));
  const diffs = cand.filter((r) => bySeed.has(r.seed)).map((r) =>
    r.testAccuracy! - bySeed.get(r.seed)!
  );
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
 * Same seed, backend, configuration, machine and versions, and the same clean commit: the
 * weights must be bit-identical. Across commits weights may change legitimately, so those
 * pairs are not judged.
 */
function reproducibility(baseline: RunData[], candidate: RunData[]): VerdictRow[] {
  const all = [...baseline, ...candidate].filter((r) =>
    r.status === "ok" && r.weightsSha256 && r.gitCommit && r.gitDirty === false &&
    r.suiteKind === "bench"
  );
  const bySetting = new Map<string, RunData[]>();
  for (const r of all) {
    const k = [
      r.experimentId,
      r.backend,
      r.seed,
      r.declarationHash,
      r.configHash,
      r.envId,
      r.gitCommit,
    ]
      .join("\u0000");
    bySetting.set(k, [...(bySetting.get(k) ?? []), r]);
  }
  const rows: VerdictRow[] = [];
  for (const runs of bySetting.values()) {
    if (runs.length < 2) continue;
    const [first, ...rest] = runs;
    const bad = rest.map((r) => ({
      r,
      v: reproducibilityVerdict(fingerprint(first), fingerprint(r)),
    }))
      .find((x) => x.v.verdict === "non_deterministic");
    rows.push(row(first.experimentId, first.backend, {
      metric: `weights (seed ${first.seed})`,
      kind: "reproducibility",
      verdict: bad ? "regressed" : "unchanged",
      n: [runs.length, 0],
      reason: bad
        ? `non-deterministic: run ${bad.r.runId.slice(0, 8)} differs from ${
          first.runId.slice(0, 8)
        }` +
          (bad.v.firstDivergentEpoch === undefined
            ? `; ${bad.v.reason}`
            : `; the runs first diverge at epoch ${bad.v.firstDivergentEpoch + 1}`)
        : `${runs.length} runs of the same seed on the same commit and machine gave identical weights`,
    }));
  }
  return rows;
}

function fingerprint(r: RunData) {
  return {
    weightsHash: r.weightsSha256!,
    epochHashes: r.epochs.map((e) => e.weightsSha256 ?? ""),
    epochLosses: r.epochs.map((e) => e.loss ?? NaN),
  };
}

/** Which fingerprint fields differ, as `field a -> b`. */
export function envDiff(a: Record<string, unknown>, b: Record<string, unknown>): string {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  const diffs = keys.filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]))
    .map((k) => `${k} ${String(a[k])} -> ${String(b[k])}`);
  return diffs.join(", ") || "fingerprints differ";
}
