/**
 * The results tables the dashboard's in-browser SQL console offers, with their row counts (the
 * files themselves are written by `results/export/`).
 */
import { type Connection, rows } from "../db.ts";

/** Tables the console may see (claim_verdicts only once it exists). */
export const EXPORT_TABLES = [
  "runs",
  "epochs",
  "measurements",
  "suites",
  "environments",
  "claim_verdicts",
] as const;

/** The exportable tables present in this database, with their row counts. */
export async function exportableTables(
  conn: Connection,
): Promise<{ name: string; rows: number }[]> {
  const present = await rows(
    conn,
    "SELECT table_name AS name, estimated_size AS n FROM duckdb_tables() WHERE schema_name = 'main'",
  );
  const names = new Set(present.map((r) => String(r.name)));
  const out: { name: string; rows: number }[] = [];
  for (const name of EXPORT_TABLES) {
    if (!names.has(name)) continue;
    const n = await rows(conn, `SELECT count(*) AS n FROM "${name}"`);
    out.push({ name, rows: Number(n[0].n) });
  }
  return out;
}
