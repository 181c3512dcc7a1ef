/** Writing a results database as a Parquet export folder (layout.ts). */
import { join } from "node:path";
import { type Connection, rows, schemaVersion } from "../db.ts";
import { EXPORTED_TABLES, MANIFEST, PARQUET_FORMAT, type ParquetManifest } from "./layout.ts";

/**
 * Write every results table present in `conn`'s database to `<dir>/<table>.parquet` and the
 * manifest beside them. Returns the manifest.
 *
 * @example
 * ```ts
 * await withDb("results/reprobench.duckdb", "read", (conn) => writeParquetFolder(conn, "out"));
 * ```
 */
export async function writeParquetFolder(conn: Connection, dir: string): Promise<ParquetManifest> {
  await Deno.mkdir(dir, { recursive: true });
  const present = new Set(
    (await rows(
      conn,
      "SELECT table_name FROM information_schema.tables WHERE table_catalog = current_database()",
    )).map((r) => String(r.table_name)),
  );
  const tables: ParquetManifest["tables"] = {};
  for (const table of EXPORTED_TABLES) {
    if (!present.has(table)) continue;
    const file = `${table}.parquet`;
    // COPY takes no bound parameter for its target: the path is quoted as a string literal.
    const target = `'${join(dir, file).replaceAll("'", "''")}'`;
    await conn.run(`COPY (SELECT * FROM "${table}") TO ${target} (FORMAT parquet)`);
    const n = await rows(conn, `SELECT count(*) AS n FROM "${table}"`);
    tables[table] = { file, rows: Number(n[0].n) };
  }
  const manifest: ParquetManifest = {
    format: PARQUET_FORMAT,
    version: 1,
    schemaVersion: await schemaVersion(conn),
    createdAt: new Date().toISOString(),
    tables,
  };
  await Deno.writeTextFile(join(dir, MANIFEST), JSON.stringify(manifest, null, 2) + "\n");
  return manifest;
}
