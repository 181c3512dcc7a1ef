/** The verdict rows of a paired timing: one per target, from where its sequential loop ended. */
import {
  DEFAULT_SEQUENTIAL_DESIGN,
  DEFAULT_SUITE_SPEC,
  median,
  type SequentialDesign,
  type SuiteGroup,
  suiteGroups,
  type SuiteSpec,
  suiteVerdict,
} from "../../core/stats/mod.ts";
import { sequentialPairedMethod, suitePairedMethod, TRAINING_STATUS_METHOD } from "../methods.ts";
import { spreadFloor, type TargetOutcome } from "./sequential_gate.ts";
import type { VerdictRow } from "../types.ts";

/** The metric name of paired timing rows. */
export const PAIRED_METRIC = "perf_window_images_per_s (paired)";

/**
 * The experiment and backend names of the suite row of all targets together; a backend's row
 * is "all paired targets" on that backend, an experiment's row that experiment on "all".
 */
export const SUITE_TARGET = { experiment: "all paired targets", backend: "all" } as const;

/**
 * A target's verdict row: the rule's decision (`continue` at the end of the time budget is
 * inconclusive, never regressed); a pair whose candidate stopped training while the baseline
 * trained is a regression by run status, any other failed pair leaves the target not
 * comparable.
 *
 * @example
 * ```ts
 * import { sequentialVerdict, DEFAULT_SEQUENTIAL_DESIGN } from "../../core/stats/mod.ts";
 * const thetas = [0.01, -0.01, 0.005, -0.005];
 * sequentialRow({
 *   target: { experiment: "mlp", backend: "wasm" }, thetas, endedBy: "boundary",
 *   result: sequentialVerdict(thetas, DEFAULT_SEQUENTIAL_DESIGN), failed: null, costs: [1, 1, 1, 1],
 *   baselineSpeeds: [100], candidateSpeeds: [100], windowNoises: [], endedAtS: 4,
 * }).verdict; // "unchanged"
 * ```
 */
export function sequentialRow(
  o: TargetOutcome,
  design: SequentialDesign = DEFAULT_SEQUENTIAL_DESIGN,
): VerdictRow {
  const k = o.thetas.length;
  const base = {
    experiment: o.target.experiment,
    backend: o.target.backend,
    metric: PAIRED_METRIC,
    kind: "timing" as const,
    baseline: o.baselineSpeeds.length ? median(o.baselineSpeeds) : null,
    candidate: o.candidateSpeeds.length ? median(o.candidateSpeeds) : null,
    n: [k, k] as [number, number],
  };
  const seconds = `${Math.round(o.costs.reduce((a, b) => a + b, 0))} s`;
  if (o.failed) {
    const f = o.failed;
    const lost = f.baselineStatus === "ok" && f.candidateStatus !== "ok";
    return {
      ...base,
      verdict: lost ? "regressed" : "not_comparable",
      change: null,
      ci: null,
      p: null,
      method: TRAINING_STATUS_METHOD,
      reason:
        `process pair ${k + 1}: baseline ${f.baselineStatus}, candidate ${f.candidateStatus}` +
        (f.reason ? ` (${f.reason})` : ""),
    };
  }
  const r = o.result;
  const budget = o.endedBy === "budget";
  return {
    ...base,
    verdict: budget ? "inconclusive" : r.decision === "continue" ? "inconclusive" : r.decision,
    change: k > 0 ? r.ratio : null,
    ci: Number.isFinite(r.ci[0]) ? r.ci : null,
    p: Number.isFinite(r.p.regressed) ? r.p.regressed : null,
    method: sequentialPairedMethod(design),
    reason: budget
      ? `the time budget ended after ${k} process pairs (${seconds}): ${
        k >= design.minPairs ? r.reason.replace(/^\d+ process pairs: /, "") : "too few to judge"
      }`
      : `${r.reason} (${seconds})`,
  };
}

/** The experiment and backend names of a suite row: its group's, "all" for the rest. */
function groupNames(g: SuiteGroup) {
  if (g.by === "all") return SUITE_TARGET;
  if (g.by === "backend") return { experiment: SUITE_TARGET.experiment, backend: g.key };
  return { experiment: g.key, backend: "all" };
}

/**
 * The suite rows (`suiteGroups`): each backend's targets together and each experiment's, where
 * the plan has 2 or more and fewer than all, then all targets together (`suiteVerdict`); none
 * with fewer than 2 targets (one target's test is its own row). Targets whose pair failed are
 * left out: their own rows say why.
 *
 * @example
 * ```ts
 * // With outcomes `o` of 4 targets, each 5% slower over 8 pairs but not yet shown so alone:
 * // suiteRows(o).at(-1)?.verdict; // "regressed" (the row of all targets)
 * ```
 */
export function suiteRows(
  outcomes: readonly TargetOutcome[],
  spec: SuiteSpec = DEFAULT_SUITE_SPEC,
): VerdictRow[] {
  return suiteGroups(outcomes.map((o) => o.target)).map((g) => {
    const members = g.members.map((i) => outcomes[i]);
    const read = members.filter((o) => !o.failed);
    const r = suiteVerdict(
      read.map((o) => ({ thetas: o.thetas, sdFloor: spreadFloor(o.windowNoises) })),
      spec,
    );
    const pairs = read.reduce((a, o) => a + o.thetas.length, 0);
    const left = members.length - read.length;
    return {
      ...groupNames(g),
      metric: PAIRED_METRIC,
      kind: "timing",
      verdict: r.decision,
      baseline: null,
      candidate: null,
      change: r.targets ? r.ratio : null,
      ci: Number.isFinite(r.ci[0]) ? r.ci : null,
      p: Number.isFinite(r.p) ? r.p : null,
      n: [pairs, pairs],
      method: suitePairedMethod(spec),
      reason: r.reason +
        (left ? ` (${left} target${left > 1 ? "s" : ""} left out: a pair failed)` : ""),
    };
  });
}
