/** The name of a planned run that every shard of a plan computes alike. */
import type { PlannedRun } from "../plan.ts";
import { backendLabel } from "../../core/runtime.ts";

/**
 * A planned run's key: experiment, backend label (`wasm` in Deno, `chromium:wasm` in the
 * browser: `backendLabel`) and seed, the identity of a run within one plan (a plan holds each
 * at most once). Stored with each shard's suite, so that a merged store
 * can name the runs a shard did not record.
 *
 * @example
 * ```ts
 * runKey(run); // "keras-mlp-mnist-004/wasm/1", or ".../chromium:wasm/1" in the browser
 * ```
 */
export function runKey(run: PlannedRun<string>): string {
  return `${run.declared.experiment.id}/${backendLabel(run.runtime, run.backend)}/${run.seed}`;
}
