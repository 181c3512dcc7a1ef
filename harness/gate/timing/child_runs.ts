/**
 * Timing runs in fresh processes. The gate compares a candidate with a baseline timed in
 * another process (usually on another day), and on this project's 2-core machine medians
 * moved more between processes than between windows of one process. Calibration and the
 * gate's quality measurement therefore time each repeat in its own process, as the gate
 * itself meets them.
 */
import { UserError } from "../../core/errors.ts";

import { REPO_ROOT } from "../../core/paths.ts";

/** What one child perf suite measured. */
export interface ChildPerf {
  suiteId: string;
  status: string;
  reason: string | null;
  imagesPerS: number | null;
  windows: number[];
  batchSize: number | null;
  /** Steps per timed window (null when the run did not time any). */
  batchesPerWindow: number | null;
}

/** What a perf child process runs. */
export interface PerfChild {
  experiment: string;
  backend: string;
  db: string;
  experiments?: string;
}

/**
 * The `deno` arguments of a perf suite of one experiment and backend, run by the `main.ts` in
 * `root`, timed by `protocol`, storing into `db` and printing its rows as JSON.
 */
export function perfChildArgs(
  root: string,
  c: PerfChild,
  protocol: "--gate-protocol" | "--paired-protocol",
): string[] {
  return [
    "run",
    "-q",
    "-A",
    `${root}/main.ts`,
    "bench",
    "--suite",
    "perf",
    protocol,
    "--experiment",
    c.experiment,
    "--backend",
    c.backend,
    "--db",
    c.db,
    "--quiet",
    "--json",
    ...(c.experiments ? ["--experiments", c.experiments] : []),
  ];
}

/** Run a perf suite (`--gate-protocol`) of one experiment and backend in a new process. */
export async function perfInChild(opts: PerfChild): Promise<ChildPerf> {
  const args = perfChildArgs(REPO_ROOT, opts, "--gate-protocol");
  const out = await new Deno.Command(Deno.execPath(), {
    args,
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = new TextDecoder().decode(out.stdout);
  if (!out.success) {
    const err = new TextDecoder().decode(out.stderr).trim().split("\n").pop();
    throw new UserError(`perf run of ${opts.experiment} on ${opts.backend} failed: ${err}`);
  }
  const r = parsePerfJson(text);
  if (r.reason === NO_ROW) {
    throw new UserError(`perf run of ${opts.experiment} on ${opts.backend} produced no run`);
  }
  return { ...r, suiteId: r.suiteId! };
}

const NO_ROW = "the perf run produced no row";

/** The first row of a perf suite's `--json` output, as one side's result. */
export function parsePerfJson(
  text: string,
): Omit<ChildPerf, "suiteId"> & { suiteId: string | null } {
  const doc = JSON.parse(text) as {
    suiteId: string;
    rows: {
      status: string;
      reason: string | null;
      windows: number[];
      imagesPerS: { median: number } | null;
      batchSize: number | null;
      batchesPerWindow?: number | null;
    }[];
  };
  const row = doc.rows[0];
  return {
    suiteId: doc.suiteId,
    status: row?.status ?? "failed",
    reason: row ? row.reason : NO_ROW,
    windows: row?.windows ?? [],
    imagesPerS: row?.imagesPerS?.median ?? null,
    batchSize: row?.batchSize ?? null,
    batchesPerWindow: row?.batchesPerWindow ?? null,
  };
}
