/**
 * Marking regressions along a metric's history: each commit against the one before it, by
 * the regression gate's own rules (`harness/gate/judge_timing.ts`, `judge_accuracy.ts`): the
 * gate's metric directions, its margin for that machine and backend, and its verdict.
 * Metrics the gate does not judge get no marks, and say why.
 */
import type { CommitPoint, HistoryMetric } from "../results/queries/mod.ts";
import { type Judgement, judgeTiming, type TimingSample } from "../harness/gate/judge_timing.ts";
import { type AccuracySample, judgeAccuracy } from "../harness/gate/judge_accuracy.ts";
import type { MarginPolicy } from "../harness/gate/margin.ts";
import { TIMING_METRICS, type TimingMetric, type Verdict } from "../harness/gate/types.ts";
import { TIMING_DEFAULTS } from "../harness/core/stats/mod.ts";

/** How the gate judges a history metric, or why it does not. */
export type HistoryRule =
  /** The gate's timing rule on these measurements' windows (the first both commits have). */
  | { kind: "timing"; metrics: TimingMetric[] }
  | { kind: "accuracy" }
  | { kind: "none"; why: string };

const timing = (...names: string[]): HistoryRule => ({
  kind: "timing",
  metrics: TIMING_METRICS.filter((m) => names.includes(m.name)),
});

/** The rule for each metric the History page follows. */
export const HISTORY_RULES: Record<HistoryMetric, HistoryRule> = {
  // A run's steady throughput is the median of its timing windows: perf runs time
  // perf_window_images_per_s, bench runs train_window_samples_per_s.
  steady_samples_per_s: timing("perf_window_images_per_s", "train_window_samples_per_s"),
  latency_b1_ms: timing("latency_b1_ms"),
  latency_large_ms: timing("latency_large_ms"),
  test_accuracy: { kind: "accuracy" },
  test_loss: { kind: "none", why: "the gate judges test accuracy, not test loss" },
  first_epoch_s: { kind: "none", why: "the gate does not judge first-epoch time (warm-up)" },
  wall_s: { kind: "none", why: "the gate does not judge wall time (it depends on the profile)" },
};

/** What the history says about one commit against the previous one. */
export interface Step {
  /** median / previous median; null for the first commit. */
  ratio: number | null;
  /** The gate's verdict; null for the first commit and for metrics the gate does not judge. */
  verdict: Verdict | null;
  regressed: boolean;
  improved: boolean;
  /** How it was decided, in a few words. */
  how: string;
  /** The gate's reason, or why there is no verdict. */
  reason: string;
}

/** What the judging needs beside the points. */
export interface HistoryEvidence {
  experiment: string;
  backend: string;
  margin: MarginPolicy;
  /** The experiment's declared accuracy tolerance. */
  tolerance: number;
  /** Timing windows by commit, then by measurement name: one sample per run. */
  windows: Map<string, Map<string, TimingSample[]>>;
}

function accuracySamples(p: CommitPoint): AccuracySample[] {
  return p.values.map((value, i) => ({
    value,
    seed: p.seeds[i],
    configHash: p.config_hashes[i],
    profile: p.profiles[i],
  }));
}

function judge(rule: HistoryRule, prev: CommitPoint, cur: CommitPoint, e: HistoryEvidence) {
  if (rule.kind === "none") return { judgement: null, how: "not judged", reason: rule.why };
  if (rule.kind === "accuracy") {
    const j = judgeAccuracy(accuracySamples(prev), accuracySamples(cur), e.tolerance);
    return { judgement: j, how: "gate", reason: j?.reason ?? "no accuracy on both commits" };
  }
  for (const metric of rule.metrics) {
    const side = (p: CommitPoint) => e.windows.get(p.git_commit)?.get(metric.name) ?? [];
    const j: Judgement | null = judgeTiming(
      { experiment: e.experiment, backend: e.backend, metric },
      side(prev),
      side(cur),
      { margin: e.margin },
    );
    if (j) return { judgement: j, how: `gate, ${metric.name}`, reason: j.reason };
  }
  return { judgement: null, how: "not judged", reason: "no timing windows on both commits" };
}

/**
 * Judge every commit against its predecessor with the gate's rule for `metric`.
 *
 * @example
 * ```ts
 * // markRegressions(points, "test_loss", evidence)[1].how; // "not judged"
 * ```
 */
export function markRegressions(
  points: CommitPoint[],
  metric: HistoryMetric,
  evidence: HistoryEvidence,
): Step[] {
  const rule = HISTORY_RULES[metric];
  return points.map((p, i) => {
    if (i === 0) {
      return {
        ratio: null,
        verdict: null,
        regressed: false,
        improved: false,
        how: "first commit",
        reason: "",
      };
    }
    const prev = points[i - 1];
    const ratio = prev.median !== 0 ? p.median / prev.median : null;
    const { judgement, how, reason } = judge(rule, prev, p, evidence);
    const verdict = judgement?.verdict ?? null;
    return {
      ratio,
      verdict,
      regressed: verdict === "regressed",
      improved: verdict === "improved",
      how: verdict === null ? how : `${how}: ${verdict.replace("_", " ")}`,
      reason,
    };
  });
}

/** One line on how the marks are decided, for the page. */
export function ruleText(metric: HistoryMetric): string {
  const rule = HISTORY_RULES[metric];
  if (rule.kind === "none") return `no marks: ${rule.why}`;
  if (rule.kind === "accuracy") {
    return "the gate's accuracy rule: the 95% interval of the difference (paired by seed when " +
      "both commits ran the same seeds) below minus the declaration's tolerance";
  }
  return "the gate's timing rule on the runs' timing windows (the newest runs of each commit, " +
    `same machine only): Mann-Whitney p < ${TIMING_DEFAULTS.alpha} and the whole 95% interval ` +
    "of the median ratio " +
    "beyond the gate's margin";
}
