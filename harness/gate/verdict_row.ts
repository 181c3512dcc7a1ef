/** One line of the gate's report, with everything not given left empty. */
import type { VerdictRow } from "./types.ts";

/** The fields a verdict must state; the numbers default to "none". */
export type RowFields =
  & Partial<VerdictRow>
  & Pick<VerdictRow, "metric" | "kind" | "verdict" | "reason">;

/**
 * A verdict row of `experiment` on `backend`: values, change, interval and p null, no runs.
 *
 * @example
 * ```ts
 * verdictRow("mlp", "wasm", {
 *   metric: "runs", kind: "runs", verdict: "not_comparable", reason: "no ok runs",
 * }).n; // [0, 0]
 * ```
 */
export function verdictRow(experiment: string, backend: string, fields: RowFields): VerdictRow {
  return {
    experiment,
    backend,
    baseline: null,
    candidate: null,
    change: null,
    ci: null,
    p: null,
    n: [0, 0],
    ...fields,
  };
}
