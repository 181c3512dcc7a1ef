/** What the regression gate compares, and what it says. */

export type Verdict = "improved" | "unchanged" | "regressed" | "inconclusive" | "not_comparable";

/** One line of the gate's report: one metric of one (experiment, backend). */
export interface VerdictRow {
  experiment: string;
  backend: string;
  metric: string;
  kind: "timing" | "accuracy" | "reproducibility" | "runs";
  verdict: Verdict;
  baseline: number | null;
  candidate: number | null;
  /** Timing: the speed ratio (> 1 faster). Accuracy: candidate - baseline. */
  change: number | null;
  ci: [number, number] | null;
  /** Mann-Whitney p for timings; null where no test applies. */
  p: number | null;
  n: [number, number];
  reason: string;
}

/** A timing metric the gate judges, and which direction is better. */
export interface TimingMetric {
  name: string;
  higherIsBetter: boolean;
  unit: string;
}

/** Timing metrics, by measurement name. Training windows first: they decide most verdicts. */
export const TIMING_METRICS: TimingMetric[] = [
  { name: "perf_window_images_per_s", higherIsBetter: true, unit: "images/s" },
  { name: "train_window_samples_per_s", higherIsBetter: true, unit: "samples/s" },
  { name: "latency_b1_ms", higherIsBetter: false, unit: "ms" },
  { name: "latency_large_ms", higherIsBetter: false, unit: "ms" },
];
