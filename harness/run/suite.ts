/**
 * The one suite loop: walk a plan, run after run, each run executed by a pluggable executor
 * (a training run or worked example, a perf measurement) and recorded by the suite's
 * `Recorder`. A run that fails is stored with its status; the suite goes on.
 */
import type { Measurement, Store } from "../../results/mod.ts";
import type { PlannedRun } from "./plan.ts";
import { backendLabel } from "../core/runtime.ts";
import type { Progress } from "./progress.ts";
import { type InterruptOptions, Recorder, type RunOutcome, type SuiteInfo } from "./recorder.ts";
import { wholePlan } from "./shard/mod.ts";

/** What the suite knows of a run while its executor runs it. */
export interface RunContext {
  suiteId: string;
  runId: string;
  /** Seconds the loop spent announcing this run on the progress display (harness time). */
  announceS: number;
}

/** One executed run: what the store records, what the command reports, the progress detail. */
export interface Executed<R> {
  outcome: RunOutcome;
  report: R;
  /** Printed after the run's status when it ends. */
  detail: string;
}

/** Runs one planned run; one executor per suite, so it may keep state across its runs. */
export interface Executor<B extends string, R> {
  /** Run `run`, never throwing: every outcome becomes a status. */
  execute(run: PlannedRun<B>, ctx: RunContext): Promise<Executed<R>>;
  /**
   * Measurements about the write that recorded the run's end, which took `writeS` seconds
   * (stored by the next write). Called once that write is done.
   */
  afterWrite?(done: Executed<R>, writeS: number): Measurement[];
  /**
   * Release what the executor started for its runs (a browser): called when the suite ends,
   * however it ends, and on Ctrl-C before the process exits.
   */
  close?(): Promise<void>;
}

/** A suite's id, wall time and the executor's report of each run, in plan order. */
export interface SuiteRun<R> {
  suiteId: string;
  wallS: number;
  reports: R[];
}

/**
 * Record a suite of `plan`'s runs, each executed by `executor`.
 *
 * @example
 * ```ts
 * const plan = benchPlan(declared, { profile: "quick", overrides: {}, kernels: "default" });
 * const run = await runSuitePlan(store, { kind: "bench", profile: "quick", argv }, plan, executor, {
 *   progress,
 * });
 * ```
 */
export async function runSuitePlan<B extends string, R>(
  store: Store,
  suite: SuiteInfo,
  plan: readonly PlannedRun<B>[],
  executor: Executor<B, R>,
  opts: { progress: Progress; interrupts?: InterruptOptions },
): Promise<SuiteRun<R>> {
  const t0 = performance.now();
  // A suite that is not a shard records its plan whole, so every suite names its plan.
  const planned = { ...suite, plan: suite.plan ?? await wholePlan(plan) };
  const recorder = await Recorder.start(store, planned, opts.interrupts);
  const { suiteId } = recorder;
  if (executor.close) recorder.beforeExit(() => executor.close!());
  const reports: R[] = [];
  let failed = false;
  try {
    let runId = plan.length > 0 ? await recorder.startRun(plan[0]) : "";
    for (const [i, run] of plan.entries()) {
      if (recorder.interrupted) break;
      const a0 = performance.now();
      const e = run.declared.experiment;
      const backend = backendLabel(run.runtime, run.backend);
      opts.progress.runStart(suiteId, i + 1, plan.length, e.id, backend, run.seed);
      const announceS = (performance.now() - a0) / 1000;
      const done = await executor.execute(run, { suiteId, runId, announceS });
      const written = await recorder.endRun(runId, done.outcome, plan[i + 1] ?? null);
      recorder.carry(runId, executor.afterWrite?.(done, written.writeS) ?? []);
      const status = done.outcome.end.status;
      failed ||= status === "failed";
      opts.progress.runEnd(status, done.detail);
      reports.push(done.report);
      runId = written.nextRunId ?? "";
    }
    await recorder.endSuite(failed ? "finished with failures" : "ok");
    // Stopped by Ctrl-C: wait for the handler, which exits 130 once the interruption is stored.
    if (recorder.interrupted) await recorder.settled();
  } finally {
    recorder.close();
    await executor.close?.();
  }
  return { suiteId, wallS: (performance.now() - t0) / 1000, reports };
}
