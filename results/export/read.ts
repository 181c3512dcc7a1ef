/** Reading a Parquet export folder (layout.ts) back into a DuckDB file, as `deno task merge` does. */
import { join } from "node:path";
import { UserError } from "../../harness/core/errors.ts";
import { type Connection, inTransaction } from "../db.ts";
import { LATEST_VERSION, MIGRATIONS } from "../migrations.ts";
import { EXPORTED_TABLES, type ExportManifest, MANIFEST } from "./layout.ts";

/** The only export format a merge reads: Parquet keeps every column's type. */
const PARQUET_FORMAT = "reprobench-parquet";

/** The manifest of the export folder `dir`, or null when `dir` holds none. */
export async function readManifest(dir: string): Promise<ExportManifest | null> {
  let text: string;
  try {
    text = await Deno.readTextFile(join(dir, MANIFEST));
  } catch {
    return null;
  }
  let m: ExportManifest;
  try {
    m = JSON.parse(text);
  } catch {
    throw new UserError(`"${join(dir, MANIFEST)}" is not JSON`);
  }
  if (m?.format !== PARQUET_FORMAT || m.version !== 1 || !Number.isInteger(m.schemaVersion)) {
    throw new UserError(
      `"${join(dir, MANIFEST)}" is not a ${PARQUET_FORMAT} version 1 manifest`,
    );
  }
  if (m.schemaVersion > LATEST_VERSION) {
    throw new UserError(
      `"${dir}" has schema version ${m.schemaVersion}, newer than this reprobench knows (${LATEST_VERSION}): use a newer reprobench`,
    );
  }
  return m;
}

/**
 * Load the export at `dir` into `conn`'s empty database: create the schema as it was at the
 * export's version (the migrations up to it), insert each table's Parquet file by column
 * name, and record those versions, so that the database's own migrations can upgrade it.
 */
export async function loadParquetFolder(
  conn: Connection,
  dir: string,
  manifest: ExportManifest,
): Promise<void> {
  await inTransaction(conn, async () => {
    await conn.run(
      "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP)",
    );
    for (const m of MIGRATIONS.filter((m) => m.version <= manifest.schemaVersion)) {
      await conn.run(m.sql);
      await conn.run("INSERT INTO schema_migrations VALUES (?, ?, now()::TIMESTAMP)", [
        m.version,
        m.name,
      ]);
    }
    for (const table of EXPORTED_TABLES) {
      const entry = manifest.tables[table];
      if (!entry) continue;
      if (entry.file.includes("/") || entry.file.includes("\\") || entry.file.startsWith(".")) {
        throw new UserError(
          `"${join(dir, MANIFEST)}": table file "${entry.file}" leaves the folder`,
        );
      }
      const file = `'${join(dir, entry.file).replaceAll("'", "''")}'`;
      await conn.run(`INSERT INTO "${table}" BY NAME SELECT * FROM read_parquet(${file})`);
    }
  });
}
