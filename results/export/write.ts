/** Writing results tables to an export folder (layout.ts). */
import { join } from "node:path";
import { type Connection, rows, schemaVersion } from "../db.ts";
import {
  EXPORT_FORMATS,
  EXPORTED_TABLES,
  type ExportedTable,
  type ExportFormat,
  type ExportManifest,
  MANIFEST,
  newManifest,
} from "./layout.ts";

/** What to export. */
export interface ExportOptions {
  format: ExportFormat;
  /** The tables to write (default: every exported table the database has). */
  tables?: readonly ExportedTable[];
}

/**
 * Write `conn`'s results tables to `dir/<table>.<ext>` and the manifest beside them; returns
 * the manifest. A table the database lacks (claim_verdicts before any `claims` run) is left
 * out of the folder and the manifest.
 *
 * @example
 * ```ts
 * await withDb("results/reprobench.duckdb", "read", (conn) =>
 *   exportTables(conn, "export", { format: "parquet" }));
 * ```
 */
export async function exportTables(
  conn: Connection,
  dir: string,
  opts: ExportOptions,
): Promise<ExportManifest> {
  await Deno.mkdir(dir, { recursive: true });
  const columns = await rows(
    conn,
    `SELECT table_name, column_name, data_type FROM information_schema.columns
     WHERE table_catalog = current_database() AND table_schema = 'main'
     ORDER BY table_name, ordinal_position`,
  );
  const { ext, copy } = EXPORT_FORMATS[opts.format];
  const manifest = newManifest(opts.format, await schemaVersion(conn));
  for (const table of opts.tables ?? EXPORTED_TABLES) {
    const mine = columns.filter((c) => c.table_name === table);
    if (mine.length === 0) continue;
    const file = `${table}.${ext}`;
    // COPY takes no bound parameter for its target: the path is quoted as a string literal.
    const target = `'${join(dir, file).replaceAll("'", "''")}'`;
    await conn.run(`COPY (SELECT * FROM "${table}") TO ${target} (${copy})`);
    const n = await rows(conn, `SELECT count(*) AS n FROM "${table}"`);
    manifest.tables[table] = {
      file,
      rows: Number(n[0].n),
      columns: Object.fromEntries(mine.map((c) => [String(c.column_name), String(c.data_type)])),
    };
  }
  await Deno.writeTextFile(join(dir, MANIFEST), JSON.stringify(manifest, null, 2) + "\n");
  return manifest;
}
