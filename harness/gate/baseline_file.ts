/**
 * Baseline files: stored runs exported to JSON, committed in the repository so that CI,
 * which starts from a fresh clone with no database, has something to compare against.
 *
 * Format: `{ format: "reprobench-baseline", version, exportedAt, source, timing?, runs:
 * RunData[] }`, where each run carries its experiment, backend, seed, status, declaration and
 * config hashes, machine fingerprint, test accuracy, weights hashes and the raw repeated
 * measurements (timing windows).
 * - Version 2 (`check --record`): every perf suite is one process of its own, several per
 *   target (`timing.processesPerTarget`, timed by `timing.protocol`), so the stored-baseline
 *   mode judges per-process throughputs; the gate finds a target's processes as its perf suites.
 * - Version 1 (older): one perf run per target; still read, but its timings cannot be judged
 *   across processes (the gate says so: re-record with `--record`).
 */
import { UserError } from "../core/errors.ts";
import type { RunData } from "../../results/mod.ts";
import type { Protocol } from "../perf/mod.ts";

const BASELINE_FORMAT = "reprobench-baseline";
/** The version this code writes (and the newest it reads). */
export const BASELINE_VERSION = 2;

/** How a version-2 file's timing processes were taken. */
export interface BaselineTiming {
  /** Processes per (experiment, backend): each perf suite of the file is one. */
  processesPerTarget: number;
  /** The protocol every process followed. */
  protocol: Protocol;
}

export interface BaselineFile {
  format: typeof BASELINE_FORMAT;
  version: number;
  exportedAt: string;
  /** What was exported: suite ids and the git commit they ran on. */
  source: { suites: string[]; gitCommit: string | null };
  /** Version 2: how the timing processes were taken; null when the runs hold none. */
  timing?: BaselineTiming | null;
  runs: RunData[];
}

/** The JSON text of a baseline file (the current version) for `runs`. */
export function baselineJson(
  runs: RunData[],
  source: BaselineFile["source"],
  timing: BaselineTiming | null = null,
): string {
  const file: BaselineFile = {
    format: BASELINE_FORMAT,
    version: BASELINE_VERSION,
    exportedAt: new Date().toISOString(),
    source,
    timing,
    // Only what the gate reads; measurements the gate never judges are left out to keep
    // committed files small.
    runs: runs.map((r) => ({
      ...r,
      measurements: Object.fromEntries(
        Object.entries(r.measurements).filter(([k]) => KEPT.some((p) => k.startsWith(p))),
      ),
    })),
  };
  return JSON.stringify(file, null, 1) + "\n";
}

const KEPT = ["train_window_", "perf_window_", "latency_"];

const RUN_FIELDS: [keyof RunData, string][] = [
  ["runId", "string"],
  ["suiteId", "string"],
  ["suiteKind", "string"],
  ["experimentId", "string"],
  ["backend", "string"],
  ["seed", "number"],
  ["status", "string"],
  ["declarationHash", "string"],
  ["configHash", "string"],
  ["envId", "string"],
  ["env", "object"],
  ["epochs", "object"],
  ["measurements", "object"],
];

/** Read and check a baseline file; a bad file is a UserError naming it and the field. */
export async function readBaselineFile(path: string): Promise<BaselineFile> {
  let text: string;
  try {
    text = await Deno.readTextFile(path);
  } catch {
    throw new UserError(`Cannot read baseline file "${path}"`);
  }
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new UserError(`${path}: not valid JSON (${(err as Error).message})`);
  }
  if (data?.format !== BASELINE_FORMAT) {
    throw new UserError(
      `${path}: format must be "${BASELINE_FORMAT}", got ${JSON.stringify(data?.format)}`,
    );
  }
  if (typeof data.version !== "number" || data.version > BASELINE_VERSION) {
    throw new UserError(
      `${path}: baseline version ${data.version} is newer than this reprobench reads (${BASELINE_VERSION})`,
    );
  }
  if (!Array.isArray(data.runs)) throw new UserError(`${path}: runs must be an array`);
  const timing = data.timing as BaselineTiming | null | undefined;
  if (data.version >= 2 && timing != null && !(timing.processesPerTarget >= 1)) {
    throw new UserError(
      `${path}: timing.processesPerTarget must be a count, got ${
        JSON.stringify(timing.processesPerTarget)
      }`,
    );
  }
  data.runs.forEach((r: Record<string, unknown>, i: number) => {
    for (const [field, type] of RUN_FIELDS) {
      if (typeof r?.[field] !== type || r[field] === null) {
        throw new UserError(
          `${path}: runs[${i}].${field} must be a ${type}, got ${JSON.stringify(r?.[field])}`,
        );
      }
    }
  });
  return data as unknown as BaselineFile;
}
