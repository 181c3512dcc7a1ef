/** The run columns the Run and Compare pages show as metrics, with their labels. */
import type { RunRow } from "../../results/queries/mod.ts";

/** A metric column of a run and its label. */
export type MetricColumn = [keyof RunRow & string, string];

/** Every metric of one run, in the Run page's order. */
export const RUN_METRICS: MetricColumn[] = [
  ["test_accuracy", "Test accuracy"],
  ["test_loss", "Test loss"],
  ["steady_samples_per_s", "Steady throughput (samples/s)"],
  ["first_epoch_s", "First epoch (s)"],
  ["latency_b1_ms", "Latency, batch 1 (ms)"],
  ["latency_large_ms", "Latency, large batch (ms)"],
  ["large_batch", "Large batch size"],
  ["wall_s", "Wall time (s)"],
  ["train_samples", "Training samples"],
  ["test_samples", "Test samples"],
  ["peak_tensors", "Peak tensors"],
  ["peak_bytes", "Peak bytes"],
  ["leaked_tensors", "Leaked tensors"],
];

/** The metrics worth a ratio between runs (sizes of the data and the batch are not). */
export const COMPARED_METRICS: MetricColumn[] = RUN_METRICS.filter(([k]) =>
  !["large_batch", "train_samples", "test_samples", "peak_bytes"].includes(k)
);
