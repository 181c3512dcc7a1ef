/**
 * How the dashboard reads the results database without getting in the bench's way.
 *
 * DuckDB lets one process write a file, and any process holding it open (even read-only)
 * makes a writer's open fail. So the dashboard never keeps the real file open: when the file
 * changes (size or mtime of the file or its WAL), it opens it read-only just long enough to
 * copy it (and its WAL) to a private snapshot, then closes it. Pages are answered from the
 * snapshot, which stays open between requests. The bench's writer (`results/db.ts`) retries
 * while the copy holds the file (a fraction of a second even at 100,000 runs), and no request
 * ever waits on the bench except the first after a change.
 */
import { DuckDBInstance } from "@duckdb/node-api";
import { join } from "node:path";
import { type Connection, withDb } from "../results/db.ts";
import { checkpoint } from "../results/queries/mod.ts";

/** How long a request waits for a new snapshot before it is answered from the previous one. */
const STALE_AFTER_MS = 1500;

interface Snapshot {
  key: string;
  dir: string;
  file: string;
  instance: DuckDBInstance;
  users: number;
  retired: boolean;
  dropped: boolean;
  memo: Map<string, Promise<unknown>>;
}

async function stamp(path: string): Promise<string> {
  const part = async (p: string) => {
    try {
      const s = await Deno.stat(p);
      return `${s.size}:${s.mtime?.getTime() ?? 0}`;
    } catch {
      return "-";
    }
  };
  return `${await part(path)}|${await part(`${path}.wal`)}`;
}

/** What a reader's callback learns about the snapshot it reads. */
export interface SnapshotInfo {
  /** Identifies the file's state the snapshot was taken at (size and mtime). */
  key: string;
  /** A private folder that lives as long as the snapshot (for exports made from it). */
  dir: string;
  /** The snapshot's DuckDB file: a checkpointed copy that nothing writes to. */
  file: string;
  /** The reader's own temporary folder, removed by `close()`. */
  root: string;
  /** Run `fn` once per snapshot and share its answer (a cache cleared by every refresh). */
  once<T>(name: string, fn: () => Promise<T>): Promise<T>;
}

/** Read access to one results file through private snapshots. */
export class Reader {
  #root: Promise<string> | null = null;
  #current: Snapshot | null = null;
  #refreshing: Promise<Snapshot> | null = null;
  #refreshStarted = 0;
  #count = 0;

  constructor(readonly path: string) {}

  /** Run `fn` against an up-to-date snapshot. Throws a `UserError` when there is no file. */
  async read<T>(
    fn: (conn: Connection, snapshot: SnapshotInfo) => Promise<T>,
  ): Promise<T> {
    let snap = await this.#fresh();
    // A snapshot retired while this request waited is gone: take the newer one.
    while (snap.dropped) snap = await this.#fresh();
    snap.users++;
    try {
      const conn = await snap.instance.connect();
      try {
        const once = <U>(name: string, f: () => Promise<U>): Promise<U> => {
          let hit = snap.memo.get(name) as Promise<U> | undefined;
          if (!hit) {
            hit = f();
            snap.memo.set(name, hit);
            hit.catch(() => snap.memo.delete(name));
          }
          return hit;
        };
        const root = await this.#root!;
        return await fn(conn, { key: snap.key, dir: snap.dir, file: snap.file, root, once });
      } finally {
        conn.closeSync();
      }
    } finally {
      snap.users--;
      if (snap.retired && snap.users === 0) await this.#drop(snap);
    }
  }

  /**
   * Like `read`, but caches the answer for as long as the snapshot is current (for values
   * every page needs, like the filter choices).
   */
  async memo<T>(name: string, fn: (conn: Connection) => Promise<T>): Promise<T> {
    return await this.read((conn, snap) => snap.once(name, () => fn(conn)));
  }

  /** Close the snapshot and remove its files. */
  async close(): Promise<void> {
    await this.#refreshing?.catch(() => {});
    if (this.#current) {
      this.#current.retired = true;
      if (this.#current.users === 0) await this.#drop(this.#current);
      this.#current = null;
    }
    if (this.#root) await Deno.remove(await this.#root, { recursive: true }).catch(() => {});
    this.#root = null;
  }

  async #fresh(): Promise<Snapshot> {
    const key = await stamp(this.path);
    if (this.#current && this.#current.key === key) return this.#current;
    if (!this.#refreshing) {
      this.#refreshStarted = Date.now();
      this.#refreshing = this.#take().finally(() => (this.#refreshing = null));
    }
    const current = this.#current;
    if (!current) return await this.#refreshing;
    // A writer may hold the file for a while (the copy waits for it): answer from the
    // previous snapshot rather than keep the page waiting.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stale = new Promise<Snapshot>((resolve) => {
      // Counted from the refresh's start: requests arriving later do not wait again.
      const wait = Math.max(0, STALE_AFTER_MS - (Date.now() - this.#refreshStarted));
      timer = setTimeout(() => resolve(current), wait);
    });
    const refreshing = this.#refreshing.catch(() => current);
    try {
      return await Promise.race([refreshing, stale]);
    } finally {
      clearTimeout(timer);
    }
  }

  async #take(): Promise<Snapshot> {
    this.#root ??= Deno.makeTempDir({ prefix: "reprobench-dashboard-" });
    const dir = join(await this.#root, String(++this.#count));
    await Deno.mkdir(dir);
    const file = join(dir, "results.duckdb");
    let key = "";
    let wal = false;
    try {
      // Holding a read-only open keeps writers out while the copy is taken, so the copy is
      // consistent; `withDb` also refuses a schema this code does not know.
      await withDb(this.path, "read", async () => {
        key = await stamp(this.path);
        await Deno.copyFile(this.path, file);
        wal = await Deno.copyFile(`${this.path}.wal`, `${file}.wal`).then(() => true, () => false);
      });
      // A WAL left by a writer that did not close: fold it into the private copy, so that the
      // copy is one self-contained file (the SQL console reads it over HTTP).
      if (wal) {
        const rw = await DuckDBInstance.create(file, { access_mode: "READ_WRITE" });
        const conn = await rw.connect();
        await checkpoint(conn);
        conn.closeSync();
        rw.closeSync();
      }
    } catch (err) {
      await Deno.remove(dir, { recursive: true }).catch(() => {});
      throw err;
    }
    const instance = await DuckDBInstance.create(file, { access_mode: "READ_ONLY" });
    const snap: Snapshot = {
      key,
      dir,
      file,
      instance,
      users: 0,
      retired: false,
      dropped: false,
      memo: new Map(),
    };
    const old = this.#current;
    this.#current = snap;
    if (old) {
      old.retired = true;
      if (old.users === 0) await this.#drop(old);
    }
    return snap;
  }

  async #drop(snap: Snapshot): Promise<void> {
    if (snap.dropped) return;
    snap.dropped = true;
    snap.instance.closeSync();
    await Deno.remove(snap.dir, { recursive: true }).catch(() => {});
  }
}
