import assert from "node:assert/strict";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { makeFixture } from "../../dashboard/testing/fixture.ts";
import { UserError } from "../../harness/core/errors.ts";
import { rows, withDb } from "../db.ts";
import { LATEST_VERSION, MIGRATIONS } from "../migrations.ts";
import { exportTables } from "../export/mod.ts";
import { mergeStores } from "./mod.ts";

const TABLES = ["environments", "suites", "runs", "epochs", "measurements", "claim_verdicts"];

/** Every row of every table, in a canonical order, as text. */
async function dump(path: string): Promise<Record<string, string[]>> {
  return await withDb(path, "read", async (c) => {
    const out: Record<string, string[]> = {};
    for (const t of TABLES) {
      const ignore = t === "environments" ? " EXCLUDE (first_seen)" : "";
      const r = await rows(c, `SELECT * ${ignore} FROM ${t}`);
      out[t] = r.map((x) => JSON.stringify(x)).sort();
    }
    return out;
  });
}

/** One fixture store (slow to write), copied by each test. */
const FIXTURE_DIR = await Deno.makeTempDir({ prefix: "reprobench-merge-fixture-" });
const FIXTURE = join(FIXTURE_DIR, "fixture.duckdb");
await makeFixture(FIXTURE, { claims: true });
globalThis.addEventListener("unload", () => Deno.removeSync(FIXTURE_DIR, { recursive: true }));

async function fixtureAt(path: string): Promise<void> {
  await Deno.copyFile(FIXTURE, path);
}

async function withDir(fn: (dir: string) => Promise<void>): Promise<void> {
  const dir = await Deno.makeTempDir({ prefix: "reprobench-merge-test-" });
  try {
    await fn(dir);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

Deno.test("mergeStores() copies every row of a store, and a second merge adds nothing", async () => {
  await withDir(async (dir) => {
    const a = join(dir, "a.duckdb");
    await fixtureAt(a);
    const out = join(dir, "out.duckdb");
    const first = await mergeStores(out, [a]);
    assert.equal(first.conflicts, 0);
    assert.deepEqual(await dump(out), await dump(a));
    const second = await mergeStores(out, [dir + "/a.duckdb"]);
    assert.deepEqual(second.totals.filter((t) => t.added > 0), []);
    assert.ok(second.totals.find((t) => t.table === "epochs")!.skipped > 0);
    assert.deepEqual(await dump(out), await dump(a));
  });
});

Deno.test("a Parquet export merges to the same rows as its DuckDB file", async () => {
  await withDir(async (dir) => {
    const a = join(dir, "a.duckdb");
    await fixtureAt(a);
    await withDb(a, "read", (c) => exportTables(c, join(dir, "export"), { format: "parquet" }));
    const out = join(dir, "out.duckdb");
    const r = await mergeStores(out, [join(dir, "export")]);
    assert.equal(r.inputs[0].kind, "parquet");
    assert.deepEqual(await dump(out), await dump(a));
    // The same rows from the DuckDB file are all known already.
    const again = await mergeStores(out, [a]);
    assert.equal(again.conflicts, 0);
    assert.deepEqual(again.totals.filter((t) => t.added > 0), []);
  });
});

Deno.test("an older schema is upgraded on a copy; the input is left as it was", async () => {
  await withDir(async (dir) => {
    const old = join(dir, "old.duckdb");
    const instance = await DuckDBInstance.create(old);
    const conn = await instance.connect();
    await conn.run(
      "CREATE TABLE schema_migrations (version INTEGER, name VARCHAR, applied_at TIMESTAMP)",
    );
    for (const m of MIGRATIONS.filter((m) => m.version <= 4)) {
      await conn.run(m.sql);
      await conn.run("INSERT INTO schema_migrations VALUES (?, ?, now())", [m.version, m.name]);
    }
    await conn.run(
      "INSERT INTO suites (suite_id, kind, profile, status) VALUES ('s-old', 'bench', 'quick', 'ok')",
    );
    await conn.run(
      "INSERT INTO runs (run_id, suite_id, experiment_id, backend, seed, status, test_accuracy) VALUES ('r-old', 's-old', 'x', 'cpu', 1, 'ok', 0.5)",
    );
    conn.closeSync();
    instance.closeSync();
    const before = await Deno.readFile(old);
    const out = join(dir, "out.duckdb");
    const r = await mergeStores(out, [old]);
    assert.equal(r.totals.find((t) => t.table === "runs")!.added, 1);
    assert.deepEqual(await Deno.readFile(old), before);
    const got = await withDb(out, "read", (c) => rows(c, "SELECT run_id, test_accuracy FROM runs"));
    assert.deepEqual(got, [{ run_id: "r-old", test_accuracy: 0.5 }]);
  });
});

Deno.test("a newer schema stops the merge before anything is written", async () => {
  await withDir(async (dir) => {
    const a = join(dir, "a.duckdb"), newer = join(dir, "newer.duckdb");
    await fixtureAt(a);
    await Deno.copyFile(a, newer);
    const instance = await DuckDBInstance.create(newer);
    const conn = await instance.connect();
    await conn.run("INSERT INTO schema_migrations VALUES (?, 'from the future', now())", [
      LATEST_VERSION + 1,
    ]);
    conn.closeSync();
    instance.closeSync();
    const out = join(dir, "out.duckdb");
    await assert.rejects(
      () => mergeStores(out, [a, newer]),
      (e) => e instanceof UserError && e.message.includes(`"${newer}" has schema version`),
    );
    assert.equal(await Deno.stat(out).then(() => true, () => false), false);
  });
});

Deno.test("a verdict row, which has no id, is one row by its natural key", async () => {
  await withDir(async (dir) => {
    const a = join(dir, "a.duckdb");
    await fixtureAt(a);
    const b = join(dir, "b.duckdb");
    await Deno.copyFile(a, b);
    const instance = await DuckDBInstance.create(b);
    const conn = await instance.connect();
    await conn.run(
      "UPDATE claim_verdicts SET verdict = 'inconclusive' WHERE claim_id = (SELECT min(claim_id) FROM claim_verdicts)",
    );
    conn.closeSync();
    instance.closeSync();
    const out = join(dir, "out.duckdb");
    await mergeStores(out, [a]);
    const r = await mergeStores(out, [b]);
    const verdicts = r.totals.find((t) => t.table === "claim_verdicts")!;
    assert.ok(verdicts.conflicts >= 1);
    assert.equal(verdicts.added, 0);
    assert.ok(r.inputs[0].conflicts.every((c) => c.columns.join() === "verdict"));
  });
});
