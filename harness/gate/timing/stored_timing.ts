/**
 * The stored-baseline mode end to end: which targets can be judged at all (a version-1 file,
 * another machine or too few baseline processes cannot), `STORED_PROCESSES` fresh candidate
 * processes of each that can, then one row per target (`stored_rows.ts`).
 */
import type { RunData } from "../../../results/mod.ts";
import { readSessions } from "../../../results/calibrations.ts";
import { environment } from "../../run/provenance.ts";
import type { PairedTarget } from "./paired_targets.ts";
import { STORED_PROCESSES, timeProcesses } from "./stored_candidate.ts";
import { judgeableBaseline, type Machine, type StoredBaseline, storedRow } from "./stored_rows.ts";
import type { VerdictRow } from "../types.ts";

/** How the stored mode runs. */
export interface StoredTimingOptions {
  db: string;
  experiments?: string;
  /** The candidate's runs when they are stored ones (`--candidate`): nothing is timed now. */
  candidateRuns?: RunData[];
  log: (line: string) => void;
}

/** The machine of stored candidate runs, else this one. */
async function machineOf(runs: RunData[] | undefined): Promise<Machine> {
  const perf = runs?.find((r) => r.suiteKind === "perf");
  if (perf) return { envId: perf.envId, env: perf.env };
  const here = await environment();
  return { envId: here.envId, env: here.fingerprint };
}

/** Timing rows of `targets` against the stored baseline's processes. */
export async function storedTimingRows(
  targets: PairedTarget[],
  baseline: StoredBaseline,
  opts: StoredTimingOptions,
): Promise<VerdictRow[]> {
  const here = await machineOf(opts.candidateRuns);
  const toTime = targets.filter((t) => judgeableBaseline(t, baseline, here).verdict === null);
  const candidate = opts.candidateRuns ??
    (toTime.length ? (await timeProcesses(toTime, STORED_PROCESSES, opts)).runs : []);
  const sessions = await readSessions(opts.db);
  return targets.map((t) => storedRow(t, baseline, candidate, sessions, here));
}
