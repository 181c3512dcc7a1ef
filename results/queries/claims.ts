/** Claim verdicts, written by `deno task claims` into `claim_verdicts` (migration 2). */
import { type Connection, rows } from "../db.ts";
import { hasTable, parseJson } from "./_util.ts";

/** One checked claim. */
export interface ClaimVerdict {
  article: string;
  experiment_id: string;
  claim_id: string;
  metric: string;
  printed: string;
  kind: string;
  value: number | null;
  measured_mean: number | null;
  measured_std: number | null;
  ci_low: number | null;
  ci_high: number | null;
  n: number | null;
  verdict: string;
  reason: string | null;
  run_ids: string[];
  profile: string | null;
  created_at: string;
  /** Null when the verdict involves no backend. */
  backend: string | null;
  where_printed: string | null;
  interpretation: string | null;
}

/**
 * The newest verdict of each claim (per article, experiment, claim, backend and profile), or
 * `null` when the table does not exist (a database older than the claims).
 */
export async function claimVerdicts(
  conn: Connection,
  filters: { experiment?: string; runId?: string } = {},
): Promise<ClaimVerdict[] | null> {
  if (!(await hasTable(conn, "claim_verdicts"))) return null;
  const parts: string[] = [];
  const params: string[] = [];
  if (filters.experiment) parts.push("experiment_id = ?"), params.push(filters.experiment);
  if (filters.runId) {
    parts.push("list_contains(from_json(run_ids::JSON, '[\"VARCHAR\"]'), ?)");
    params.push(filters.runId);
  }
  const r = await rows(
    conn,
    `SELECT * FROM claim_verdicts ${parts.length ? `WHERE ${parts.join(" AND ")}` : ""}
     QUALIFY row_number() OVER (
       PARTITION BY article, experiment_id, claim_id, backend, profile ORDER BY created_at DESC) = 1
     ORDER BY article, experiment_id, claim_id, backend, profile`,
    params,
  );
  return r.map((c) => {
    const ids = parseJson(c.run_ids);
    return { ...c, run_ids: Array.isArray(ids) ? ids.map(String) : [] };
  }) as unknown as ClaimVerdict[];
}
