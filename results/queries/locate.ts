/**
 * Locating a run's rows in the big tables without scanning them. `epochs` and `measurements`
 * hold millions of rows keyed by random run ids, so `WHERE run_id = ?` reads the whole table
 * (tens of ms at 100,000 runs). A run's rows are written in one transaction, so they sit
 * together: one pass records each run's rowid range, and later lookups filter on
 * `rowid BETWEEN lo AND hi`, which DuckDB prunes to the row groups involved (a few ms).
 * Meant for a snapshot that does not change, built once and reused.
 */
import type { Connection } from "../db.ts";

/** Tables with a `run_id` column that can be located by rowid. */
export type LocatedTable = "epochs" | "measurements";

/** Each run's smallest and largest rowid in one table. */
export type RowRanges = Map<string, [number, number]>;

/** One pass over `table`: the rowid range of every run in it. */
export async function rowRanges(conn: Connection, table: LocatedTable): Promise<RowRanges> {
  if (table !== "epochs" && table !== "measurements") {
    throw new RangeError(`Cannot locate "${table}"`);
  }
  const r = await conn.runAndReadAll(
    `SELECT run_id, min(rowid)::DOUBLE AS lo, max(rowid)::DOUBLE AS hi FROM ${table} GROUP BY run_id`,
  );
  const cols = r.getColumnsJS();
  const [ids, lo, hi] = [
    (cols[0] ?? []) as string[],
    (cols[1] ?? []) as number[],
    (cols[2] ?? []) as number[],
  ];
  const out: RowRanges = new Map();
  for (let i = 0; i < ids.length; i++) out.set(ids[i], [lo[i], hi[i]]);
  return out;
}

/**
 * One `WHERE` clause per run selecting its rows: `rowid BETWEEN lo AND hi` when its range is
 * known (rows of other runs can fall inside a range, so callers keep only rows whose `run_id`
 * matches), else `run_id = ?`. Runs with no rows in a known range map are left out. A lone
 * rowid range is what DuckDB prunes; adding `AND run_id = ?` to it, or OR-ing ranges, made
 * it scan again (measured on DuckDB 1.5), hence one query per run.
 */
export function locate(
  ids: string[],
  ranges: RowRanges | undefined,
): { id: string; sql: string; params: (string | number)[] }[] {
  return ids.flatMap((id): { id: string; sql: string; params: (string | number)[] }[] => {
    if (!ranges) return [{ id, sql: "run_id = ?", params: [id] }];
    const r = ranges.get(id);
    return r ? [{ id, sql: "rowid BETWEEN ?::BIGINT AND ?::BIGINT", params: [r[0], r[1]] }] : [];
  });
}
