/**
 * Splitting a plan over machines (`--shard i/N`): every shard computes the same partition of
 * the same plan, balanced by estimated cost, and records its part with the plan's hash.
 *
 * @module
 */
export { parseShard, type ShardSpec } from "./spec.ts";
export { runKey } from "./key.ts";
export { assignShards } from "./split.ts";
export { type HashedRun, planHash } from "./plan_hash.ts";
export {
  type RunCost,
  type ShardedPlan,
  shardPlan,
  type ShardRequest,
  wholePlan,
} from "./select.ts";
