/** A worked numeric example as a run: every printed quantity computed on the backend. */
import type { ResolvedConfig } from "./config.ts";
import type { BackendName } from "./experiment.ts";
import type { RunOutcome } from "./train.ts";

export function runWorked(config: ResolvedConfig, _backend: BackendName): Promise<RunOutcome> {
  return Promise.reject(new Error(`worked example "${config.worked}" is not wired yet`));
}
