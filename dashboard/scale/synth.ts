/**
 * Generate a synthetic results database for the dashboard's scale benchmark: many runs with
 * realistic columns, epochs and raw measurements. Writes through DuckDB's Appender (no SQL),
 * into a fresh file migrated by `results/db.ts`.
 *
 * @example
 * ```sh
 * deno run -A dashboard/scale/synth.ts --db .out/synth.duckdb --runs 100000 --epochs 50
 * deno run -A dashboard/scale/synth.ts --db .out/shards/7.duckdb --shard 7/50   # one shard file
 * ```
 */
import { parseArgs } from "node:util";
import { withDb } from "../../results/db.ts";
import { Rng } from "../../harness/core/rng.ts";
import {
  environment,
  epochRows,
  hex,
  KINDS,
  MACHINES,
  measurementRows,
  put,
  type RunDraw,
  runRow,
  RUNS_PER_SUITE,
  suiteRow,
  T0,
} from "./_rows.ts";

/** Where synth.ts writes, and latency.ts reads, unless told otherwise. */
export const SYNTH_DB = ".out/synth.duckdb";

/** The scale tools' flags, all strings: `--db` (default {@link SYNTH_DB}) and the tool's own. */
export function scaleFlags<K extends string>(
  defaults: Record<K, string>,
): Record<K | "db", string> {
  const all: Record<string, string> = { db: SYNTH_DB, ...defaults };
  const options = Object.fromEntries(
    Object.entries(all).map(([k, v]) => [k, { type: "string" as const, default: v }]),
  );
  return parseArgs({ args: Deno.args, strict: true, options }).values as Record<K | "db", string>;
}

const BACKENDS = ["cpu", "wasm", "webgpu"];
const EXPERIMENTS = Array.from({ length: 24 }, (_, i) => `exp-${String(i).padStart(3, "0")}`);
const COMMITS = (() => {
  const rng = new Rng(20240601);
  return Array.from({ length: 400 }, () => hex(rng, 40));
})();

/** Run `r` of `runs`: its own generator (so a shard file draws only its own runs), its draw. */
function drawRun(r: number, runs: number, epochs: number): { d: RunDraw; rng: Rng; plan: number } {
  const rng = new Rng(20240601 + r);
  const plan = Math.floor((r / runs) * COMMITS.length);
  const exp = EXPERIMENTS[Math.floor(rng.next() * EXPERIMENTS.length)];
  const backend = BACKENDS[r % 3];
  const status = rng.next() < 0.9 ? "ok" : rng.next() < 0.5 ? "failed" : "unsupported";
  const speed = (backend === "cpu" ? 900 : backend === "wasm" ? 3000 : 5000) *
    (0.9 + 0.2 * rng.next());
  const runId = `${hex(rng, 8)}-${exp}-${backend}`;
  const suite = Math.floor(r / RUNS_PER_SUITE);
  const d: RunDraw = {
    r,
    runId,
    suite,
    envId: "env-synthetic",
    commit: COMMITS[plan],
    exp,
    backend,
    status,
    speed,
    epochs,
  };
  return { d, rng, plan };
}

/**
 * Fill `path` (which must not exist) with `runs` runs of `epochs` epochs each; with `shard`,
 * only shard `index` (1-based) of `count`: each commit's runs are one plan, run r in shard
 * r mod count + 1, one suite per plan and shard, on machine (index - 1) mod 5.
 */
export async function synthesize(
  path: string,
  runs: number,
  epochs: number,
  shard?: { index: number; count: number },
): Promise<void> {
  const mine = (r: number) => !shard || r % shard.count === shard.index - 1;
  const machine = shard ? (shard.index - 1) % MACHINES : null;
  const envRow = environment(machine);
  // Per plan: its size, and this shard's run keys (a pass over the draws, no rows).
  const planRuns = new Map<number, number>(), keys = new Map<number, string[]>();
  if (shard) {
    for (let r = 0; r < runs; r++) {
      const { d, plan } = drawRun(r, runs, epochs);
      planRuns.set(plan, (planRuns.get(plan) ?? 0) + 1);
      if (mine(r)) keys.set(plan, [...keys.get(plan) ?? [], `${d.exp}/${d.backend}/${r % 5}`]);
    }
  }
  await withDb(path, "write", async (conn) => {
    const env = await conn.createAppender("environments");
    put(env, KINDS.environments, envRow);
    env.closeSync();
    const app = {
      suites: await conn.createAppender("suites"),
      runs: await conn.createAppender("runs"),
      epochs: await conn.createAppender("epochs"),
      measurements: await conn.createAppender("measurements"),
    };
    const started = new Set<string | number>();
    for (let r = 0; r < runs; r++) {
      if (!mine(r)) continue;
      const { d, rng, plan } = drawRun(r, runs, epochs);
      if (shard) {
        d.suite = `suite-plan${plan}-shard${shard.index}of${shard.count}`;
        d.envId = String(envRow.env_id);
      }
      if (!started.has(d.suite)) {
        started.add(d.suite);
        const of = shard && {
          ...shard,
          plan,
          planRuns: planRuns.get(plan)!,
          keys: keys.get(plan)!,
          envId: d.envId,
        };
        put(app.suites, KINDS.suites, suiteRow(d.suite, d.commit, T0 + r * 60_000, of));
      }
      put(app.runs, KINDS.runs, runRow(d, rng));
      if (d.status !== "ok") continue;
      for (const row of epochRows(d, rng)) put(app.epochs, KINDS.epochs, row);
      for (const row of measurementRows(d, rng)) put(app.measurements, KINDS.measurements, row);
      if (r % 10_000 === 9_999) console.error(`${r + 1} runs`);
    }
    for (const a of Object.values(app)) a.closeSync();
  });
}

if (import.meta.main) {
  const values = scaleFlags({ runs: "100000", epochs: "50", shard: "" });
  const shard = values.shard
    ? { index: Number(values.shard.split("/")[0]), count: Number(values.shard.split("/")[1]) }
    : undefined;
  await Deno.remove(values.db, { recursive: true }).catch(() => {});
  await Deno.remove(`${values.db}.wal`).catch(() => {});
  const t = performance.now();
  await synthesize(values.db, Number(values.runs), Number(values.epochs), shard);
  console.log(
    `${values.db}: ${values.runs} runs x ${values.epochs} epochs in ${
      ((performance.now() - t) / 1000).toFixed(1)
    } s`,
  );
}
