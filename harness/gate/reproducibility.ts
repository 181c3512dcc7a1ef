/**
 * The gate's reproducibility check: runs that must give bit-identical weights, and do not.
 */
import { reproducibilityVerdict } from "../core/stats/mod.ts";
import type { RunData } from "../../results/mod.ts";
import type { VerdictRow } from "./types.ts";
import { verdictRow } from "./verdict_row.ts";
import { BIT_IDENTICAL_METHOD } from "./methods.ts";

/**
 * Same seed, backend, configuration, machine and versions, and the same clean commit: the
 * weights must be bit-identical. Across commits weights may change legitimately, so those
 * pairs are not judged. Where a run's backend documents that it does not repeat its bits (a
 * browser's GPU backend on real hardware), differing weights are that documented behaviour,
 * not a regression: the row says so and is not judged.
 */
export function reproducibility(baseline: RunData[], candidate: RunData[]): VerdictRow[] {
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
    const documented = runs.find((r) => r.documentedNondeterminism)?.documentedNondeterminism;
    if (bad && documented) {
      rows.push(verdictRow(first.experimentId, first.backend, {
        metric: `weights (seed ${first.seed})`,
        kind: "reproducibility",
        verdict: "not_comparable",
        method: BIT_IDENTICAL_METHOD,
        n: [runs.length, 0],
        reason: `weights differ, as documented for this backend: ${documented}`,
      }));
      continue;
    }
    rows.push(verdictRow(first.experimentId, first.backend, {
      metric: `weights (seed ${first.seed})`,
      kind: "reproducibility",
      verdict: bad ? "regressed" : "unchanged",
      method: BIT_IDENTICAL_METHOD,
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
