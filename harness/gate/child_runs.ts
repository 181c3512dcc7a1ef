/**
 * Timing runs in fresh processes. The gate compares a candidate with a baseline timed in
 * another process (usually on another day), and on this project's 2-core machine medians
 * moved more between processes than between windows of one process. Calibration and the
 * gate's quality measurement therefore time each repeat in its own process, as the gate
 * itself meets them.
 */
import { EXTRA_WORK_ENV } from "../perf/extra_work.ts";
import { UserError } from "../errors.ts";

const MAIN = new URL("../../main.ts", import.meta.url).pathname;

/** What one child perf suite measured. */
export interface ChildPerf {
  suiteId: string;
  status: string;
  reason: string | null;
  imagesPerS: number | null;
  windows: number[];
  batchSize: number | null;
}

/**
 * Run `deno task bench --suite perf --gate-protocol` for one experiment and backend in a new
 * process, storing into `db`; `slowdown` (FRACTION or FRACTION@STEP_S) adds extra work.
 */
export async function perfInChild(opts: {
  experiment: string;
  backend: string;
  db: string;
  experiments?: string;
  slowdown?: string;
}): Promise<ChildPerf> {
  const args = [
    "run",
    "-q",
    "-A",
    MAIN,
    "bench",
    "--suite",
    "perf",
    "--gate-protocol",
    "--experiment",
    opts.experiment,
    "--backend",
    opts.backend,
    "--db",
    opts.db,
    "--quiet",
    "--json",
    ...(opts.experiments ? ["--experiments", opts.experiments] : []),
  ];
  const env: Record<string, string> = opts.slowdown ? { [EXTRA_WORK_ENV]: opts.slowdown } : {};
  const out = await new Deno.Command(Deno.execPath(), {
    args,
    env,
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
  };
}
