/**
 * The stored-baseline mode's candidate: `k` fresh processes per target, taken in rounds over
 * the targets (one process of each, then the next round), so that a drift of the machine
 * during the check spreads over every target alike.
 */
import type { RunData } from "../../../results/mod.ts";
import { readRuns } from "../../../results/runs.ts";
import { fmt } from "../../core/table.ts";
import { perfInChild } from "./child_runs.ts";
import type { PairedTarget } from "./paired_targets.ts";

/** Processes per target of a stored-baseline check and of `check --record`. */
export const STORED_PROCESSES = 5;

/** Time each target in `k` processes of its own; returns their runs, as stored in `db`. */
export async function timeProcesses(
  targets: readonly PairedTarget[],
  k: number,
  opts: { db: string; experiments?: string; log: (line: string) => void },
): Promise<{ runs: RunData[]; suites: string[] }> {
  const suites: string[] = [];
  for (let i = 0; i < k; i++) {
    for (const { experiment, backend } of targets) {
      const r = await perfInChild({
        experiment,
        backend,
        db: opts.db,
        experiments: opts.experiments,
      });
      suites.push(r.suiteId);
      opts.log(
        `process ${i + 1}/${k}: ${experiment} on ${backend}: ${
          r.imagesPerS === null ? r.status : `${fmt(r.imagesPerS, 1)} images/s`
        }`,
      );
    }
  }
  return { runs: suites.length ? await readRuns(opts.db, suites) : [], suites };
}
