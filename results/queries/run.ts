/** Everything stored about given runs: the row, its epochs, measurements and environment. */
import { type Connection, rows } from "../db.ts";
import { parseJson, placeholders } from "./_util.ts";
import { locate, type RowRanges } from "./locate.ts";

/** A run's full row, JSON columns parsed. */
export type RunRow = Record<string, unknown> & {
  run_id: string;
  experiment_id: string;
  backend: string;
  status: string;
};

const JSON_COLUMNS = ["backend_info", "runtime_info", "kernels", "config"];

/** The runs with these ids, in the order asked; unknown ids are left out. */
export async function getRuns(conn: Connection, ids: string[]): Promise<RunRow[]> {
  if (ids.length === 0) return [];
  const found = await rows(
    conn,
    `SELECT * FROM runs WHERE run_id IN (${placeholders(ids.length)})`,
    ids,
  );
  const byId = new Map(found.map((r) => [String(r.run_id), r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    for (const c of JSON_COLUMNS) r[c] = parseJson(r[c]);
    return [r as RunRow];
  });
}

/** One epoch of one run. */
export interface EpochRow {
  run_id: string;
  epoch: number;
  loss: number | null;
  accuracy: number | null;
  val_loss: number | null;
  val_accuracy: number | null;
  wall_s: number | null;
  samples_per_s: number | null;
  weights_sha256: string | null;
}

/** Rows of `sql` (with `{where}` in it) for each run, keeping only that run's rows. */
async function perRun(
  conn: Connection,
  ids: string[],
  ranges: RowRanges | undefined,
  sql: string,
): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  for (const w of locate(ids, ranges)) {
    const found = await rows(conn, sql.replace("{where}", w.sql), w.params);
    for (const r of found) if (r.run_id === w.id) out.push(r);
  }
  return out;
}

/** A query of some rows of each of the given runs (`ranges` from `rowRanges` speeds it up). */
export type PerRunQuery<T> = (conn: Connection, ids: string[], ranges?: RowRanges) => Promise<T[]>;

/** The query `sql` (with `{where}` in it) as a {@linkcode PerRunQuery}. */
function perRunQuery<T>(sql: string): PerRunQuery<T> {
  return async (conn, ids, ranges) => await perRun(conn, ids, ranges, sql) as unknown as T[];
}

/** The epochs of these runs, by run then epoch. */
export const getEpochs: PerRunQuery<EpochRow> = perRunQuery(
  "SELECT * FROM epochs WHERE {where} ORDER BY run_id, epoch",
);

/** A summary of one named repeated measurement of one run. */
export interface MeasurementSummary {
  run_id: string;
  name: string;
  unit: string;
  n: number;
  median: number;
  mean: number;
  min: number;
  max: number;
}

/** Per run and measurement name: count, median, mean, min, max. */
export const measurementSummaries: PerRunQuery<MeasurementSummary> = perRunQuery(
  `SELECT run_id, name, any_value(unit) AS unit, count(*) AS n, median(value) AS median,
       avg(value) AS mean, min(value) AS min, max(value) AS max
     FROM measurements WHERE {where}
     GROUP BY run_id, name ORDER BY run_id, name`,
);

/**
 * Raw values of repeated measurements, as `run_id -> name -> values` (in index order), and
 * the unit of each name in `units` when given.
 */
export async function measurementValues(
  conn: Connection,
  ids: string[],
  ranges?: RowRanges,
  units?: Map<string, string>,
): Promise<Map<string, Map<string, number[]>>> {
  const out = new Map<string, Map<string, number[]>>();
  const r = await perRun(
    conn,
    ids,
    ranges,
    "SELECT run_id, name, unit, value FROM measurements WHERE {where} ORDER BY run_id, name, idx",
  );
  for (const row of r) {
    units?.set(String(row.name), String(row.unit ?? ""));
    const byName = out.get(String(row.run_id)) ?? new Map<string, number[]>();
    out.set(String(row.run_id), byName);
    const values = byName.get(String(row.name)) ?? [];
    byName.set(String(row.name), values);
    if (typeof row.value === "number") values.push(row.value);
  }
  return out;
}

/** The machine fingerprints with these ids, keyed by id. */
export async function getEnvironments(
  conn: Connection,
  envIds: string[],
): Promise<Map<string, Record<string, unknown>>> {
  const ids = [...new Set(envIds.filter(Boolean))];
  if (ids.length === 0) return new Map();
  const r = await rows(
    conn,
    `SELECT * FROM environments WHERE env_id IN (${placeholders(ids.length)})`,
    ids,
  );
  return new Map(r.map((e) => [String(e.env_id), { ...e, fingerprint: parseJson(e.fingerprint) }]));
}
