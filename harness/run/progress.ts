/**
 * Progress of a suite: a live line on a terminal; plain lines (one per epoch and run)
 * without one, so CI logs stay readable. Events also go, as JSON lines, to a file the
 * dashboard's Live page tails (the event and its file: `results/progress_file.ts`).
 */
import type { RunProgress } from "./train.ts";
import { appendProgressSync, type ProgressEvent } from "../../results/progress_file.ts";

function formatEta(s: number | null): string {
  if (s === null || !Number.isFinite(s)) return "?";
  if (s < 60) return `${Math.round(s)}s`;
  return `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, "0")}s`;
}

export class Progress {
  #current:
    | Omit<ProgressEvent, "time" | "epoch" | "epochs" | "batch" | "batches" | "etaS" | "status">
    | null = null;
  #lastEpoch = 0;
  #lastWrite = 0;
  #lastEvent = 0;
  readonly #encoder = new TextEncoder();

  constructor(
    readonly tty: boolean,
    readonly eventsFile: string | null,
    readonly quiet = false,
  ) {}

  #print(text: string, live = false): void {
    if (this.quiet) return;
    Deno.stderr.writeSync(
      this.#encoder.encode(live ? `\r\x1b[K${text}` : `${this.tty ? "\r\x1b[K" : ""}${text}\n`),
    );
  }

  #event(fields: Partial<ProgressEvent> & { status: string }): void {
    if (!this.eventsFile || !this.#current) return;
    const e: ProgressEvent = {
      time: new Date().toISOString(),
      ...this.#current,
      epoch: null,
      epochs: null,
      batch: null,
      batches: null,
      etaS: null,
      ...fields,
    };
    try {
      appendProgressSync(this.eventsFile, e);
    } catch {
      // Progress events are a convenience for the dashboard; a run never fails for them.
    }
  }

  runStart(
    suiteId: string,
    run: number,
    runs: number,
    experimentId: string,
    backend: string,
    seed: number,
  ): void {
    this.#current = { suiteId, run, runs, experimentId, backend, seed };
    this.#lastEpoch = 0;
    this.#event({ status: "running" });
    if (this.tty) {
      this.#print(`[${run}/${runs}] ${experimentId} ${backend} seed ${seed}: starting`, true);
    }
  }

  update(p: RunProgress): void {
    const c = this.#current;
    if (!c) return;
    const head = `[${c.run}/${c.runs}] ${c.experimentId} ${c.backend} seed ${c.seed}`;
    const now = performance.now();
    if (this.tty && now - this.#lastWrite > 100) {
      this.#print(
        `${head} | epoch ${p.epoch}/${p.epochs} batch ${p.batch}/${p.batches} | ETA ${
          formatEta(p.etaS)
        }`,
        true,
      );
      this.#lastWrite = now;
    }
    if (p.batch === p.batches && p.epoch !== this.#lastEpoch) {
      this.#lastEpoch = p.epoch;
      if (!this.tty) {
        this.#print(`${head} epoch ${p.epoch}/${p.epochs} done, run ETA ${formatEta(p.etaS)}`);
      }
    }
    if (now - this.#lastEvent > 500 || p.batch === p.batches) {
      this.#event({ status: "running", ...p });
      this.#lastEvent = now;
    }
  }

  runEnd(status: string, detail: string): void {
    const c = this.#current;
    if (!c) return;
    this.#event({ status });
    this.#print(
      `[${c.run}/${c.runs}] ${c.experimentId} ${c.backend} seed ${c.seed}: ${status}${
        detail ? ` (${detail})` : ""
      }`,
    );
    this.#current = null;
  }

  /** A line of its own (not tied to a run), unless quiet. */
  note(text: string): void {
    this.#print(text);
  }
}
