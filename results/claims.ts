/**
 * Claims in the store: reading the runs a claim is judged on, and writing and reading the
 * verdicts (`claim_verdicts`, migration 2). The judgement itself is pure and lives in
 * `harness/claims/`.
 */
import { type Connection, inTransaction, rows, withDb } from "./db.ts";
import { backendLabelSql } from "./backend_label.ts";

/** A finished run as a claim sees it: its outcome and every value a claim may be about. */
export interface ClaimRun {
  runId: string;
  /** The backend as claims are judged per backend: `chromium:wasm` for a browser's run. */
  backend: string;
  seed: number;
  status: string;
  reason: string | null;
  trainSamples: number | null;
  testAccuracy: number | null;
  testLoss: number | null;
  /** Mean training loss of the last epoch. */
  trainLoss: number | null;
  /** Raw measurements by name (first index), e.g. `worked:a_11`. */
  measurements: Record<string, number>;
  finishedAt: string;
}

/** One verdict row, as stored. */
export interface VerdictRecord {
  article: string;
  experimentId: string;
  claimId: string;
  metric: string;
  printed: string;
  kind: string;
  value: number | null;
  measuredMean: number | null;
  measuredStd: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  n: number;
  verdict: "reproduced" | "not_reproduced" | "inconclusive" | "not_checkable";
  reason: string;
  runIds: string[];
  profile: string;
  /** `null` for a verdict that involves no backend (a claim not checkable here). */
  backend: string | null;
  wherePrinted: string;
  interpretation: string | null;
}

const num = (v: unknown): number | null =>
  v === null || v === undefined || !Number.isFinite(Number(v)) ? null : Number(v);
const finite = (v: number | null) => v === null || !Number.isFinite(v) ? null : v;

/**
 * The newest finished run of each (backend, seed) of one experiment, for one declaration
 * hash and profile: the runs a claim is judged on. Runs still `running` or `interrupted` are
 * not outcomes and are left out.
 */
async function claimRuns(
  conn: Connection,
  q: { experimentId: string; declarationHash: string; profile: string },
): Promise<ClaimRun[]> {
  const found = await rows(
    conn,
    `SELECT r.run_id, ${backendLabelSql("r")} AS backend, r.seed, r.status, r.reason,
            r.train_samples, r.test_accuracy,
            r.test_loss, CAST(r.finished_at AS VARCHAR) AS finished_at,
            (SELECT e.loss FROM epochs e WHERE e.run_id = r.run_id
              ORDER BY e.epoch DESC LIMIT 1) AS train_loss
     FROM runs r
     WHERE r.experiment_id = ? AND r.declaration_hash = ? AND r.profile = ?
       AND r.status NOT IN ('running', 'interrupted')
     QUALIFY row_number() OVER (
       PARTITION BY ${backendLabelSql("r")}, r.seed ORDER BY r.finished_at DESC) = 1
     ORDER BY backend, r.seed`,
    [q.experimentId, q.declarationHash, q.profile],
  );
  if (found.length === 0) return [];
  const ids = found.map((r) => String(r.run_id));
  const ms = await rows(
    conn,
    `SELECT run_id, name, value FROM measurements
     WHERE list_contains(?::VARCHAR[], run_id) AND idx = (
       SELECT min(m2.idx) FROM measurements m2
       WHERE m2.run_id = measurements.run_id AND m2.name = measurements.name)`,
    [`[${ids.map((id) => `"${id}"`).join(",")}]`],
  );
  const byRun = new Map<string, Record<string, number>>();
  for (const m of ms) {
    const id = String(m.run_id);
    const rec = byRun.get(id) ?? {};
    const v = num(m.value);
    if (v !== null) rec[String(m.name)] = v;
    byRun.set(id, rec);
  }
  return found.map((r) => ({
    runId: String(r.run_id),
    backend: String(r.backend),
    seed: Number(r.seed),
    status: String(r.status),
    reason: r.reason === null || r.reason === undefined ? null : String(r.reason),
    trainSamples: num(r.train_samples),
    testAccuracy: num(r.test_accuracy),
    testLoss: num(r.test_loss),
    trainLoss: num(r.train_loss),
    measurements: byRun.get(String(r.run_id)) ?? {},
    finishedAt: String(r.finished_at),
  }));
}

