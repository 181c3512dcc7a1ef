/**
 * Training runs in the browser: the page (`page/train_entry.ts`) runs the training loop Deno
 * runs, and its outcome is stored as a Deno run's is, with the browser's description and
 * the harness's costs beside it.
 */
import type { PlannedRun } from "../plan.ts";
import type { Progress } from "../progress.ts";
import type { RunOutcome } from "../recorder.ts";
import { browserMeasurements, unsuccessfulEnd } from "./outcome.ts";
import { BrowserRunner } from "./runner.ts";

/** The page a browser training run loads. */
const TRAIN_ENTRY = new URL("./page/train_entry.ts", import.meta.url);

/** How a suite's browser training runs go. */
export interface BrowserTrainOptions {
  kernels: "default" | "stock";
  progress: Progress;
  /** Each run's time limit in seconds. */
  timeoutS: number;
  /** The page module to load (default: the training page; tests pass one that misbehaves). */
  entry?: URL;
}

/** A suite's browser training runs: `train` each, `close` at the suite's end. */
export interface BrowserTraining {
  train(run: PlannedRun<string>): Promise<RunOutcome>;
  close(): Promise<void>;
}

/**
 * Browser training for one suite; its browser starts with the first run that needs one.
 *
 * @example
 * ```ts
 * const browser = browserTraining({ kernels: "default", progress, timeoutS: 1800 });
 * try {
 *   const outcome = await browser.train(run);
 * } finally {
 *   await browser.close();
 * }
 * ```
 */
export function browserTraining(opts: BrowserTrainOptions): BrowserTraining {
  const runner = new BrowserRunner(opts.entry ?? TRAIN_ENTRY, opts.timeoutS);
  return {
    async train(run) {
      const none = { epochs: [], measurements: [] };
      const answer = await runner.run(run, "train", {
        kernels: opts.kernels,
        onProgress: (p) => opts.progress.update(p),
      });
      if ("end" in answer) return { end: answer.end, ...none };
      const { out, runtimeInfo, wallS } = answer;
      if (out.status !== "ok") return { end: unsuccessfulEnd(out, runtimeInfo, wallS), ...none };
      const outcome = out.value as RunOutcome;
      Object.assign(outcome.end, {
        backendInfo: out.backendInfo,
        runtimeInfo,
        kernels: out.kernels,
      });
      outcome.measurements.push(...browserMeasurements(out));
      return outcome;
    },
    close: () => runner.close(),
  };
}
