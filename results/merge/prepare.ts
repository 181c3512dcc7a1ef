/**
 * Each input as a DuckDB file at the newest schema, on a temporary copy: the input itself is
 * only read (never migrated, never locked longer than its copy takes).
 */
import { DuckDBInstance } from "@duckdb/node-api";
import { join } from "node:path";
import { UserError } from "../../harness/core/errors.ts";
import { withDb } from "../db.ts";
import { loadParquetFolder, readManifest } from "../export/mod.ts";
import type { MergeInput } from "./inputs.ts";

/**
 * Copy `input` into `dir` as `<n>.duckdb` and upgrade the copy with the migrations. Throws a
 * `UserError` for a file that is not a results database or has a newer schema.
 */
export async function prepareInput(input: MergeInput, dir: string, n: number): Promise<string> {
  const copy = join(dir, `${n}.duckdb`);
  if (input.kind === "parquet") {
    const manifest = (await readManifest(input.path))!;
    const instance = await DuckDBInstance.create(copy);
    const conn = await instance.connect();
    try {
      await loadParquetFolder(conn, input.path, manifest);
    } finally {
      conn.closeSync();
      instance.closeSync();
    }
  } else {
    await copyDuckDb(input.path, copy);
  }
  // A write open applies the pending migrations, and refuses a newer schema.
  await withDb(copy, "write", async (conn) => {
    const r = await conn.runAndReadAll(
      "SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'runs' AND table_catalog = current_database()",
    );
    if (Number(r.getRowObjectsJS()[0].n) === 0) {
      throw new UserError(`"${input.path}" holds no results (no runs table)`);
    }
  }).catch((err) => {
    if (err instanceof UserError) {
      throw new UserError(err.message.replaceAll(`"${copy}"`, `"${input.path}"`));
    }
    throw new UserError(`"${input.path}" is not a DuckDB results file: ${err.message ?? err}`);
  });
  return copy;
}

/** Copy a DuckDB file and its WAL while a read-only open keeps writers out. */
async function copyDuckDb(from: string, to: string): Promise<void> {
  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(from, { access_mode: "READ_ONLY" });
  } catch (err) {
    throw new UserError(`"${from}" is not a DuckDB file: ${(err as Error).message.split("\n")[0]}`);
  }
  try {
    await Deno.copyFile(from, to);
    await Deno.copyFile(`${from}.wal`, `${to}.wal`).catch(() => {});
  } finally {
    instance.closeSync();
  }
}
