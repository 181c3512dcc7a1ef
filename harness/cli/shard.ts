/** `--shard i/N`, `--shard-group` and `--durations`: the part of a plan this process runs. */
import { UserError } from "../core/errors.ts";
import { backendLabel } from "../core/runtime.ts";
import { parseShard, type RunCost, type ShardRequest } from "../run/shard/mod.ts";
import { durationKey, storedDurations } from "../../results/mod.ts";

/** The shard flags' values as `parseFlags` gives them. */
export interface ShardFlags {
  shard?: string;
  "shard-group"?: string;
  durations?: string;
}

/**
 * The shard this command runs, or undefined when the plan runs whole. Costs come from the
 * stored durations of `--durations` where a run matches one, else from `estimate`.
 *
 * @example
 * ```ts
 * const shard = await shardRequest(values, benchRunSeconds);
 * ```
 */
export async function shardRequest(
  values: ShardFlags,
  estimate: RunCost,
): Promise<ShardRequest | undefined> {
  if (!values.shard) {
    for (const f of ["shard-group", "durations"] as const) {
      if (values[f] !== undefined) throw new UserError(`--${f} needs --shard i/N`);
    }
    return undefined;
  }
  const spec = parseShard(values.shard);
  let cost = estimate;
  if (values.durations) {
    const stored = await storedDurations(values.durations);
    cost = (run) =>
      stored.get(durationKey({
        experimentId: run.declared.experiment.id,
        declarationHash: run.declared.hash,
        backend: backendLabel(run.runtime, run.backend),
        profile: run.config.profile,
        seed: run.seed,
      })) ?? estimate(run);
  }
  return { ...spec, group: values["shard-group"] ?? null, cost };
}

/** The line a shard prints about its part. */
export function shardLine(shard: ShardRequest, runs: number): string {
  return `shard ${shard.index}/${shard.count}${
    shard.group ? ` (${shard.group})` : ""
  }: ${runs} runs of the plan; merge the shards' files with \`deno task merge\``;
}
