/**
 * The gate's judgement of one timing metric of one (experiment, backend): only runs of the
 * same machine and versions are compared, with the margin the policy gives that machine and
 * backend, and the statistics' timing rule (`harness/core/stats/timing_verdict.ts`). The
 * command's comparison and the dashboard's pages both judge through this function.
 */
import { median, timingVerdict } from "../core/stats/mod.ts";
import { Rng } from "../core/rng.ts";
import { envDiff } from "./env_diff.ts";
import type { MarginPolicy } from "./margin.ts";
import type { TimingMetric, VerdictRow } from "./types.ts";
import { noNumbers } from "./verdict_row.ts";
import { LIKE_WITH_LIKE_METHOD, unpairedTimingMethod } from "./methods.ts";

/** One run's windows of a metric, with the machine it ran on. */
export interface TimingSample {
  envId: string;
  /** The machine fingerprint, to say what differs when machines do. */
  env: Record<string, unknown>;
  values: readonly number[];
}

/** What a judgement fills in of a verdict row. */
export type Judgement = Pick<
  VerdictRow,
  "verdict" | "baseline" | "candidate" | "change" | "ci" | "p" | "n" | "reason" | "method"
>;

/** A judgement that the two sides cannot be compared, and why. */
export function notComparable(reason: string): Judgement {
  return { verdict: "not_comparable", ...noNumbers(), reason, method: LIKE_WITH_LIKE_METHOD };
}

/** How the gate judges timings. */
export interface TimingRules {
  margin: MarginPolicy;
  alpha?: number;
  /** Seed of the bootstrap; split per experiment, backend and metric. */
  seed?: number;
}

/**
 * Judge `metric` of `experiment` on `backend`; null when a side has no windows of it (the
 * gate then says nothing about the metric).
 *
 * @example
 * ```ts
 * const env = { cores: 2 };
 * const base = [{ envId: "e", env, values: [100, 101, 99, 100, 102, 98] }];
 * const cand = [{ envId: "e", env, values: [70, 71, 69, 70, 72, 68] }];
 * const metric = { name: "train_window_samples_per_s", higherIsBetter: true, unit: "samples/s" };
 * judgeTiming({ experiment: "mlp", backend: "wasm", metric }, base, cand, { margin: () => 0.1 })
 *   ?.verdict; // "regressed"
 * ```
 */
export function judgeTiming(
  target: { experiment: string; backend: string; metric: TimingMetric },
  base: TimingSample[],
  cand: TimingSample[],
  rules: TimingRules,
): Judgement | null {
  const { experiment, backend, metric } = target;
  const b = base.filter((s) => s.values.length > 0), c = cand.filter((s) => s.values.length > 0);
  if (b.length === 0 || c.length === 0) return null;
  const envs = new Set(b.map((s) => s.envId));
  const cSame = c.filter((s) => envs.has(s.envId));
  if (cSame.length === 0) {
    return notComparable(`different machine or versions: ${envDiff(b[0].env, c[0].env)}`);
  }
  const bSame = b.filter((s) => cSame.some((x) => x.envId === s.envId));
  const bx = bSame.flatMap((s) => s.values), cx = cSame.flatMap((s) => s.values);
  const margin = rules.margin(cSame[0].envId, backend);
  const v = timingVerdict({
    baseline: bx,
    candidate: cx,
    higherIsBetter: metric.higherIsBetter,
    margin,
    alpha: rules.alpha,
    rng: new Rng(rules.seed ?? 1).split(`${experiment}/${backend}/${metric.name}`),
  });
  return {
    verdict: v.verdict,
    baseline: median(bx),
    candidate: median(cx),
    change: v.ratio,
    ci: v.ci,
    p: v.p,
    n: [bx.length, cx.length],
    reason: v.reason,
    method: unpairedTimingMethod(margin, rules.alpha),
  };
}
