/** The name of a planned run that every shard of a plan computes alike. */
import type { PlannedRun } from "../plan.ts";

/**
 * A planned run's key: experiment, backend and seed, the identity of a run within one plan
 * (a plan holds each at most once). Stored with each shard's suite, so that a merged store
 * can name the runs a shard did not record.
 *
 * @example
 * ```ts
 * runKey(run); // "keras-mlp-mnist-004/wasm/1"
 * ```
 */
export function runKey(run: PlannedRun<string>): string {
  return `${run.declared.experiment.id}/${run.backend}/${run.seed}`;
}
