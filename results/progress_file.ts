/**
 * The progress file: while a suite runs, its `Progress` (`harness/run/progress.ts`) appends one
 * JSON object per line to `<db path>.progress.jsonl`, and the dashboard's Live page tails it.
 * Neither side opens the database for it, so progress never competes with results for
 * DuckDB's lock. The event type and its (de)serialization live here, beside the database it
 * describes, so writer and reader share one definition.
 */

/** One progress report of one run; unknown extra fields are ignored when read. */
export interface ProgressEvent {
  /** When it was written, ISO 8601. */
  time: string;
  suiteId: string;
  experimentId: string;
  backend: string;
  seed: number;
  /** 1-based position of this run in the suite, and the suite's run count; null when not known. */
  run: number | null;
  runs: number | null;
  /** 1-based epoch in progress; null before the first. */
  epoch: number | null;
  epochs: number | null;
  /** 1-based batch within the epoch; null when not known. */
  batch: number | null;
  batches: number | null;
  /** Estimated seconds left for this run, or null when not yet known. */
  etaS: number | null;
  /** `running` while it trains; the run's final status (`ok`, `failed`, ...) once it ends. */
  status: string;
}

/** The progress file that goes with a results database. */
export function progressPath(dbPath: string): string {
  return `${dbPath}.progress.jsonl`;
}

/** One event as the line the file holds (newline included). */
export function progressLine(event: ProgressEvent): string {
  return JSON.stringify(event) + "\n";
}

/**
 * Append one event to a progress file (created if missing). One `write` per line, so a
 * reader never sees half an event except at the very end, which it skips.
 *
 * @example
 * ```ts
 * await appendProgress(progressPath("results/reprobench.duckdb"), {
 *   time: new Date().toISOString(), suiteId: "s1", experimentId: "mnist-mlp", backend: "wasm",
 *   seed: 1, run: 1, runs: 6, epoch: 2, epochs: 5, batch: 10, batches: 40, etaS: 12.5,
 *   status: "running",
 * });
 * ```
 */
export async function appendProgress(path: string, event: ProgressEvent): Promise<void> {
  await Deno.writeTextFile(path, progressLine(event), { append: true });
}

/** {@linkcode appendProgress} without waiting: for a training loop's per-batch callback. */
export function appendProgressSync(path: string, event: ProgressEvent): void {
  Deno.writeTextFileSync(path, progressLine(event), { append: true });
}

/** Parse one line of a progress file, or null when it is not a valid event. */
export function parseProgress(line: string): ProgressEvent | null {
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch {
    return null;
  }
  if (typeof v !== "object" || v === null || Array.isArray(v)) return null;
  const e = v as Record<string, unknown>;
  const str = (k: string) => typeof e[k] === "string" ? e[k] as string : null;
  const num = (k: string) =>
    typeof e[k] === "number" && Number.isFinite(e[k]) ? e[k] as number : null;
  const time = str("time"), suiteId = str("suiteId"), experimentId = str("experimentId");
  const backend = str("backend"), status = str("status"), seed = num("seed");
  if (!time || !suiteId || !experimentId || !backend || !status || seed === null) return null;
  return {
    time,
    suiteId,
    experimentId,
    backend,
    seed,
    run: num("run"),
    runs: num("runs"),
    epoch: num("epoch"),
    epochs: num("epochs"),
    batch: num("batch"),
    batches: num("batches"),
    etaS: num("etaS"),
    status,
  };
}
