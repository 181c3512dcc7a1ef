/**
 * Runs with their epochs, measurements and machine, as the regression gate compares them.
 * Read-only queries.
 */
import { type Connection, rows, withDb } from "./db.ts";
import type { RunData } from "./types.ts";
import { backendLabelSql } from "./backend_label.ts";

/** Suites matching a selector, newest first. */
export async function findSuites(
  conn: Connection,
  sel: { suiteId?: string; gitCommit?: string; kinds?: string[] },
): Promise<{ suite_id: string; kind: string; git_commit: string | null; started_at: string }[]> {
  const where: string[] = [], params: string[] = [];
  if (sel.suiteId) {
    where.push("(suite_id = ? OR suite_id LIKE ?)");
    params.push(sel.suiteId, `${sel.suiteId}%`);
  }
  if (sel.gitCommit) {
    where.push("git_commit = ?");
    params.push(sel.gitCommit);
  }
  if (sel.kinds?.length) {
    where.push(`kind IN (${sel.kinds.map(() => "?").join(", ")})`);
    params.push(...sel.kinds);
  }
  return await rows(
    conn,
    `SELECT suite_id, kind, git_commit, started_at::VARCHAR AS started_at FROM suites
     ${where.length ? "WHERE " + where.join(" AND ") : ""} ORDER BY started_at DESC`,
    params,
  ) as { suite_id: string; kind: string; git_commit: string | null; started_at: string }[];
}

/** Load every run of the given suites with everything the gate needs. */
export async function loadRuns(conn: Connection, suiteIds: string[]): Promise<RunData[]> {
  if (suiteIds.length === 0) return [];
  const marks = suiteIds.map(() => "?").join(", ");
  const runs = await rows(
    conn,
    `SELECT r.run_id, r.suite_id, s.kind AS suite_kind, r.experiment_id, r.runtime,
            ${backendLabelSql("r")} AS backend, r.backend_info, r.seed, r.profile,
            r.status, r.declaration_hash, r.config_hash, r.env_id, r.git_commit, r.git_dirty,
            r.test_accuracy, r.weights_sha256, e.fingerprint
     FROM runs r JOIN suites s USING (suite_id) LEFT JOIN environments e ON e.env_id = r.env_id
     WHERE r.suite_id IN (${marks}) ORDER BY r.started_at`,
    suiteIds,
  );
  const epochs = await rows(
    conn,
    `SELECT run_id, epoch, loss, weights_sha256 FROM epochs
     WHERE run_id IN (SELECT run_id FROM runs WHERE suite_id IN (${marks})) ORDER BY run_id, epoch`,
    suiteIds,
  );
  const measurements = await rows(
    conn,
    `SELECT run_id, name, value FROM measurements
     WHERE run_id IN (SELECT run_id FROM runs WHERE suite_id IN (${marks})) ORDER BY run_id, name, idx`,
    suiteIds,
  );
  const byRun = new Map<string, RunData>();
  for (const r of runs) {
    byRun.set(String(r.run_id), {
      runId: String(r.run_id),
      suiteId: String(r.suite_id),
      suiteKind: String(r.suite_kind),
      experimentId: String(r.experiment_id),
      runtime: String(r.runtime ?? "deno"),
      backend: String(r.backend),
      documentedNondeterminism: documented(r.backend_info),
      seed: Number(r.seed),
      profile: String(r.profile),
      status: String(r.status),
      declarationHash: String(r.declaration_hash),
      configHash: String(r.config_hash),
      envId: String(r.env_id),
      env: r.fingerprint ? JSON.parse(String(r.fingerprint)) : {},
      gitCommit: (r.git_commit as string | null) ?? null,
      gitDirty: (r.git_dirty as boolean | null) ?? null,
      testAccuracy: (r.test_accuracy as number | null) ?? null,
      weightsSha256: (r.weights_sha256 as string | null) ?? null,
      epochs: [],
      measurements: {},
    });
  }
  for (const e of epochs) {
    byRun.get(String(e.run_id))?.epochs.push({
      epoch: Number(e.epoch),
      loss: (e.loss as number | null) ?? null,
      weightsSha256: (e.weights_sha256 as string | null) ?? null,
    });
  }
  for (const m of measurements) {
    const run = byRun.get(String(m.run_id));
    if (!run) continue;
    (run.measurements[String(m.name)] ??= []).push(Number(m.value));
  }
  return [...byRun.values()];
}

/**
 * Why a run's backend may not repeat its bits, where its record says so (a browser backend on
 * a hardware GPU: `backend_info.deterministic` false), else null.
 */
function documented(info: unknown): string | null {
  try {
    const o = typeof info === "string" ? JSON.parse(info) : info;
    if (o && typeof o === "object" && (o as { deterministic?: unknown }).deterministic === false) {
      return String((o as { determinism?: unknown }).determinism ?? "not deterministic");
    }
  } catch {
    // A malformed record documents nothing.
  }
  return null;
}

/** {@linkcode loadRuns} from the database at `path`, read-only. */
export async function readRuns(path: string, suiteIds: string[]): Promise<RunData[]> {
  return await withDb(path, "read", (conn) => loadRuns(conn, suiteIds));
}
