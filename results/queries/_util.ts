/** Helpers shared by the dashboard's read-only queries. */
import { type Connection, rows } from "../db.ts";

/** A scalar bound to a `?` placeholder. */
export type Param = string | number | boolean | null;

/** `?, ?, ?` for a list of values bound one by one (never spliced into the SQL text). */
export function placeholders(n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`Cannot bind ${n} values`);
  return Array.from({ length: n }, () => "?").join(", ");
}

/** Whether a table (or view) exists in the main schema. */
export async function hasTable(conn: Connection, name: string): Promise<boolean> {
  const r = await rows(
    conn,
    "SELECT count(*) AS n FROM information_schema.tables WHERE table_name = ?",
    [name],
  );
  return Number(r[0].n) > 0;
}

/** Parse a JSON column value (returned as text), or null when absent or malformed. */
export function parseJson(v: unknown): unknown {
  if (typeof v !== "string") return v ?? null;
  try {
    return JSON.parse(v);
  } catch {
    return null;
  }
}

/** Fold a private copy's WAL into its file (used on the dashboard's snapshot, never the bench's file). */
export async function checkpoint(conn: Connection): Promise<void> {
  await conn.run("CHECKPOINT");
}
