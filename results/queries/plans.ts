/**
 * Split plans: the suites that ran shards of one plan (`--shard i/N`, migration 6), as one
 * logical suite each, with their shards and what is missing. Shards belong together when they
 * share the plan's hash (same runs, same cost table), the split's group and N.
 */
import { type Connection, rows } from "../db.ts";
import { backendLabelSql } from "../backend_label.ts";

/** One shard's suite. */
export interface ShardRow {
  index: number;
  suiteId: string;
  status: string;
  envId: string | null;
  hostname: string | null;
  cpuModel: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  /** Runs the shard planned and runs it recorded finished (not running or interrupted). */
  planned: number;
  recorded: number;
  ok: number;
}

/** One split plan, as one logical suite. */
export interface SplitPlan {
  planHash: string;
  group: string | null;
  kind: string;
  profile: string;
  count: number;
  /** Runs in the whole plan. */
  planRuns: number;
  shards: ShardRow[];
  /** Shard numbers (1-based) no store here holds. */
  missingShards: number[];
  /** Shard numbers held by more than one suite (each ran; all are kept). */
  repeatedShards: number[];
  /** Planned runs of present shards with no finished run, and the first few of their keys. */
  missingRuns: number;
  missingRunKeys: string[];
  startedAt: string | null;
}

/** Listed keys of missing runs per plan. */
const LISTED = 10;

/**
 * Every split plan in the store, newest first (at most `limit`).
 *
 * @example
 * ```ts
 * for (const p of await splitPlans(conn)) console.log(p.planHash, p.missingShards);
 * ```
 */
export async function splitPlans(conn: Connection, limit = 200): Promise<SplitPlan[]> {
  const shards = await rows(
    conn,
    `WITH s AS (
       SELECT * FROM suites WHERE shard_count IS NOT NULL AND plan_hash IS NOT NULL),
     planned AS (
       SELECT s.suite_id, unnest(CAST(s.shard_keys AS VARCHAR[])) AS key FROM s),
     done AS (
       SELECT r.suite_id, r.experiment_id || '/' || ${backendLabelSql("r")} || '/' || r.seed AS key,
         bool_or(r.status = 'ok') AS ok
       FROM runs r JOIN s USING (suite_id)
       WHERE r.status NOT IN ('running', 'interrupted') GROUP BY ALL),
     counts AS (
       SELECT p.suite_id, count(*) AS planned, count(d.key) AS recorded,
         count_if(d.ok) AS ok,
         list(p.key ORDER BY p.key) FILTER (WHERE d.key IS NULL) AS missing
       FROM planned p LEFT JOIN done d USING (suite_id, key) GROUP BY p.suite_id)
     SELECT s.plan_hash, s.shard_group, s.shard_count, s.shard_index, s.kind, s.profile,
       s.plan_runs, s.suite_id, s.status, s.env_id, s.hostname, e.cpu_model,
       CAST(s.started_at AS VARCHAR) AS started_at, CAST(s.finished_at AS VARCHAR) AS finished_at,
       coalesce(c.planned, 0) AS planned, coalesce(c.recorded, 0) AS recorded,
       coalesce(c.ok, 0) AS ok, c.missing
     FROM s LEFT JOIN counts c USING (suite_id) LEFT JOIN environments e USING (env_id)
     ORDER BY s.plan_hash, s.shard_group, s.shard_count, s.shard_index, s.started_at`,
  );
  const plans = new Map<string, SplitPlan>();
  for (const r of shards) {
    const id = `${r.plan_hash}\u0000${r.shard_group ?? ""}\u0000${r.shard_count}`;
    const plan = plans.get(id) ?? {
      planHash: String(r.plan_hash),
      group: r.shard_group === null ? null : String(r.shard_group),
      kind: String(r.kind),
      profile: String(r.profile),
      count: Number(r.shard_count),
      planRuns: Number(r.plan_runs ?? 0),
      shards: [],
      missingShards: [],
      repeatedShards: [],
      missingRuns: 0,
      missingRunKeys: [],
      startedAt: null,
    };
    plans.set(id, plan);
    const missing = (r.missing as string[] | null) ?? [];
    plan.missingRuns += missing.length;
    plan.missingRunKeys.push(...missing.slice(0, LISTED - plan.missingRunKeys.length));
    const started = r.started_at === null ? null : String(r.started_at);
    if (started && (!plan.startedAt || started < plan.startedAt)) plan.startedAt = started;
    plan.shards.push({
      index: Number(r.shard_index),
      suiteId: String(r.suite_id),
      status: String(r.status),
      envId: r.env_id === null ? null : String(r.env_id),
      hostname: r.hostname === null ? null : String(r.hostname),
      cpuModel: r.cpu_model === null ? null : String(r.cpu_model),
      startedAt: started,
      finishedAt: r.finished_at === null ? null : String(r.finished_at),
      planned: Number(r.planned),
      recorded: Number(r.recorded),
      ok: Number(r.ok),
    });
  }
  for (const p of plans.values()) {
    const seen = p.shards.map((s) => s.index);
    for (let i = 1; i <= p.count; i++) {
      const n = seen.filter((x) => x === i).length;
      if (n === 0) p.missingShards.push(i);
      if (n > 1) p.repeatedShards.push(i);
    }
  }
  return [...plans.values()]
    .sort((a, b) => (b.startedAt ?? "").localeCompare(a.startedAt ?? ""))
    .slice(0, limit);
}

/** One line naming what a split plan lacks, or null when it is complete. */
export function planGaps(p: SplitPlan): string | null {
  const parts: string[] = [];
  if (p.missingShards.length > 0) {
    parts.push(
      `missing shard${p.missingShards.length > 1 ? "s" : ""} ${
        p.missingShards.map((i) => `${i}/${p.count}`).join(", ")
      }`,
    );
  }
  if (p.missingRuns > 0) {
    parts.push(
      `${p.missingRuns} planned run${
        p.missingRuns > 1 ? "s" : ""
      } of present shards not recorded (${p.missingRunKeys.join(", ")}${
        p.missingRuns > p.missingRunKeys.length ? ", ..." : ""
      })`,
    );
  }
  if (parts.length === 0) return null;
  return `split ${p.kind} plan ${p.planHash.slice(0, 12)}${
    p.group ? ` (${p.group})` : ""
  }, profile ${p.profile}: ${parts.join("; ")}`;
}

/**
 * `suiteIds` with, for each shard among them, the other shards of its split plan: a shard
 * alone holds part of a plan's runs, so whoever picks a shard's suite gets the whole plan.
 *
 * @example
 * ```ts
 * await withSiblingShards(conn, ["suite-of-shard-1"]); // every shard's suite of that plan
 * ```
 */
export async function withSiblingShards(conn: Connection, suiteIds: string[]): Promise<string[]> {
  if (suiteIds.length === 0) return suiteIds;
  const r = await rows(
    conn,
    `SELECT o.suite_id FROM suites s JOIN suites o
       ON o.plan_hash = s.plan_hash AND o.shard_count = s.shard_count
       AND o.shard_group IS NOT DISTINCT FROM s.shard_group
     WHERE s.shard_count IS NOT NULL AND list_contains(?::VARCHAR[], s.suite_id)
     ORDER BY o.started_at`,
    [JSON.stringify(suiteIds)],
  );
  const more = r.map((x) => String(x.suite_id)).filter((id) => !suiteIds.includes(id));
  return [...suiteIds, ...new Set(more)];
}
