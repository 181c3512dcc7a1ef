/**
 * The claim verdict rules: pure, from a claim and the runs it rests on to one verdict.
 *
 * - A claim marked `notCheckable` is `not_checkable` with its reason (values measured for it,
 *   e.g. on substitute data, are shown for reference and never judged).
 * - `completes` (did the run finish?) and `worked:*` (arithmetic) are deterministic: one
 *   outcome decides, there is no spread to test against.
 * - Every other metric is judged over seeds by `claimVerdict` (`harness/core/stats/`): mean and
 *   Student-t 95% interval against the printed value.
 * - Runs that were skipped (no data here) or unsupported (missing kernel) are no evidence
 *   either way: with no usable run, the claim is `not_checkable` and says why.
 */
import { claimVerdict, mean, sampleStd } from "../core/stats/mod.ts";
import type { ClaimRun, VerdictRecord } from "../../results/claims.ts";
import type { Claim } from "../core/experiment.ts";
import { metricValue } from "./metrics.ts";

/** What a verdict is about, besides the claim. */
export interface JudgeContext {
  article: string;
  experimentId: string;
  profile: string;
  /** `null` when the verdict pools runs of every backend (claims not checkable here). */
  backend: string | null;
  /** Said in every verdict of a profile smaller than the article's, e.g. "quick profile: ...". */
  profileNote: string | null;
}

/** A claim as judged: a declared one, or one derived from a worked example's print. */
export type JudgedClaim = Claim & { deterministic?: boolean };

/** The measured values a verdict reports beside its decision. */
type Stats = Pick<VerdictRecord, "measuredMean" | "measuredStd" | "ciLow" | "ciHigh" | "n">;

/** A decision, and the statistics behind it when they are not the plain description. */
type Outcome = Pick<VerdictRecord, "verdict" | "reason"> & { stats?: Stats };

/** One usable run and the claim's metric measured on it. */
type Measured = { run: ClaimRun; v: number };

const NO_STATS: Stats = { measuredMean: null, measuredStd: null, ciLow: null, ciHigh: null, n: 0 };

/**
 * Judge one claim on the runs of one backend (or of all, for a claim not checkable here).
 *
 * @example
 * ```ts
 * const v = judgeClaim(
 *   { id: "acc", metric: "test_accuracy", printed: "98%", kind: "at_least", value: 0.98, where: "§5" },
 *   runs,
 *   { article: "001_x.txt", experimentId: "cnn", profile: "full", backend: "cpu", profileNote: null },
 * );
 * v.verdict; // "reproduced" | "not_reproduced" | "inconclusive" | "not_checkable"
 * ```
 */
export function judgeClaim(claim: JudgedClaim, runs: ClaimRun[], ctx: JudgeContext): VerdictRecord {
  const base = {
    article: ctx.article,
    experimentId: ctx.experimentId,
    claimId: claim.id,
    metric: claim.metric,
    printed: claim.printed,
    kind: claim.kind,
    value: claim.value ?? null,
    profile: ctx.profile,
    backend: ctx.backend,
    wherePrinted: claim.where,
    interpretation: claim.interpretation ?? null,
  };
  const note = (text: string) => (ctx.profileNote ? `${text}; ${ctx.profileNote}` : text);
  const usable = runs.filter((r) => r.status === "ok" || r.status === "failed");
  const values = usable.flatMap((r) => {
    const v = metricValue(claim.metric, r);
    return v === null ? [] : [{ run: r, v }];
  });
  if (values.length === 0) {
    const reason = claim.notCheckable ?? note(noEvidence(runs));
    return {
      ...base,
      ...NO_STATS,
      runIds: runs.map((r) => r.runId),
      verdict: "not_checkable",
      reason,
    };
  }
  const measured = values.map((x) => x.v);
  const { stats, verdict, reason }: Outcome = claim.notCheckable !== undefined
    ? notCheckable(claim.notCheckable, values, note)
    : claim.metric === "completes"
    ? completes(values, note)
    : claim.deterministic
    ? deterministic(claim, measured[0])
    : overSeeds(claim, measured, note);
  const runIds = values.map((x) => x.run.runId);
  return { ...base, ...(stats ?? describe(measured)), runIds, verdict, reason };
}

