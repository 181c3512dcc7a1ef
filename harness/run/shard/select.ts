/** A shard's part of a plan, and what its suite records about the plan. */
import type { SuitePlan } from "../../../results/mod.ts";
import type { PlannedRun } from "../plan.ts";
import { runKey } from "./key.ts";
import { planHash } from "./plan_hash.ts";
import { assignShards } from "./split.ts";
import type { ShardSpec } from "./spec.ts";

/** An estimated cost per run, in seconds; the same for every shard of a plan. */
export type RunCost = (run: PlannedRun<string>) => number;

/** How a command asks for its part of a plan. */
export interface ShardRequest extends ShardSpec {
  /** The engine's id of this split, when several splits of one plan may meet in a store. */
  group: string | null;
  cost: RunCost;
}

/** A plan cut to one shard's runs (in plan order), and the record its suite stores. */
export interface ShardedPlan<B extends string> {
  plan: PlannedRun<B>[];
  record: SuitePlan;
}

/**
 * The runs of `plan` that shard `req.index` of `req.count` runs, in plan order. Every shard
 * computes the same partition from the same plan and cost table, so the shards together run
 * the plan exactly once.
 *
 * @example
 * ```ts
 * const { plan: mine, record } = await shardPlan(plan, { index: 1, count: 3, group: null, cost });
 * ```
 */
export async function shardPlan<B extends string>(
  plan: readonly PlannedRun<B>[],
  req: ShardRequest,
): Promise<ShardedPlan<B>> {
  const keys = plan.map(runKey);
  const costs = plan.map((r) => req.cost(r));
  const bad = costs.findIndex((c) => !Number.isFinite(c) || c < 0);
  if (bad >= 0) throw new RangeError(`Cannot split: run "${keys[bad]}" costs ${costs[bad]}`);
  const shardOf = assignShards(keys, costs, req.count);
  const mine = plan.filter((_, i) => shardOf[i] === req.index - 1);
  return {
    plan: mine,
    record: {
      hash: await hashOf(plan, keys, costs),
      runs: plan.length,
      shard: {
        index: req.index,
        count: req.count,
        group: req.group,
        keys: keys.filter((_, i) => shardOf[i] === req.index - 1),
      },
    },
  };
}

/** The record of a plan run whole (no shard): its hash over the runs alone, and its size. */
export async function wholePlan(plan: readonly PlannedRun<string>[]): Promise<SuitePlan> {
  return { hash: await hashOf(plan, plan.map(runKey), null), runs: plan.length, shard: null };
}

function hashOf(
  plan: readonly PlannedRun<string>[],
  keys: string[],
  costs: number[] | null,
): Promise<string> {
  return planHash(plan.map((r, i) => ({
    key: keys[i],
    declarationHash: r.declared.hash,
    profile: r.config.profile,
    cost: costs ? costs[i] : null,
  })));
}
