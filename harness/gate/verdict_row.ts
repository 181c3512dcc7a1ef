/** One line of the gate's report, with everything not given left empty. */
import type { VerdictRow } from "./types.ts";

/** The fields a verdict must state; the numbers default to "none". */
export type RowFields =
  & Partial<VerdictRow>
  & Pick<VerdictRow, "metric" | "kind" | "verdict" | "reason" | "method">;

/** The numbers of a verdict that judged nothing: no values, change, interval, p or runs. */
export function noNumbers(): Pick<
  VerdictRow,
  "baseline" | "candidate" | "change" | "ci" | "p" | "n"
> {
  return { baseline: null, candidate: null, change: null, ci: null, p: null, n: [0, 0] };
}

/**
 * A verdict row of `experiment` on `backend`: values, change, interval and p null, no runs.
 *
 * @example
 * ```ts
 * import { LIKE_WITH_LIKE_METHOD } from "./methods.ts";
 * verdictRow("mlp", "wasm", {
 *   metric: "runs", kind: "runs", verdict: "not_comparable", reason: "no ok runs",
 *   method: LIKE_WITH_LIKE_METHOD,
 * }).n; // [0, 0]
 * ```
 */
export function verdictRow(experiment: string, backend: string, fields: RowFields): VerdictRow {
  return { experiment, backend, ...noNumbers(), ...fields };
}
