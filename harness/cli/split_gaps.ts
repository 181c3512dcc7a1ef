/** Warnings about split plans (`--shard i/N`) that a store holds only in part. */
import { planGaps, splitPlans } from "../../results/queries/mod.ts";
import { withDb } from "../../results/mod.ts";

/**
 * Print on stderr one line per split plan in `db` that misses shards or runs, among the plans
 * that `relevant` keeps; returns the lines. A missing file has no gaps.
 *
 * @example
 * ```ts
 * await warnSplitGaps("merged.duckdb", (p) => p.profile === "full");
 * ```
 */
export async function warnSplitGaps(
  db: string,
  relevant: (p: { profile: string; shards: { suiteId: string }[] }) => boolean = () => true,
): Promise<string[]> {
  if (!await Deno.stat(db).then(() => true, () => false)) return [];
  const plans = await withDb(db, "read", (conn) => splitPlans(conn));
  const lines = plans.filter(relevant).map(planGaps).filter((g): g is string => g !== null);
  for (const line of lines) console.error(`warning: ${line}`);
  return lines;
}
