/**
 * In the page: progress events to the harness, through the function it exposed, at most one
 * per `minMs` (and each epoch's last batch, which ends a line of the harness's display). A
 * call is not awaited, so the training loop never waits on the harness; the time spent in
 * the calls is counted, as harness overhead.
 */
import type { RunProgress } from "../../train.ts";
import { PROGRESS_FUNCTION } from "../protocol.ts";

/** A throttled sender, its cost so far, and `flush` to wait for every event to arrive. */
export interface ProgressSender {
  send(p: RunProgress): void;
  /** Seconds spent sending, and events sent. */
  readonly spentS: number;
  readonly sent: number;
  flush(): Promise<void>;
}

/**
 * A sender to the harness's exposed function (a no-op where none is exposed).
 *
 * @example
 * ```ts
 * const progress = progressSender(250);
 * progress.send({ epoch: 1, epochs: 2, batch: 1, batches: 64, etaS: null });
 * await progress.flush();
 * ```
 */
export function progressSender(minMs: number): ProgressSender {
  const target = (globalThis as Record<string, unknown>)[PROGRESS_FUNCTION] as
    | ((p: RunProgress) => Promise<void>)
    | undefined;
  const pending: Promise<void>[] = [];
  let last = -Infinity, spent = 0, sent = 0;
  return {
    send(p) {
      const t0 = performance.now();
      if (target && (t0 - last >= minMs || p.batch === p.batches)) {
        last = t0;
        sent++;
        pending.push(target({ ...p }).catch(() => {}));
      }
      spent += performance.now() - t0;
    },
    get spentS() {
      return spent / 1000;
    },
    get sent() {
      return sent;
    },
    async flush() {
      await Promise.all(pending);
    },
  };
}
