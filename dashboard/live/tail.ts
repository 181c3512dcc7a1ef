/** Following a progress file: reads only what was appended since the last look. */
import { parseProgress, type ProgressEvent } from "../../results/progress_file.ts";

/** What the Live page shows: the latest event of each run, newest first. */
export interface LiveState {
  file: string;
  exists: boolean;
  /** Latest event per run (suite, experiment, backend, seed), newest first. */
  runs: ProgressEvent[];
  /** Runs still `running` whose last event is recent. */
  active: number;
  updatedAt: string | null;
}

/** How long a `running` run may stay silent before it no longer counts as active. */
const ACTIVE_FOR_MS = 10 * 60_000;
const KEEP_RUNS = 200;

/** Tails one progress file, keeping the latest event per run. */
export class ProgressTail {
  #offset = 0;
  #rest = "";
  #latest = new Map<string, ProgressEvent>();
  #ino: number | null = null;
  #decoder = new TextDecoder();

  constructor(readonly file: string) {}

  /** Read what was appended and return the current state. */
  async state(now = Date.now()): Promise<LiveState> {
    let exists = true;
    try {
      await this.#read();
    } catch (err) {
      if (!(err instanceof Deno.errors.NotFound)) throw err;
      exists = false;
      this.#reset();
    }
    const runs = [...this.#latest.values()].sort((a, b) => b.time.localeCompare(a.time));
    const active =
      runs.filter((r) => r.status === "running" && now - Date.parse(r.time) < ACTIVE_FOR_MS).length;
    return { file: this.file, exists, runs, active, updatedAt: runs[0]?.time ?? null };
  }

  #reset(): void {
    this.#offset = 0;
    this.#rest = "";
    this.#latest.clear();
    this.#decoder = new TextDecoder();
  }

  async #read(): Promise<void> {
    const f = await Deno.open(this.file, { read: true });
    try {
      const info = await f.stat();
      // A new file (or one truncated by a new bench) starts over.
      if (info.ino !== this.#ino || info.size < this.#offset) {
        this.#reset();
        this.#ino = info.ino;
      }
      if (info.size === this.#offset) return;
      await f.seek(this.#offset, Deno.SeekMode.Start);
      const buf = new Uint8Array(info.size - this.#offset);
      let got = 0;
      while (got < buf.length) {
        const n = await f.read(buf.subarray(got));
        if (n === null) break;
        got += n;
      }
      this.#offset += got;
      const text = this.#rest + this.#decoder.decode(buf.subarray(0, got), { stream: true });
      const lines = text.split("\n");
      this.#rest = lines.pop() ?? "";
      for (const line of lines) {
        const e = parseProgress(line);
        if (!e) continue;
        const key = `${e.suiteId}\u0000${e.experimentId}\u0000${e.backend}\u0000${e.seed}`;
        this.#latest.delete(key);
        this.#latest.set(key, e);
      }
      while (this.#latest.size > KEEP_RUNS) {
        this.#latest.delete(this.#latest.keys().next().value!);
      }
    } finally {
      f.close();
    }
  }
}