/** A claim marked not checkable here: the values measured for it are shown, never judged. */
function notCheckable(why: string, values: Measured[], note: (text: string) => string): Outcome {
  return {
    verdict: "not_checkable",
    reason: note(`${why} (${describeRuns(values.map((x) => x.run))})`),
  };
}

/** `completes`: reproduced when every run finished; one failure decides otherwise. */
function completes(values: Measured[], note: (text: string) => string): Outcome {
  const failed = values.filter((x) => x.v === 0);
  if (failed.length === 0) {
    return { verdict: "reproduced", reason: note(`all ${values.length} runs finished`) };
  }
  const why = failed[0].run.reason ?? "no reason";
  return {
    verdict: "not_reproduced",
    reason: note(`${failed.length} of ${values.length} runs failed: ${why}`),
  };
}

/** Arithmetic has no seed-to-seed spread: the computed value either rounds to the print or not. */
function deterministic(claim: JudgedClaim, v: number): Outcome {
  const tol = claim.tolerance ?? 0;
  const ok = claim.kind === "at_most"
    ? v <= claim.value! + tol
    : claim.kind === "at_least"
    ? v >= claim.value! - tol
    : Math.abs(v - claim.value!) <= tol * (1 + 1e-9);
  const band = claim.kind === "approximately"
    ? `${claim.printed} ± ${tol}`
    : `${claim.kind === "at_most" ? "<=" : ">="} ${claim.value}`;
  return {
    verdict: ok ? "reproduced" : "not_reproduced",
    reason: `computed ${fmt(v)} ${ok ? "within" : "outside"} ${band} (deterministic)`,
  };
}

/** Every other metric: the mean over seeds and its Student-t interval against the print. */
function overSeeds(
  claim: JudgedClaim,
  measured: number[],
  note: (text: string) => string,
): Outcome {
  const r = claimVerdict({
    kind: claim.kind,
    value: claim.value!,
    tolerance: claim.tolerance,
    measured,
  });
  return {
    stats: {
      measuredMean: r.mean,
      measuredStd: Number.isFinite(r.std) ? r.std : null,
      ciLow: Number.isFinite(r.ci[0]) ? r.ci[0] : null,
      ciHigh: Number.isFinite(r.ci[1]) ? r.ci[1] : null,
      n: r.n,
    },
    verdict: r.verdict,
    reason: note(r.reason),
  };
}

/** Mean and spread of values no interval is judged on (checked elsewhere, or deterministic). */
function describe(xs: number[]): Stats {
  return {
    measuredMean: mean(xs),
    measuredStd: xs.length > 1 ? sampleStd(xs) : null,
    ciLow: null,
    ciHigh: null,
    n: xs.length,
  };
}

/** Why no run can speak to the claim, from what the runs recorded. */
export function noEvidence(runs: ClaimRun[]): string {
  if (runs.length === 0) return "no stored run of this declaration and profile";
  const first = runs.find((r) => r.status !== "ok") ?? runs[0];
  const what = first.status === "skipped"
    ? "skipped"
    : first.status === "unsupported"
    ? "unsupported on this backend"
    : first.status === "failed"
    ? "failed"
    : `${first.status} but recorded no value for this metric`;
  return `no usable run: ${describeRuns(runs)}; ${what}: ${first.reason ?? "no reason recorded"}`;
}

function describeRuns(runs: ClaimRun[]): string {
  const counts = new Map<string, number>();
  for (const r of runs) {
    const k = `${r.status} on ${r.backend}`;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return [...counts].map(([k, n]) => `${n} ${k}`).join(", ");
}

function fmt(v: number): string {
  return String(Number(v.toPrecision(6)));
}
