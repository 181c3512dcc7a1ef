/**
 * The stored-baseline mode's timing rows: per target, the candidate's fresh processes against
 * the stored baseline's processes, one throughput each (`storedBaselineVerdict`). A baseline file
 * of version 1 (one process per target) or timed with another protocol, fewer than 5
 * processes, or another machine is never judged regressed: inconclusive or not comparable,
 * with the reason.
 */
import {
  sessionRatio,
  STORED_BASELINE_DEFAULTS,
  storedBaselineVerdict,
} from "../../core/stats/mod.ts";
import { median, sampleStd } from "../../core/stats/mod.ts";
import type { RunData } from "../../../results/mod.ts";
import type { CalibrationSession } from "../../../results/calibrations.ts";
import { envDiff, fieldDiff } from "../env_diff.ts";
import { storedBaselineMethod, TRAINING_STATUS_METHOD } from "../methods.ts";
import type { PairedTarget } from "./paired_targets.ts";
import { GATE_TIMING_METRIC, type ProcessSpeed, processSpeeds } from "./processes.ts";
import type { VerdictRow } from "../types.ts";
import { type RowFields, verdictRow } from "../verdict_row.ts";
import type { Protocol } from "../../perf/mod.ts";
import { GATE_PROTOCOL } from "./timing_plan.ts";

/** The metric name of stored-baseline timing rows. */
export const STORED_METRIC = `${GATE_TIMING_METRIC} (per process)`;

/** What the stored mode knows of the baseline besides its runs. */
export interface StoredBaseline {
  runs: RunData[];
  /** A baseline file's format version (1: one timing process per target); null otherwise. */
  version: number | null;
  /** The protocol a baseline file's processes followed; null or absent when not recorded. */
  protocol?: Protocol | null;
}

/**
 * This machine's calibration for a target: σ of ln(per-process throughput) (the largest within a
 * session) and ρ = τ/σ, the drift between sessions, once 3 sessions are stored (fewer: the
 * rule's conservative default ρ = 1).
 *
 * @example
 * ```ts
 * storedCalibration([]); // {}
 * ```
 */
export function storedCalibration(
  sessions: readonly CalibrationSession[],
): { sigma?: number; sessionRatio?: number } {
  const usable = sessions.filter((s) => s.speeds.length >= 2).map((s) => s.speeds);
  if (usable.length === 0) return {};
  const sigma = Math.max(...usable.map((m) => sampleStd(m.map(Math.log))));
  return usable.length >= 3 ? { sigma, sessionRatio: sessionRatio(usable).ratio } : { sigma };
}

/** The machine the candidate times on: its fingerprint id and fields. */
export interface Machine {
  envId: string;
  env: Record<string, unknown>;
}

/**
 * The baseline's processes of `target` that a candidate on `here` can be judged against, or
 * why there are none worth timing a candidate for (a version-1 file, a file timed with
 * another protocol than `GATE_PROTOCOL`, another machine, fewer than the rule's minimum).
 */
export function judgeableBaseline(
  target: PairedTarget,
  baseline: StoredBaseline,
  here: Machine,
): {
  processes: ProcessSpeed[];
  verdict: "inconclusive" | "not_comparable" | null;
  reason: string;
} {
  if (baseline.version === 1) {
    return {
      processes: [],
      verdict: "inconclusive",
      reason: "the baseline file (version 1) has one timing process per target: re-record with " +
        "--record (5 processes per target)",
    };
  }
  const changed = baseline.protocol ? fieldDiff(baseline.protocol, GATE_PROTOCOL) : "";
  if (changed) {
    return {
      processes: [],
      verdict: "inconclusive",
      reason: `the baseline's processes were timed with another protocol (${changed}): ` +
        "re-record with --record",
    };
  }
  const all = processSpeeds(baseline.runs, target.experiment, target.backend);
  const same = all.filter((b) => b.envId === here.envId);
  if (all.length > 0 && same.length === 0) {
    return {
      processes: [],
      verdict: "not_comparable",
      reason: `timed on another machine or versions: ${envDiff(all[0].env, here.env)}`,
    };
  }
  const min = STORED_BASELINE_DEFAULTS.minBaseline;
  return same.length < min
    ? {
      processes: same,
      verdict: "inconclusive",
      reason: `the baseline has ${same.length} timing process${same.length === 1 ? "" : "es"} ` +
        `of this target; judging needs at least ${min} (record one with check --record)`,
    }
    : { processes: same, verdict: null, reason: "" };
}

/**
 * The timing row of one target: `candidate` holds its fresh processes (none when
 * {@linkcode judgeableBaseline} found nothing to judge against).
 *
 * @example
 * ```ts
 * const here = { envId: "e", env: {} };
 * storedRow({ experiment: "mlp", backend: "wasm" }, { runs: [], version: 1 }, [], [], here)
 *   .verdict; // "inconclusive"
 * ```
 */
export function storedRow(
  target: PairedTarget,
  baseline: StoredBaseline,
  candidate: readonly RunData[],
  sessions: readonly CalibrationSession[],
  here: Machine,
): VerdictRow {
  const { experiment, backend } = target;
  const method = storedBaselineMethod(
    STORED_BASELINE_DEFAULTS.alpha,
    STORED_BASELINE_DEFAULTS.floor,
  );
  const row = (fields: Omit<RowFields, "metric" | "kind">) =>
    verdictRow(experiment, backend, { metric: STORED_METRIC, kind: "timing", ...fields });
  const judgeable = judgeableBaseline(target, baseline, here);
  const base = judgeable.processes;
  if (judgeable.verdict) {
    return row({
      verdict: judgeable.verdict,
      method,
      n: [base.length, 0],
      reason: judgeable.reason,
    });
  }
  const mine = candidate.filter((r) =>
    r.suiteKind === "perf" && r.experimentId === experiment && r.backend === backend
  );
  const cand = processSpeeds(mine, experiment, backend)
    .filter((c) =>
      c.envId === here.envId && base.some((b) => b.declarationHash === c.declarationHash)
    );
  if (cand.length === 0) {
    // Timed at the baseline, and no process of the candidate timed: it stopped training.
    const lost = mine.find((r) => r.status !== "ok");
    return row({
      verdict: lost ? "regressed" : "not_comparable",
      method: lost ? TRAINING_STATUS_METHOD : method,
      n: [base.length, 0],
      reason: lost
        ? `the baseline timed ${base.length} processes; the candidate's ended ${lost.status}`
        : mine.length
        ? "the experiment's declaration changed"
        : "the candidate timed no process of this target",
    });
  }
  const v = storedBaselineVerdict({
    baseline: base.map((p) => p.imagesPerS),
    candidate: cand.map((p) => p.imagesPerS),
    higherIsBetter: true,
    ...storedCalibration(
      sessions.filter((s) =>
        s.envId === here.envId && s.backend === backend && s.experimentId === experiment
      ),
    ),
  });
  return row({
    verdict: v.verdict === "not comparable" ? "not_comparable" : v.verdict,
    baseline: median(base.map((p) => p.imagesPerS)),
    candidate: median(cand.map((p) => p.imagesPerS)),
    change: v.ratio,
    p: Number.isFinite(v.p) ? v.p : null,
    n: [base.length, cand.length],
    method,
    reason: v.reason,
  });
}
