/** What the regression gate compares, and what it says. */

export type Verdict = "improved" | "unchanged" | "regressed" | "inconclusive" | "not_comparable";

/** How a verdict was reached (built in `methods.ts`). */
export interface JudgingMethod {
  /** What judged, in a few words; rows judged the same way share it. */
  name: string;
  /** The rule, with its parameters, in one sentence for the report's footer. */
  rule: string;
}

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
  /** The p-value of the row's test (see `method`); null where no test applies. */
  p: number | null;
  n: [number, number];
  reason: string;
  /** How this row was judged, set where the verdict is made. */
  method: JudgingMethod;
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
