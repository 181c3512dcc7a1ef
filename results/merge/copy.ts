/**
 * Copying one prepared input into the merged store, table by table, in one transaction: rows
 * whose key the store lacks are added, rows it holds identically are skipped, rows it holds
 * with other content are conflicts, reported and never written over.
 */
import { type Connection, inTransaction, rows } from "../db.ts";
import { MERGED_TABLES, type MergedTable } from "./tables.ts";

/** One row that the store holds with other content. */
export interface Conflict {
  table: string;
  /** The row's key, column by column. */
  key: Record<string, unknown>;
  /** The columns whose values differ. */
  columns: string[];
}

/** What one table of one input did. */
export interface TableCount {
  table: string;
  added: number;
  skipped: number;
  conflicts: number;
}

/** The most conflicts of one table and input listed by name (all are counted). */
const LISTED = 20;

const q = (name: string) => `"${name.replaceAll('"', '""')}"`;
/** Equal keys, NULL matching NULL (a verdict with no backend). */
const sameKey = (t: MergedTable, a: string, b: string) =>
  t.key.map((k) => `${a}.${q(k)} IS NOT DISTINCT FROM ${b}.${q(k)}`).join(" AND ");

async function columnsOf(conn: Connection, table: string): Promise<string[]> {
  const r = await rows(
    conn,
    `SELECT column_name FROM information_schema.columns
     WHERE table_catalog = current_database() AND table_name = ? ORDER BY ordinal_position`,
    [table],
  );
  return r.map((x) => String(x.column_name));
}

async function hasTable(conn: Connection, schema: string, table: string): Promise<boolean> {
  const r = await rows(
    conn,
    "SELECT count(*) AS n FROM information_schema.tables WHERE table_catalog = ? AND table_name = ?",
    [schema, table],
  );
  return Number(r[0].n) > 0;
}

/**
 * Merge the database attached as `src` into `conn`'s own, in one transaction. Returns each
 * table's counts and the conflicts (with their keys and differing columns).
 */
export async function copyInput(
  conn: Connection,
  src: string,
): Promise<{ counts: TableCount[]; conflicts: Conflict[] }> {
  return await inTransaction(conn, async () => {
    const counts: TableCount[] = [];
    const conflicts: Conflict[] = [];
    await conn.run("CREATE OR REPLACE TEMP TABLE merge_held (run_id VARCHAR)");
    for (const t of MERGED_TABLES) {
      if (!(await hasTable(conn, src, t.name))) continue;
      const r = await copyTable(conn, src, t);
      counts.push(r.count);
      conflicts.push(...r.conflicts);
    }
    await conn.run("DROP TABLE merge_held");
    return { counts, conflicts };
  });
}

async function copyTable(
  conn: Connection,
  src: string,
  t: MergedTable,
): Promise<{ count: TableCount; conflicts: Conflict[] }> {
  const cols = (await columnsOf(conn, t.name)).filter((c) => !t.ignore.includes(c));
  const from = `${q(src)}.${q(t.name)}`;
  const differs = cols.map((c) => `o.${q(c)} IS DISTINCT FROM s.${q(c)}`).join(" OR ");
  const which = `list_filter([${
    cols.map((c) => `CASE WHEN o.${q(c)} IS DISTINCT FROM s.${q(c)} THEN '${c}' END`).join(", ")
  }], x -> x IS NOT NULL)`;
  const held = t.ofRun ? "s.run_id IN (SELECT run_id FROM merge_held)" : "false";
  // A run's rows are compared only with the store's rows of the runs this input holds: a hash
  // over those (none, for a shard merged the first time), not over millions of epochs.
  const target = t.ofRun
    ? `(SELECT * FROM ${q(t.name)} WHERE run_id IN (SELECT run_id FROM ${from}))`
    : q(t.name);
  const [tally] = await rows(
    conn,
    `SELECT count(*) AS total,
       count(o.${q(t.key[0])}) FILTER (WHERE NOT (${differs})) AS same,
       count(o.${q(t.key[0])}) FILTER (WHERE ${differs}) AS conflicts
     FROM ${from} s LEFT JOIN ${target} o ON ${sameKey(t, "o", "s")}`,
  );
  const listed = await rows(
    conn,
    `SELECT ${t.key.map((k) => `s.${q(k)} AS ${q(k)}`).join(", ")}, ${which} AS columns
     FROM ${from} s JOIN ${target} o ON ${sameKey(t, "o", "s")}
     WHERE ${differs} ORDER BY ALL LIMIT ${LISTED}`,
  );
  if (t.name === "runs") {
    await conn.run(
      `INSERT INTO merge_held SELECT s.run_id FROM ${from} s
       JOIN runs o ON o.run_id = s.run_id WHERE ${differs}`,
    );
  }
  // In the input's own row order, so each run's epochs and measurements stay together
  // (the dashboard finds a run's rows by their rowid range).
  const added = await conn.run(
    `INSERT INTO ${q(t.name)} BY NAME
     SELECT s.* FROM ${from} s
     WHERE NOT EXISTS (SELECT 1 FROM ${target} o WHERE ${sameKey(t, "o", "s")})
       AND NOT (${held})
     ORDER BY s.rowid`,
  );
  const n = Number(added.rowsChanged);
  const conflictCount = Number(tally.conflicts);
  return {
    count: {
      table: t.name,
      added: n,
      skipped: Number(tally.total) - n - conflictCount,
      conflicts: conflictCount,
    },
    conflicts: listed.map((r) => ({
      table: t.name,
      key: Object.fromEntries(t.key.map((k) => [k, r[k]])),
      columns: (r.columns as string[]) ?? [],
    })),
  };
}