/** Append verdicts, all in one transaction, stamped with the same time. */
export async function writeVerdicts(conn: Connection, verdicts: VerdictRecord[]): Promise<void> {
  if (verdicts.length === 0) return;
  await inTransaction(conn, async () => {
    for (const v of verdicts) {
      await conn.run(
        `INSERT INTO claim_verdicts (article, experiment_id, claim_id, metric, printed, kind,
           value, measured_mean, measured_std, ci_low, ci_high, n, verdict, reason, run_ids,
           profile, created_at, backend, where_printed, interpretation)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::JSON, ?, now()::TIMESTAMP, ?, ?, ?)`,
        [
          v.article,
          v.experimentId,
          v.claimId,
          v.metric,
          v.printed,
          v.kind,
          finite(v.value),
          finite(v.measuredMean),
          finite(v.measuredStd),
          finite(v.ciLow),
          finite(v.ciHigh),
          v.n,
          v.verdict,
          v.reason,
          JSON.stringify(v.runIds),
          v.profile,
          v.backend,
          v.wherePrinted,
          v.interpretation,
        ],
      );
    }
  });
}

/** The newest verdict of each (article, experiment, claim, backend) for a profile. */
export async function latestVerdicts(
  conn: Connection,
  q: { profile: string; article?: string },
): Promise<VerdictRecord[]> {
  const params: string[] = [q.profile];
  let where = "profile = ?";
  if (q.article) where += " AND article = ?", params.push(q.article);
  const found = await rows(
    conn,
    `SELECT * FROM claim_verdicts WHERE ${where}
     QUALIFY row_number() OVER (
       PARTITION BY article, experiment_id, claim_id, backend ORDER BY created_at DESC) = 1
     ORDER BY article, experiment_id, claim_id, backend`,
    params,
  );
  return found.map((r) => ({
    article: String(r.article),
    experimentId: String(r.experiment_id),
    claimId: String(r.claim_id),
    metric: String(r.metric),
    printed: String(r.printed),
    kind: String(r.kind),
    value: num(r.value),
    measuredMean: num(r.measured_mean),
    measuredStd: num(r.measured_std),
    ciLow: num(r.ci_low),
    ciHigh: num(r.ci_high),
    n: Number(r.n ?? 0),
    verdict: String(r.verdict) as VerdictRecord["verdict"],
    reason: String(r.reason ?? ""),
    runIds: parseIds(r.run_ids),
    profile: String(r.profile),
    backend: r.backend === null || r.backend === undefined ? null : String(r.backend),
    wherePrinted: String(r.where_printed ?? ""),
    interpretation: r.interpretation === null || r.interpretation === undefined
      ? null
      : String(r.interpretation),
  }));
}

function parseIds(v: unknown): string[] {
  const parsed = typeof v === "string" ? JSON.parse(v) : v;
  return Array.isArray(parsed) ? parsed.map(String) : [];
}

/** What {@linkcode claimRuns} selects: one experiment's runs of one declaration and profile. */
export type ClaimRunQuery = Parameters<typeof claimRuns>[1];

/**
 * {@linkcode claimRuns} for each query, from the database at `path`, read-only. A database
 * that does not exist yet holds no runs: every list is empty.
 */
export async function readClaimRuns(path: string, queries: ClaimRunQuery[]): Promise<ClaimRun[][]> {
  if (!await Deno.stat(path).then(() => true, () => false)) return queries.map(() => []);
  return await withDb(path, "read", async (conn) => {
    const out: ClaimRun[][] = [];
    for (const q of queries) out.push(await claimRuns(conn, q));
    return out;
  });
}

/** {@linkcode writeVerdicts} into the database at `path` (created and migrated if need be). */
export async function storeVerdicts(path: string, verdicts: VerdictRecord[]): Promise<void> {
  await withDb(path, "write", (conn) => writeVerdicts(conn, verdicts));
}
