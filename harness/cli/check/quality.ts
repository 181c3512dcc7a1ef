/**
 * `check --quality`: the gate's measured quality on this machine. With `--collect N`, time N
 * rounds of process pairs into the pool (resumable); without, score every method on the pool
 * by independent checks and print the rates with Wilson intervals (gate/METHOD.md).
 */
import { idMatcher } from "../../core/discover.ts";
import { UserError } from "../../core/errors.ts";
import { REPO_ROOT } from "../../core/paths.ts";
import { median } from "../../core/stats/mod.ts";
import { DEFAULT_GATE_BACKENDS, gateExperiments } from "../../gate/default_experiments.ts";
import { collectPool } from "../../gate/quality/mod.ts";
import {
  fixedSixChecks,
  type GateCheck,
  type ReplaySettings,
  sequentialChecks,
  storedChecks,
} from "../../gate/quality/mod.ts";
import {
  type LoadCondition,
  type PoolPair,
  poolStreams,
  readPool,
  truncatePool,
  type Variant,
  variantOf,
} from "../../gate/quality/mod.ts";
import { resolveConfig } from "../../core/config.ts";
import { qualityReport } from "../../gate/quality/mod.ts";
import { summarize, thetaDiagnostics } from "../../gate/quality/mod.ts";
import { intFlag } from "../args.ts";
import { EXIT } from "../exit.ts";
import { type CheckFlags, declarations } from "./context.ts";
import { QUALITY_DB } from "./flags.ts";
import { slowdownOf } from "../../perf/mod.ts";

/**
 * Seconds the default check spends before its pairs (accuracy runs of the default plan, 66 s
 * here, and the baseline's checkout): a replayed sequential check has the rest of the budget.
 */
export const BEFORE_PAIRS_S = 80;

/** `--slowdowns`: each entry as the perf command's `--injected-slowdown` reads it. */
function variants(list: string): Variant[] {
  return list.split(",").map((x) => {
    const { fraction, every } = slowdownOf(x.trim(), "--slowdowns");
    return { slowdown: fraction, every };
  });
}

/** Collect, or score the pool. */
export async function qualityMode(flags: CheckFlags, args: string[]): Promise<number> {
  const log = (line: string) => flags.quiet || console.error(line);
  if (flags.collect !== undefined) {
    if (flags.windows !== undefined) {
      throw new UserError("--windows re-scores a pool; --collect times full processes (drop one)");
    }
    if (flags.load !== "quiet" && flags.load !== "loaded") {
      throw new UserError(`--load must be quiet or loaded, got "${flags.load}"`);
    }
    // Its own database unless one is named: these runs must never become a "latest" baseline.
    const db = args.some((a) => a === "--db" || a.startsWith("--db=")) ? flags.db : QUALITY_DB;
    const declared = await declarations(flags.experiments);
    const chosen = gateExperiments(declared, flags.experiment);
    const backends = flags.backend?.split(",") ?? [...DEFAULT_GATE_BACKENDS];
    const targets = chosen.flatMap((d) =>
      backends.map((backend) => ({ experiment: d.experiment.id, backend }))
    );
    const added = await collectPool({
      targets,
      variants: variants(flags.slowdowns),
      rounds: intFlag("collect", flags.collect),
      load: flags.load as LoadCondition,
      pool: flags.pool,
      root: REPO_ROOT,
      db,
      experiments: flags.experiments,
      log,
    });
    console.log(`added ${added.length} process pairs to ${flags.pool}`);
    return EXIT.ok;
  }
  return await scorePool(flags);
}

/** `pool` cut to `--windows` window pairs per process, batch sizes from the declarations. */
async function truncated(pool: PoolPair[], flags: CheckFlags): Promise<PoolPair[]> {
  const windows = intFlag("windows", flags.windows!);
  const declared = await declarations(flags.experiments);
  const batchSizeOf = (id: string) => {
    const d = declared.find((x) => x.experiment.id === id);
    return d ? resolveConfig(d.experiment, "quick").training?.batchSize ?? null : null;
  };
  return truncatePool(pool, windows, batchSizeOf);
}

/** Every method's checks of every (slowdown, load) in the pool, and the report. */
async function scorePool(flags: CheckFlags): Promise<number> {
  const read = (await readPool(flags.pool)).filter((p) =>
    (!flags.experiment || idMatcher(flags.experiment)(p.experiment)) &&
    (!flags.backend || flags.backend.split(",").includes(p.backend))
  );
  if (read.length === 0) {
    throw new UserError(`No process pairs in ${flags.pool}: add some with --quality --collect N`);
  }
  const pool = flags.windows === undefined ? read : await truncated(read, flags);
  const streams = poolStreams(pool);
  const seen = new Map(pool.map((p) => [JSON.stringify([p.experiment, p.backend]), p]));
  const targets = [...seen.values()].map((p) => ({ experiment: p.experiment, backend: p.backend }));
  const kinds = [
    ...new Map(pool.map((p) => [`${p.load}/${p.slowdown}/${p.every ?? 1}`, p])).values(),
  ].map((p) => ({ load: p.load, ...variantOf(p) }))
    .sort((a, b) => a.load.localeCompare(b.load) || a.slowdown - b.slowdown || a.every - b.every);
  const budgetS = intFlag("time-budget", flags["time-budget"]) - BEFORE_PAIRS_S;
  const checks: GateCheck[][] = [];
  for (const v of kinds) {
    const s: ReplaySettings = { targets, ...v, budgetS };
    checks.push(
      await sequentialChecks(streams, s),
      fixedSixChecks(streams, s),
      storedChecks(streams, s),
    );
  }
  const summaries = checks.filter((c) => c.length > 0).map(summarize)
    .sort((a, b) =>
      a.method.localeCompare(b.method) || a.load.localeCompare(b.load) ||
      a.slowdown - b.slowdown || a.every - b.every
    );
  const roundS = targets.reduce(
    (sum, t) =>
      sum + median(
        pool.filter((p) => p.experiment === t.experiment && p.backend === t.backend)
          .map((p) => p.costS),
      ),
    0,
  );
  if (flags.json) {
    const diagnostics = [...streams.values()].filter((s) => s[0].slowdown === 0 && s.length >= 3)
      .map((s) => ({
        experiment: s[0].experiment,
        backend: s[0].backend,
        load: s[0].load,
        ...thetaDiagnostics(s),
      }));
    console.log(
      JSON.stringify(
        { pool: flags.pool, pairs: pool.length, budgetS, summaries, diagnostics },
        null,
        2,
      ),
    );
  } else {
    console.log(
      qualityReport(summaries, streams, { pool: flags.pool, pairs: pool.length, budgetS, roundS }),
    );
  }
  return EXIT.ok;
}
