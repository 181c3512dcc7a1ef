/** Which (experiment, backend) pairs a paired timing times. */
import type { Declared } from "../../core/discover.ts";
import type { RunData } from "../../../results/mod.ts";
import {
  DEFAULT_GATE_BACKENDS,
  DEFAULT_GATE_EXPERIMENTS,
  trainingMatches,
} from "../default_experiments.ts";

/** One (experiment, backend) to time in process pairs. */
export interface PairedTarget {
  experiment: string;
  backend: string;
}

/**
 * What the baseline timed (its perf runs' experiments and TensorFlow.js backends in Deno,
 * among `backends` when given), else the gate's default experiments on `backends` (default
 * cpu and wasm).
 *
 * @example
 * ```ts
 * pairedTargets([], [], ["wasm"]); // [] when no declaration is among the defaults
 * ```
 */
export function pairedTargets(
  baseline: RunData[],
  declared: Declared[],
  backends?: string[],
): PairedTarget[] {
  const perf = baseline.filter((r) => r.suiteKind === "perf");
  if (perf.length === 0) {
    return trainingMatches(declared, DEFAULT_GATE_EXPERIMENTS).flatMap((d) =>
      (backends ?? DEFAULT_GATE_BACKENDS).map((backend) => ({
        experiment: d.experiment.id,
        backend,
      }))
    );
  }
  const seen = new Set<string>(), out: PairedTarget[] = [];
  for (const r of perf) {
    // The PyTorch reference has no code at the ref to take turns with, and a browser's
    // runs (backend "chromium:wasm") are timed by a page, never in a gate process.
    if (r.backend === "pytorch-cpu" || r.backend.includes(":")) continue;
    if (backends && !backends.includes(r.backend)) continue;
    const key = JSON.stringify([r.experimentId, r.backend]);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ experiment: r.experimentId, backend: r.backend });
  }
  return out;
}
