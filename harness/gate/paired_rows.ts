/**
 * `check --paired-ref`: time the code at a git ref beside this tree, process pair by process
 * pair, and judge each (experiment, backend) on the pairs (see gate/METHOD.md, "Paired timing").
 */
import { REPO_ROOT } from "../core/paths.ts";
import { type PairedResult, pairedTiming } from "./paired.ts";
import { pairedRow } from "./paired_row.ts";
import type { PairedTarget } from "./paired_targets.ts";
import type { VerdictRow } from "./types.ts";
import { checkoutRef } from "./worktree.ts";

/** Pairs of processes per (experiment, backend) in a paired timing. */
export const PAIRED_PROCESS_PAIRS = 6;

/** How a paired timing runs. */
export interface PairedRowsOptions {
  /** The candidate's database (the baseline's runs go to the checked-out tree's own). */
  db: string;
  /** Folder of declarations, as `--experiments` gives it. */
  experiments: string | undefined;
  /** Process pairs per target. */
  pairs: number;
  log: (line: string) => void;
}

/** Paired timing against the code at `ref`, one verdict row per (experiment, backend). */
export async function pairedRows(
  ref: string,
  targets: PairedTarget[],
  opts: PairedRowsOptions,
): Promise<VerdictRow[]> {
  const tree = await checkoutRef(REPO_ROOT, ref, opts.log);
  const rows: VerdictRow[] = [];
  try {
    for (const { experiment, backend } of targets) {
      const results: PairedResult[] = [];
      for (let j = 0; j < opts.pairs; j++) {
        opts.log(
          `paired ${j + 1}/${opts.pairs}: ${experiment} on ${backend}, ${ref} (${
            tree.commit.slice(0, 10)
          }) beside this tree`,
        );
        const base = { root: tree.root, db: `${tree.root}/results/paired-baseline.duckdb` };
        const cand = { root: REPO_ROOT, db: opts.db };
        // Alternate which process starts first, so neither side always warms up first.
        const r = await pairedTiming({
          experiment,
          backend,
          experiments: opts.experiments,
          a: base,
          b: cand,
          first: j % 2 === 0 ? "a" : "b",
        });
        results.push(r);
      }
      rows.push(pairedRow(experiment, backend, results));
    }
  } finally {
    await tree.remove();
  }
  return rows;
}
