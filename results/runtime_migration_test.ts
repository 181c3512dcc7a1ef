/** Migration 5: every run stored before runtimes existed ran in Deno, and keeps its row. */
import assert from "node:assert/strict";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { LATEST_VERSION, rows, schemaVersion, Store, withDb } from "./mod.ts";
import { MIGRATIONS } from "./migrations.ts";

Deno.test("a schema-4 database's runs get runtime deno and no runtime info", async () => {
  const dir = await Deno.makeTempDir();
  const path = join(dir, "r.duckdb");
  try {
    // A database as schema 4 left it, written directly, with two runs in it.
    const inst = await DuckDBInstance.create(path);
    const conn = await inst.connect();
    await conn.run(
      "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP)",
    );
    for (const m of MIGRATIONS.filter((m) => m.version <= 4)) {
      await conn.run(m.sql);
      await conn.run(
        `INSERT INTO schema_migrations VALUES (${m.version}, 'old', now()::TIMESTAMP)`,
      );
    }
    await conn.run(
      `INSERT INTO runs (run_id, backend, status, weights_sha256) VALUES
         ('r1', 'wasm', 'ok', 'aa'), ('r2', 'cpu', 'failed', NULL)`,
    );
    conn.closeSync();
    inst.closeSync();
    await new Store(path).init();
    await withDb(path, "read", async (c) => {
      assert.equal(await schemaVersion(c), LATEST_VERSION);
      assert.deepEqual(
        await rows(
          c,
          "SELECT run_id, backend, status, weights_sha256, runtime, runtime_info FROM runs ORDER BY run_id",
        ),
        [
          {
            run_id: "r1",
            backend: "wasm",
            status: "ok",
            weights_sha256: "aa",
            runtime: "deno",
            runtime_info: null,
          },
          {
            run_id: "r2",
            backend: "cpu",
            status: "failed",
            weights_sha256: null,
            runtime: "deno",
            runtime_info: null,
          },
        ],
      );
    });
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
