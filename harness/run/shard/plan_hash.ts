/** The hash that names a plan, so shards of one plan are recognised and of two, told apart. */
import { hashJson } from "../../core/hash.ts";

/** One run as the plan's hash covers it. */
export interface HashedRun {
  key: string;
  /** The declaration's hash: a changed experiment is another plan. */
  declarationHash: string;
  profile: string;
  /** The estimated cost the split used (null where the plan is not split). */
  cost: number | null;
}

/**
 * SHA-256 of the plan's runs in plan order, with the costs the split used: two shards share
 * a hash only if they split the same runs by the same cost table, so they partition one plan.
 *
 * @example
 * ```ts
 * await planHash([{ key: "mlp/cpu/1", declarationHash: "ab", profile: "quick", cost: 2 }]);
 * ```
 */
export function planHash(runs: HashedRun[]): Promise<string> {
  return hashJson({
    format: "reprobench-plan/1",
    runs: runs.map((r) => [r.key, r.declarationHash, r.profile, r.cost]),
  });
}
