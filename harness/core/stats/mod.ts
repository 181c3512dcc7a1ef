/**
 * Statistics and verdicts of the regression gate: pure functions from numbers to verdicts,
 * no I/O. The rules and the simulation behind the defaults are in `RULES.md`.
 *
 * @example
 * ```ts
 * import { timingVerdict } from "./mod.ts";
 * const base = [100, 101, 99, 102, 100, 98, 101, 100, 99, 103];
 * timingVerdict({ baseline: base, candidate: base, higherIsBetter: false }).verdict;
 * // "unchanged"
 * ```
 *
 * @module
 */
export { harmonicMean, mad, mean, median, quantile, sampleStd } from "./descriptive.ts";
export { normalCdf, tCdf, tQuantile } from "./student_t.ts";
export { type MeanCI, meanCI } from "./mean_ci.ts";
export { EXACT_MAX_PAIRS, mannWhitney, type MannWhitneyResult } from "./mann_whitney.ts";
export { type BootstrapOptions, bootstrapRatioCI, DEFAULT_BOOTSTRAP_SEED } from "./bootstrap.ts";
export {
  TIMING_DEFAULTS,
  type TimingVerdict,
  timingVerdict,
  type TimingVerdictInput,
  type TimingVerdictResult,
} from "./timing_verdict.ts";
export {
  type ClusteredTimingInput,
  clusteredTimingVerdict,
  type PairedTimingInput,
  pairedTimingVerdict,
} from "./paired_timing_verdict.ts";
export {
  type HodgesLehmann,
  hodgesLehmann,
  signedRank,
  type SignedRankResult,
} from "./signed_rank.ts";
export {
  type AAPair,
  calibrateMargin,
  type CalibrateOptions,
  type Calibration,
} from "./calibrate_margin.ts";
export {
  accuracyVerdict,
  type AccuracyVerdictInput,
  type AccuracyVerdictResult,
} from "./accuracy_verdict.ts";
export {
  type ClaimInput,
  type ClaimKind,
  claimVerdict,
  type ClaimVerdictResult,
} from "./claim_verdict.ts";
export {
  type ReproducibilityResult,
  reproducibilityVerdict,
  type RunFingerprint,
} from "./reproducibility_verdict.ts";
export {
  designSequential,
  type LookSchedule,
  minPValues,
  nominalLevel,
  nominalLevels,
  type SequentialDesign,
  type SequentialSpec,
} from "./sequential_design.ts";
export {
  pairWindowNoise,
  processPairTheta,
  type SequentialDecision,
  type SequentialResult,
  sequentialVerdict,
} from "./sequential_verdict.ts";
export { DEFAULT_SEQUENTIAL_DESIGN, DEFAULT_SEQUENTIAL_SPEC } from "./sequential_defaults.ts";
export { nextPairs, type TargetState } from "./allocate_pairs.ts";
export {
  DEFAULT_SUITE_SPEC,
  type SuiteResult,
  type SuiteSpec,
  type SuiteTarget,
  suiteVerdict,
} from "./suite_verdict.ts";
export { type SuiteGroup, suiteGroups } from "./suite_groups.ts";
export {
  STORED_BASELINE_DEFAULTS,
  type StoredBaselineInput,
  type StoredBaselineResult,
  storedBaselineVerdict,
} from "./stored_baseline_verdict.ts";
export { sessionRatio, type SessionSpread } from "./session_ratio.ts";
