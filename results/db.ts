/**
 * Opening the DuckDB file. Connections are short-lived: the write lock is held only while
 * writing, so a reader (the dashboard, the DuckDB CLI) can open the file between runs, and a
 * writer that finds the file busy waits and retries instead of failing. A write attaches the
 * file to an in-memory engine the process keeps, and detaches it (checkpoint, close,
 * unlock) when done; a read opens an instance of its own.
 */
import { type DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { dirname } from "node:path";
import { UserError } from "../harness/core/errors.ts";
import { LATEST_VERSION, MIGRATIONS } from "./migrations.ts";

export type Connection = DuckDBConnection;

/** How long a writer waits for another process to let go of the file. */
const LOCK_WAIT_MS = 60_000;

/** Another process holds the file, or another write of this process has it attached. */
function isLockError(err: unknown): boolean {
  return err instanceof Error &&
    /Could not set lock|Conflicting lock|Unique file handle conflict/i.test(err.message);
}

/** Retry `open` while another process holds the file, for up to `LOCK_WAIT_MS`. */
async function whileLocked<T>(open: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (let delay = 20;; delay = Math.min(delay * 2, 500)) {
    try {
      return await open();
    } catch (err) {
      if (!isLockError(err) || Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}

/**
 * The in-memory engine that writes attach the file to, created once per process. Creating
 * a DuckDB instance costs ~10 ms of CPU whatever the file (it builds the catalog of
 * built-in functions: 10.7 ms for `:memory:`), and its first queries bind slowly; `ATTACH`
 * opens, locks and replays the file as creating an instance does, and `DETACH`
 * checkpoints, closes and unlocks it as closing one does. The perf suite's per-run write
 * (run end, measurements, next run's start) took a median 36-56 ms attached against
 * 68-76 ms with an instance per write, side by side on a 6-run file.
 */
let engine: Promise<DuckDBInstance> | null = null;
let attached = 0;

/**
 * At unload, before the runtime tears down, the engine is closed and dropped, and where V8
 * exposes `gc` (`deno task test` passes `--expose-gc`) a full collection runs, so DuckDB's
 * wrapped objects are finalized once by the collector and none are left for teardown.
 * Deno 2.9's N-API teardown can finalize a wrapped object that a later collection, while
 * the test runner still polls its event loop, finalizes again (denoland/deno#36499, fixed
 * on Deno's main after 2.9.5). That is the likeliest cause of what two fresh-clone
 * `deno task test` runs of ten here did: pass every test, then abort (rc 134) with
 * `free(): invalid pointer` and `double free or corruption`; no core was caught.
 */
let started: DuckDBInstance | null = null;

globalThis.addEventListener("unload", () => {
  started?.closeSync();
  engine = started = null;
  (globalThis as { gc?: () => void }).gc?.();
});

function startEngine(): Promise<DuckDBInstance> {
  const created = DuckDBInstance.create(":memory:");
  created.then((instance) => started = instance, () => {});
  return created;
}

/** A connection whose default database is the file at `path`, and how to let it go. */
async function openForWrite(
  path: string,
): Promise<{ conn: Connection; close: () => Promise<void> }> {
  engine ??= startEngine();
  const conn = await (await engine).connect();
  // A name of its own per write, so two writes to different files never meet.
  const name = `results_${++attached}`;
  try {
    await whileLocked(() => conn.run(`ATTACH '${path.replaceAll("'", "''")}' AS ${name}`));
    await conn.run(`USE ${name}`);
  } catch (err) {
    conn.closeSync();
    throw err;
  }
  return {
    conn,
    // Closing the connection first ends any transaction `fn` left open; the detach then
    // runs on a connection of its own.
    close: async () => {
      conn.closeSync();
      const detach = await (await engine!).connect();
      try {
        await detach.run(`DETACH ${name}`);
      } finally {
        detach.closeSync();
      }
    },
  };
}

/**
 * Run `fn` with a connection to the database at `path`, then close it.
 * A read-write open creates the file and applies pending migrations first.
 */
export async function withDb<T>(
  path: string,
  mode: "read" | "write",
  fn: (conn: Connection) => Promise<T>,
): Promise<T> {
  if (mode === "read") {
    try {
      await Deno.stat(path);
    } catch {
      throw new UserError(`No results database at "${path}": run \`deno task bench\` first`);
    }
  } else {
    await Deno.mkdir(dirname(path) || ".", { recursive: true });
  }
  if (mode === "write") {
    const { conn, close } = await openForWrite(path);
    try {
      await migrate(conn, path, false);
      return await fn(conn);
    } finally {
      await close();
    }
  }
  const instance = await whileLocked(() =>
    DuckDBInstance.create(path, { access_mode: "READ_ONLY" })
  );
  const conn = await instance.connect();
  try {
    await migrate(conn, path, true);
    return await fn(conn);
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

/** The schema version stored in the file (0 for an empty file). */
export async function schemaVersion(conn: Connection): Promise<number> {
  // Only the connection's own database: a write sees other attached files too.
  const exists = await conn.runAndReadAll(
    "SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'schema_migrations' AND table_catalog = current_database()",
  );
  if (Number(exists.getRowObjectsJS()[0].n) === 0) return 0;
  const r = await conn.runAndReadAll("SELECT max(version) AS v FROM schema_migrations");
  return Number(r.getRowObjectsJS()[0].v ?? 0);
}

async function migrate(conn: Connection, path: string, readOnly: boolean): Promise<void> {
  const current = await schemaVersion(conn);
  if (current > LATEST_VERSION) {
    throw new UserError(
      `"${path}" has schema version ${current}, newer than this reprobench knows (${LATEST_VERSION}): use a newer reprobench or another --db`,
    );
  }
  if (current === LATEST_VERSION) return;
  if (readOnly) {
    throw new UserError(
      `"${path}" has schema version ${current}, older than ${LATEST_VERSION}: run \`deno task bench\` once to upgrade it`,
    );
  }
  await conn.run("BEGIN TRANSACTION");
  try {
    await conn.run(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP)",
    );
    for (const m of MIGRATIONS.filter((m) => m.version > current)) {
      await conn.run(m.sql);
      await conn.run("INSERT INTO schema_migrations VALUES (?, ?, now()::TIMESTAMP)", [
        m.version,
        m.name,
      ]);
    }
    await conn.run("COMMIT");
  } catch (err) {
    await conn.run("ROLLBACK");
    throw err;
  }
}

/** Run `fn` inside one transaction: all of it lands, or none of it. */
export async function inTransaction<T>(conn: Connection, fn: () => Promise<T>): Promise<T> {
  await conn.run("BEGIN TRANSACTION");
  try {
    const out = await fn();
    await conn.run("COMMIT");
    return out;
  } catch (err) {
    await conn.run("ROLLBACK");
    throw err;
  }
}

/** Rows of a query as plain JSON-friendly objects (BIGINT as number, timestamps as strings). */
export async function rows(
  conn: Connection,
  sql: string,
  params: (string | number | boolean | null)[] = [],
): Promise<Record<string, unknown>[]> {
  const r = await conn.runAndReadAll(sql, params);
  // DuckDBTypeId: BIGINT = 5, UBIGINT = 9, HUGEINT = 16. Looked up once per result.
  const types = r.columnTypes();
  const bigint = new Set(r.columnNames().filter((_, i) => [5, 9, 16].includes(types[i].typeId)));
  return r.getRowObjectsJson().map((row) => {
    if (bigint.size === 0) return row as Record<string, unknown>;
    const out: Record<string, unknown> = { ...row };
    for (const k of bigint) {
      const v = out[k];
      if (typeof v === "string" && /^-?\d{1,15}$/.test(v)) out[k] = Number(v);
    }
    return out;
  });
}
