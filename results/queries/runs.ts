/** The runs list: filtered, newest first, paginated. */
import { BACKEND_LABEL_SQL } from "../backend_label.ts";
import { type Connection, rows } from "../db.ts";
import { type Param, placeholders } from "./_util.ts";
import type { RunIndex } from "./run_index.ts";

/** Filters of the runs list; empty fields match everything. */
export interface RunFilters {
  experiment?: string;
  backend?: string;
  status?: string;
  /** A commit prefix (what people copy from `git log --oneline`). */
  commit?: string;
  suite?: string;
}

/** One row of the runs list. */
export interface RunListRow {
  run_id: string;
  suite_id: string;
  experiment_id: string;
  experiment_title: string;
  runtime: string;
  /** The backend as readers show it: `chromium:wasm` for a browser's run. */
  backend: string;
  seed: number;
  profile: string;
  status: string;
  started_at: string;
  wall_s: number | null;
  test_accuracy: number | null;
  test_loss: number | null;
  steady_samples_per_s: number | null;
  latency_b1_ms: number | null;
  git_commit: string | null;
  git_dirty: boolean | null;
}

function where(f: RunFilters): { sql: string; params: Param[] } {
  const parts: string[] = [];
  const params: Param[] = [];
  const eq = (col: string, v: string | undefined) => {
    if (v) parts.push(`${col} = ?`), params.push(v);
  };
  eq("experiment_id", f.experiment);
  eq(BACKEND_LABEL_SQL, f.backend);
  eq("status", f.status);
  eq("suite_id", f.suite);
  if (f.commit) parts.push("starts_with(git_commit, ?)"), params.push(f.commit);
  return { sql: parts.length ? `WHERE ${parts.join(" AND ")}` : "", params };
}

// `backend` is the run's label (`chromium:wasm` for a browser's; see backend_label.ts).
const LIST_COLUMNS = `run_id, suite_id, experiment_id, experiment_title, runtime,
  ${BACKEND_LABEL_SQL} AS backend, seed, profile,
  status, started_at, wall_s, test_accuracy, test_loss, steady_samples_per_s, latency_b1_ms,
  git_commit, git_dirty`;

/**
 * One page of runs matching `filters`, newest first, and how many match in all. With an
 * `index` (see `RunIndex`) the page is picked in memory and only its rows are read.
 */
export async function listRuns(
  conn: Connection,
  filters: RunFilters,
  page: { limit: number; offset: number },
  index?: RunIndex,
): Promise<{ total: number; runs: RunListRow[] }> {
  if (index) {
    const { total, ids } = index.page(filters, page.limit, page.offset);
    if (ids.length === 0) return { total, runs: [] };
    const found = await rows(
      conn,
      `SELECT ${LIST_COLUMNS} FROM runs WHERE run_id IN (${placeholders(ids.length)})`,
      ids,
    );
    const byId = new Map(found.map((r) => [String(r.run_id), r]));
    const runs = ids.flatMap((id) => byId.has(id) ? [byId.get(id)!] : []);
    return { total, runs: runs as unknown as RunListRow[] };
  }
  const w = where(filters);
  const total = await rows(conn, `SELECT count(*) AS n FROM runs ${w.sql}`, w.params);
  const runs = await rows(
    conn,
    `SELECT ${LIST_COLUMNS} FROM runs ${w.sql}
     ORDER BY started_at DESC, run_id
     LIMIT ? OFFSET ?`,
    [...w.params, page.limit, page.offset],
  );
  return { total: Number(total[0].n), runs: runs as unknown as RunListRow[] };
}

/** The values each filter can take, for the filter form. */
export interface RunFacets {
  experiments: { experiment_id: string; experiment_title: string; n: number }[];
  backends: string[];
  statuses: string[];
  /** The most recent commits, newest first. */
  commits: string[];
  /** The most recent suites, newest first. */
  suites: string[];
}

/** Distinct filter values (commits and suites capped to the most recent 100). */
export async function runFacets(conn: Connection): Promise<RunFacets> {
  const experiments = await rows(
    conn,
    `SELECT experiment_id, any_value(experiment_title) AS experiment_title, count(*) AS n
     FROM runs GROUP BY experiment_id ORDER BY experiment_id`,
  );
  const col = async (sql: string) => (await rows(conn, sql)).map((r) => String(r.v));
  return {
    experiments: experiments as unknown as RunFacets["experiments"],
    backends: await col(`SELECT DISTINCT ${BACKEND_LABEL_SQL} AS v FROM runs ORDER BY v`),
    statuses: await col("SELECT DISTINCT status AS v FROM runs ORDER BY v"),
    commits: await col(
      `SELECT git_commit AS v FROM runs WHERE git_commit IS NOT NULL
       GROUP BY git_commit ORDER BY max(started_at) DESC LIMIT 100`,
    ),
    suites: await col(
      "SELECT suite_id AS v FROM runs GROUP BY suite_id ORDER BY max(started_at) DESC LIMIT 100",
    ),
  };
}

/** A recent suite and its runs (for "compare this suite"). */
export interface SuiteSummary {
  suite_id: string;
  started_at: string;
  runs: number;
  experiments: string[];
  backends: string[];
  run_ids: string[];
}

/** The newest suites with up to 12 of their runs each. */
export async function recentSuites(conn: Connection, limit = 10): Promise<SuiteSummary[]> {
  return await rows(
    conn,
    `SELECT suite_id, min(started_at) AS started_at, count(*) AS runs,
       list(DISTINCT experiment_id ORDER BY experiment_id) AS experiments,
       list(DISTINCT ${BACKEND_LABEL_SQL} ORDER BY ${BACKEND_LABEL_SQL}) AS backends,
       list(run_id ORDER BY experiment_id, ${BACKEND_LABEL_SQL}, seed)[1:12] AS run_ids
     FROM runs GROUP BY suite_id ORDER BY max(started_at) DESC LIMIT ?`,
    [limit],
  ) as unknown as SuiteSummary[];
}
