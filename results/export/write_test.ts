import assert from "node:assert/strict";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { rows, withDb } from "../db.ts";
import { storeCalibrations } from "../calibrations.ts";
import { LATEST_VERSION } from "../migrations.ts";
import { makeFixture, tempDb } from "../../dashboard/testing/fixture.ts";
import { type ExportFormat, type ExportManifest, exportTables } from "./mod.ts";

/** How DuckDB reads each format back, every column as text first: no type guessing. */
const READ: Record<ExportFormat, (file: string) => string> = {
  parquet: (f) => `read_parquet('${f}')`,
  csv: (f) => `read_csv('${f}', header = true, all_varchar = true)`,
  json: (f) => `read_json('${f}', format = 'newline_delimited', columns = {COLUMNS})`,
};

/**
 * Load every exported file into a fresh database, typed by the manifest's columns, then
 * compare with the source table inside DuckDB, row for row in both directions (EXCEPT ALL
 * keeps duplicates), and count.
 */
async function roundTrip(source: string, dir: string, m: ExportManifest, format: ExportFormat) {
  const db = await DuckDBInstance.create(":memory:");
  const conn = await db.connect();
  try {
    await conn.run(`ATTACH '${source}' AS src (READ_ONLY)`);
    for (const [table, entry] of Object.entries(m.tables)) {
      const cols = Object.entries(entry!.columns);
      await conn.run(
        `CREATE TABLE "${table}" (${cols.map(([c, t]) => `"${c}" ${t}`).join(", ")})`,
      );
      const file = join(dir, entry!.file);
      const structure = `{${cols.map(([c, t]) => `'${c}': '${t}'`).join(", ")}}`;
      await conn.run(
        `INSERT INTO "${table}" BY NAME SELECT * FROM ${
          READ[format](file).replace("{COLUMNS}", structure)
        }`,
      );
      const count = async (sql: string) =>
        Number((await conn.runAndReadAll(sql)).getRowObjectsJS()[0].n);
      const n = await count(`SELECT count(*) AS n FROM "${table}"`);
      assert.equal(n, entry!.rows, `${format} ${table}: rows`);
      const missing = await count(
        `SELECT count(*) AS n FROM (FROM src."${table}" EXCEPT ALL FROM "${table}")`,
      );
      const extra = await count(
        `SELECT count(*) AS n FROM (FROM "${table}" EXCEPT ALL FROM src."${table}")`,
      );
      assert.deepEqual([missing, extra], [0, 0], `${format} ${table}: rows differ`);
    }
  } finally {
    conn.closeSync();
    db.closeSync();
  }
}

Deno.test("every export format loads back into DuckDB with the same rows, and names them in its manifest", async () => {
  const { dir, path } = await tempDb();
  try {
    await makeFixture(path, { claims: true });
    await storeCalibrations(path, [{
      envId: "env-test-0001",
      backend: "wasm",
      metric: "perf_window_images_per_s",
      margin: 0.0437,
      quantile: 0.95,
      pairs: 6,
      observed: [0.01, 0.02, 0.0437],
      gitCommit: "a".repeat(40),
    }]);
    const source = await withDb(path, "read", async (conn) => {
      const n = async (t: string) =>
        Number((await rows(conn, `SELECT count(*) AS n FROM ${t}`))[0].n);
      return { runs: await n("runs"), verdicts: await n("claim_verdicts") };
    });
    for (const format of ["parquet", "csv", "json"] as const) {
      const out = join(dir, format);
      const m = await withDb(path, "read", (conn) => exportTables(conn, out, { format }));
      assert.equal(m.format, `reprobench-${format}`);
      assert.equal(m.schemaVersion, LATEST_VERSION);
      assert.deepEqual(Object.keys(m.tables), [
        "environments",
        "suites",
        "runs",
        "epochs",
        "measurements",
        "calibrations",
        "claim_verdicts",
      ]);
      assert.equal(m.tables.runs!.rows, source.runs);
      assert.equal(m.tables.claim_verdicts!.rows, source.verdicts);
      const ext = { parquet: "parquet", csv: "csv", json: "jsonl" }[format];
      assert.equal(m.tables.runs!.file, `runs.${ext}`);
      assert.deepEqual(JSON.parse(await Deno.readTextFile(join(out, "manifest.json"))), m);
      await roundTrip(path, out, m, format);
    }
    // Only the tables asked for.
    const some = await withDb(
      path,
      "read",
      (conn) =>
        exportTables(conn, join(dir, "some"), { format: "csv", tables: ["runs", "epochs"] }),
    );
    assert.deepEqual(Object.keys(some.tables), ["runs", "epochs"]);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
