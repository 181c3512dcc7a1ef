/** The experiment x backend matrix: latest result, counts and the adapter per cell. */
import { BACKEND_LABEL_SQL } from "../backend_label.ts";
import { type Connection, rows } from "../db.ts";
import { parseJson } from "./_util.ts";

/** One cell of the matrix. */
export interface MatrixCell {
  experiment_id: string;
  experiment_title: string;
  /** The backend as readers show it: `chromium:wasm` for a browser's run. */
  backend: string;
  runs: number;
  ok: number;
  failed: number;
  unsupported: number;
  /** The newest run of the cell, whatever its status. */
  latest_run_id: string;
  latest_status: string;
  latest_reason: string | null;
  latest_at: string;
  /** The newest run that finished `ok`, and its numbers. */
  ok_run_id: string | null;
  samples_per_s: number | null;
  test_accuracy: number | null;
  latency_b1_ms: number | null;
  backend_info: unknown;
  /** With `byMachine`: the machine (environment) the cell's runs ran on. */
  env_id?: string | null;
  machine?: string | null;
}

/** Every experiment and backend seen, with their latest results. */
export async function backendMatrix(
  conn: Connection,
  filters: { profile?: string; byMachine?: boolean } = {},
): Promise<MatrixCell[]> {
  const where = filters.profile ? "WHERE profile = ?" : "";
  // By machine: one cell per environment too, named by its CPU, cores and host.
  const machine = filters.byMachine
    ? `, env_id, any_value((SELECT concat_ws(', ', e.cpu_model, e.cores || ' cores', e.os, e.hostname)
         FROM environments e WHERE e.env_id = runs.env_id)) AS machine`
    : "";
  const r = await rows(
    conn,
    `SELECT experiment_id, any_value(experiment_title) AS experiment_title,
       ${BACKEND_LABEL_SQL} AS backend${machine},
       count(*) AS runs, count_if(status = 'ok') AS ok, count_if(status = 'failed') AS failed,
       count_if(status = 'unsupported') AS unsupported,
       arg_max(run_id, started_at) AS latest_run_id, arg_max(status, started_at) AS latest_status,
       arg_max(reason, started_at) AS latest_reason, max(started_at) AS latest_at,
       arg_max(run_id, started_at) FILTER (WHERE status = 'ok') AS ok_run_id,
       arg_max(steady_samples_per_s, started_at) FILTER (WHERE status = 'ok') AS samples_per_s,
       arg_max(test_accuracy, started_at) FILTER (WHERE status = 'ok') AS test_accuracy,
       arg_max(latency_b1_ms, started_at) FILTER (WHERE status = 'ok') AS latency_b1_ms,
       arg_max(backend_info, started_at) FILTER (WHERE backend_info IS NOT NULL) AS backend_info
     FROM runs ${where}
     GROUP BY ALL ORDER BY experiment_id, backend${filters.byMachine ? ", env_id" : ""}`,
    filters.profile ? [filters.profile] : [],
  );
  return r.map((c) => ({
    ...c,
    backend_info: parseJson(c.backend_info),
  })) as unknown as MatrixCell[];
}
