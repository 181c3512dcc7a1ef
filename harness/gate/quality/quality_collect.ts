/**
 * `check --quality --collect N`: time N rounds of process pairs into the pool
 * (`quality_pool.ts`). A round times one pair per (target, variant), in an order rotated every
 * round so drift spreads evenly; a variant is a slowdown of the candidate (0: A/A), done as
 * real extra work after every training step, or sparse after every K-th (`perf/extra_work.ts`).
 * Which process starts first alternates within each stream, and, as in the live gate, a
 * stream's pairs after its first time the steps per window the first planned. With
 * `load: "loaded"` a bounded CPU hog (`cpu_hog.ts`) runs beside the pairs, started here and
 * always stopped.
 */
import { fileURLToPath } from "node:url";
import { harmonicMean, processPairTheta } from "../../core/stats/mod.ts";
import { gitState } from "../../run/provenance.ts";
import { slowdownText } from "../../perf/mod.ts";
import { pairedTiming } from "../timing/mod.ts";
import type { PairedTarget } from "../timing/mod.ts";
import {
  appendPool,
  type LoadCondition,
  type PoolPair,
  poolStreams,
  readPool,
  streamKey,
  type Variant,
  variantLabel,
} from "./quality_pool.ts";

/** What a collection times. */
export interface CollectOptions {
  targets: PairedTarget[];
  /** Candidate slowdowns, 0 for A/A. */
  variants: Variant[];
  rounds: number;
  load: LoadCondition;
  pool: string;
  /** The tree both sides run (this one). */
  root: string;
  db: string;
  experiments?: string;
  /** Busy share of the hog's every 100 ms (loaded only). */
  hogDuty?: number;
  log: (line: string) => void;
}

/** Start the hog; the returned function stops it (and waits for it). */
function startHog(duty: number, maxS: number): () => Promise<void> {
  // The hog beside this module, wherever the tree is: a wrong path would be no load at all.
  const hog = fileURLToPath(new URL("./cpu_hog.ts", import.meta.url));
  const proc = new Deno.Command(Deno.execPath(), {
    args: ["run", "-q", hog, String(duty), String(maxS)],
    stdin: "piped",
    stdout: "null",
    stderr: "inherit",
  }).spawn();
  return async () => {
    await proc.stdin.close().catch(() => {});
    try {
      proc.kill("SIGTERM");
    } catch {
      // already gone
    }
    await proc.status;
  };
}

/** Time `rounds` rounds into the pool; returns the pairs added. */
export async function collectPool(opts: CollectOptions): Promise<PoolPair[]> {
  const streams = poolStreams(await readPool(opts.pool));
  const cells = opts.targets.flatMap((t) => opts.variants.map((v) => ({ ...t, ...v })));
  const commit = (await gitState()).commit;
  // Bounded twice: stopped in `finally`, and by itself after a generous 40 s per pair.
  const stopHog = opts.load === "loaded"
    ? startHog(opts.hogDuty ?? 0.5, 40 * cells.length * opts.rounds + 60)
    : null;
  const added: PoolPair[] = [];
  const t0 = performance.now();
  try {
    for (let round = 0; round < opts.rounds; round++) {
      const order = cells.map((_, i) => cells[(i + round) % cells.length]);
      for (const cell of order) {
        const key = streamKey({ ...cell, load: opts.load });
        const seen = streams.get(key) ?? streams.set(key, []).get(key)!;
        // As the live gate does, a stream's later pairs time the steps per window its first planned.
        const batches = seen.find((p) => p.batches !== null)?.batches ?? null;
        const pair = await timePair(opts, cell, {
          first: seen.length % 2 === 0 ? "a" : "b",
          batches,
          commit,
        });
        seen.push(pair);
        added.push(pair);
        await appendPool(opts.pool, pair);
        const spent = (performance.now() - t0) / 1000, total = cells.length * opts.rounds;
        opts.log(
          `[${added.length}/${total}] ${cell.experiment} ${cell.backend} ${
            cell.slowdown ? variantLabel(cell) : "A/A"
          } ${opts.load}: θ ${pair.theta.toFixed(4)}, ${pair.pairs.length} window pairs, ` +
            `${pair.costS.toFixed(1)} s, load ${pair.loadavg[0].toFixed(2)} (ETA ${
              Math.round((spent / added.length) * (total - added.length))
            } s)`,
        );
      }
    }
  } finally {
    await stopHog?.();
  }
  return added;
}

/** One process pair of a cell, as a pool line; a side that did not time is an error. */
async function timePair(
  opts: CollectOptions,
  cell: PairedTarget & Variant,
  { first, batches, commit }: { first: "a" | "b"; batches: number | null; commit: string | null },
): Promise<PoolPair> {
  const loadavg = Deno.loadavg();
  const started = performance.now();
  const plain = { root: opts.root, db: opts.db, slowdown: "0" };
  const r = await pairedTiming({
    experiment: cell.experiment,
    backend: cell.backend,
    experiments: opts.experiments,
    a: plain,
    b: { ...plain, slowdown: slowdownText({ fraction: cell.slowdown, every: cell.every }) },
    first,
    batches,
  });
  const costS = (performance.now() - started) / 1000;
  for (const [side, what] of [[r.a, "baseline"], [r.b, "candidate"]] as const) {
    if (side.status !== "ok" || r.pairs.length === 0) {
      throw new Error(
        `${cell.experiment} on ${cell.backend} (${what}) did not time: ${side.status} ${
          side.reason ?? ""
        }`,
      );
    }
  }
  return {
    experiment: cell.experiment,
    backend: cell.backend,
    slowdown: cell.slowdown,
    ...(cell.every > 1 ? { every: cell.every } : {}),
    load: opts.load,
    first,
    theta: processPairTheta(r.pairs, true),
    pairs: r.pairs,
    aSpeed: harmonicMean(r.a.windows),
    bSpeed: harmonicMean(r.b.windows),
    batches: r.batches,
    batchSize: r.a.batchSize ?? r.b.batchSize,
    costS,
    loadavg,
    at: new Date().toISOString(),
    commit,
  };
}
