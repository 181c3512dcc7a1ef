/**
 * Live process pairs for the gate's paired timing: the baseline's code, checked out at a
 * commit (`worktree.ts`), and this tree take turns window by window (`paired.ts`), pair after
 * pair, through the sequential loop (`sequential_gate.ts`), within a time budget.
 */
import { harmonicMean, pairWindowNoise, processPairTheta } from "../../core/stats/mod.ts";
import { REPO_ROOT } from "../../core/paths.ts";
import { pairedTiming } from "./paired.ts";
import type { PairedTarget } from "./paired_targets.ts";
import { type PairOutcome, type PairSource, runSequentialGate } from "./sequential_gate.ts";
import { sequentialRow, suiteRows } from "./sequential_rows.ts";
import type { VerdictRow } from "../types.ts";
import { checkoutRef } from "./worktree.ts";
import { GATE_PROTOCOL } from "./timing_plan.ts";

/** How a paired timing runs. */
export interface PairedTimingOptions {
  /** The candidate's database (the baseline's runs go to the checked-out tree's own). */
  db: string;
  /** Folder of declarations, as `--experiments` gives it. */
  experiments: string | undefined;
  /** When the pairs must end, in `performance.now()` seconds. */
  deadlineS: number;
  log: (line: string) => void;
}

/**
 * Process pairs of the baseline's code at `root` and this tree: which process starts first
 * alternates, and every pair of a target times the steps per window its first pair planned.
 */
export function livePairs(root: string, opts: Omit<PairedTimingOptions, "deadlineS">): PairSource {
  const batches = new Map<string, number | null>();
  return async (target, index): Promise<PairOutcome> => {
    const key = JSON.stringify([target.experiment, target.backend]);
    const r = await pairedTiming({
      experiment: target.experiment,
      backend: target.backend,
      experiments: opts.experiments,
      a: { root, db: `${root}/results/paired-baseline.duckdb` },
      b: { root: REPO_ROOT, db: opts.db },
      first: index % 2 === 0 ? "a" : "b",
      batches: batches.get(key),
    });
    if (!batches.has(key) && r.batches !== null) batches.set(key, r.batches);
    const ok = r.a.status === "ok" && r.b.status === "ok" && r.pairs.length > 0;
    return {
      theta: ok ? processPairTheta(r.pairs, true) : null,
      baselineStatus: r.a.status,
      candidateStatus: r.b.status,
      reason: ok ? null : (r.b.reason ?? r.a.reason ?? "no window was paired"),
      baselineSpeed: r.a.windows.length ? harmonicMean(r.a.windows) : null,
      candidateSpeed: r.b.windows.length ? harmonicMean(r.b.windows) : null,
      windowNoise: ok ? pairWindowNoise(r.pairs, true) : null,
    };
  };
}

/** Paired timing against the code at `commit`: one verdict row per target. */
export async function pairedTimingRows(
  commit: string,
  targets: PairedTarget[],
  opts: PairedTimingOptions,
): Promise<VerdictRow[]> {
  const tree = await checkoutRef(REPO_ROOT, commit, opts.log);
  try {
    const now = () => performance.now() / 1000;
    const outcomes = await runSequentialGate(targets, livePairs(tree.root, opts), {
      budgetS: opts.deadlineS - now(),
      clock: now,
      // Both processes warm up for at least this long before their first window.
      firstPairS: 2 * GATE_PROTOCOL.warmupS.min,
      log: opts.log,
    });
    return [...outcomes.map((o) => sequentialRow(o)), ...suiteRows(outcomes)];
  } finally {
    await tree.remove();
  }
}
