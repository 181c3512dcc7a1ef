/**
 * Which targets (experiment, backend) of a gate run get the next process pairs: only those
 * still undecided, fewest pairs first, within the time left. A target decided early (a quiet
 * MLP, or a large slowdown) stops costing time, and the pairs go where the uncertainty is.
 *
 * @module
 */
import type { SequentialDecision } from "./sequential_verdict.ts";

/** Where one target stands. */
export interface TargetState {
  id: string;
  decision: SequentialDecision;
  /** Process pairs timed so far. */
  pairs: number;
  /** Expected seconds of one more process pair (measured on the pairs so far, or planned). */
  costS: number;
  /** Pairs this target gets in one round while undecided (default 1). */
  perRound?: number;
}

/**
 * The ids to time next, one process pair each, in order: every target whose decision is
 * `continue`, fewest pairs first (ties: cheaper first, then input order), as long as the sum
 * of their costs fits `budgetLeftS`; a target that does not fit is skipped so a cheaper one
 * may still run. An empty list means nothing more fits or nothing is undecided: the caller
 * ends the run, and a target still at `continue` is reported inconclusive (time budget). A
 * target with `perRound` k > 1 is named k times: once in that order, then once more in each
 * further pass of the same order over the targets that get that many (a caller stops giving a
 * target pairs once one of them decides it).
 *
 * @example
 * ```ts
 * import { nextPairs } from "./allocate_pairs.ts";
 * nextPairs([
 *   { id: "cnn-cpu", decision: "continue", pairs: 4, costS: 25 },
 *   { id: "mlp-wasm", decision: "unchanged", pairs: 3, costS: 8 },
 *   { id: "cnn-wasm", decision: "continue", pairs: 4, costS: 15 },
 * ], 30); // ["cnn-wasm"]: 15 s fits, then 25 s no longer does
 * ```
 */
export function nextPairs(targets: readonly TargetState[], budgetLeftS: number): string[] {
  const open = targets
    .map((t, i) => ({ t, i }))
    .filter(({ t }) => t.decision === "continue")
    .sort((a, b) => a.t.pairs - b.t.pairs || a.t.costS - b.t.costS || a.i - b.i);
  const out: string[] = [];
  let left = budgetLeftS;
  for (const { t } of open) {
    if (!(t.costS >= 0)) throw new RangeError(`Cost of "${t.id}" must be >= 0, got ${t.costS}`);
    const per = t.perRound ?? 1;
    if (!(Number.isInteger(per) && per >= 1)) {
      throw new RangeError(`Pairs per round of "${t.id}" must be an integer >= 1, got ${per}`);
    }
  }
  const rounds = Math.max(1, ...open.map(({ t }) => t.perRound ?? 1));
  for (let k = 1; k <= rounds; k++) {
    for (const { t } of open) {
      if ((t.perRound ?? 1) < k || t.costS > left) continue;
      out.push(t.id);
      left -= t.costS;
    }
  }
  return out;
}
