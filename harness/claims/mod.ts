/**
 * Checking the articles' claims against stored runs: pure verdict rules (`judge.ts`), the
 * worked examples' quantities as claims, the check itself and the board.
 *
 * @example
 * ```ts
 * import { evaluateClaims } from "./mod.ts";
 * const result = await evaluateClaims({ db, profile: "quick", declared, run: true, progress, argv: [] });
 * ```
 *
 * @module
 */
export { judgeClaim, type JudgeContext, type JudgedClaim, noEvidence } from "./rules.ts";
export { metricValue, RUN_METRICS } from "./metrics.ts";
export { claimIdFor, SCRATCH_004_QUANTITIES, workedClaims } from "./worked.ts";
export { profileNote } from "./profile_note.ts";
export {
  bearsClaims,
  type ClaimsEvaluation,
  evaluateClaims,
  type EvaluatedExperiment,
  type EvaluateOptions,
  missingBackends,
} from "./evaluate.ts";
export { boardJson, boardText, measuredText, tally } from "./board.ts";
export { claimsJunit } from "./junit.ts";
