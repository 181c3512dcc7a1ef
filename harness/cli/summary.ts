/** The end-of-suite summary: experiment x backend, as a table or as JSON. */
import type { RunSummary, SuiteResult } from "../run/bench_suite.ts";
import { median } from "../core/stats/mod.ts";
import { fmt, table } from "../core/table.ts";
import { backendLabel } from "../core/runtime.ts";
import { documentHeader } from "../core/documents.ts";

/** A run's backend as the table shows it: `chromium:wasm` for a browser's. */
const label = (r: RunSummary) => backendLabel(r.runtime, r.backend);

/** Group runs by (experiment, runtime and backend), in the order they ran. */
function groups(runs: RunSummary[]): RunSummary[][] {
  const map = new Map<string, RunSummary[]>();
  for (const r of runs) {
    const key = `${r.experiment}\u0000${label(r)}`;
    map.set(key, [...(map.get(key) ?? []), r]);
  }
  return [...map.values()];
}

function statusOf(rs: RunSummary[]): string {
  const counts = new Map<string, number>();
  for (const r of rs) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  return [...counts].map(([s, n]) => (rs.length === 1 ? s : `${n} ${s}`)).join(", ");
}

const numbers = (xs: (number | null)[]) =>
  xs.filter((x): x is number => x !== null && Number.isFinite(x));

/** The summary table a terminal user reads. */
export function summaryTable(result: SuiteResult): string {
  const rows = groups(result.runs).map((rs) => {
    const acc = numbers(rs.map((r) => r.testAccuracy));
    const sps = numbers(rs.map((r) => r.samplesPerS));
    const first = numbers(rs.map((r) => r.firstEpochS));
    const hashes = [...new Set(rs.map((r) => r.weightsHash).filter(Boolean))] as string[];
    const reason = rs.find((r) => r.reason)?.reason ?? "";
    return [
      rs[0].experiment,
      label(rs[0]),
      statusOf(rs),
      String(rs.length),
      acc.length ? fmt(acc.reduce((a, b) => a + b, 0) / acc.length, 4) : "-",
      sps.length ? fmt(median(sps), 0) : "-",
      first.length ? fmt(median(first), 2) : "-",
      hashes.map((h) => h.slice(0, 10)).join(" ") || "-",
      reason.length > 70 ? reason.slice(0, 67) + "..." : reason,
    ];
  });
  return table(
    [
      "experiment",
      "backend",
      "status",
      "seeds",
      "test acc",
      "samples/s",
      "1st epoch s",
      "weights",
      "reason",
    ],
    rows,
  );
}

/** The same summary as one JSON document for scripts. */
export function summaryJson(result: SuiteResult, db: string): unknown {
  return {
    ...documentHeader("bench"),
    suiteId: result.suiteId,
    profile: result.profile,
    db,
    wallS: result.wallS,
    runs: result.runs.map((r) => ({
      runId: r.runId,
      experiment: r.experiment,
      runtime: r.runtime,
      backend: r.backend,
      seed: r.seed,
      status: r.status,
      reason: r.reason,
      testAccuracy: r.testAccuracy,
      samplesPerS: r.samplesPerS,
      firstEpochS: r.firstEpochS,
      weightsHash: r.weightsHash,
      kernels: r.kernels,
      epochs: r.epochs,
    })),
  };
}
