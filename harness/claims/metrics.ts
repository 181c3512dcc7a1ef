/**
 * The metrics a claim may name, and how each is read from a stored run.
 */
import type { ClaimRun } from "../../results/claims.ts";

/** Metrics read from a run's own columns; `worked:<name>` reads a worked measurement. */
export const RUN_METRICS: Record<string, string> = {
  test_accuracy: "test accuracy of the trained model (fraction, 0..1)",
  test_loss: "test loss of the trained model",
  train_loss: "mean training loss of the last epoch",
  completes: "1 when the run finished (status ok), 0 when it failed",
};

/**
 * A run's value for a metric, or `null` when the run has none (a failed run has no accuracy;
 * `completes` is 0 for it).
 *
 * @example
 * ```ts
 * metricValue("completes", { ...run, status: "failed" }); // 0
 * ```
 */
export function metricValue(metric: string, run: ClaimRun): number | null {
  if (metric === "completes") {
    return run.status === "ok" ? 1 : run.status === "failed" ? 0 : null;
  }
  if (run.status !== "ok") return null;
  switch (metric) {
    case "test_accuracy":
      return run.testAccuracy;
    case "test_loss":
      return run.testLoss;
    case "train_loss":
      return run.trainLoss;
  }
  if (metric.startsWith("worked:")) return run.measurements[metric] ?? null;
  return null;
}
