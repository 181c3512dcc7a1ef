/**
 * The pool of `check --quality`: process pairs collected once (A/A, and A against A slowed
 * by known extra work), one JSON line each, then consumed by independent gate checks in
 * collection order, no pair used twice (`quality_checks.ts`). Collecting is resumable: every
 * pair is appended as soon as it is timed, and a later `--collect` goes on from the counts
 * in the file. Pure but for reading and appending the file.
 */
import { UserError } from "../../core/errors.ts";
import { harmonicMean, processPairTheta } from "../../core/stats/mod.ts";

/** Where `--quality` keeps its pool unless told (`--pool`). */
export const QUALITY_POOL = "results/gate_quality_pool.jsonl";

/** The machine's condition while a pair was timed. */
export type LoadCondition = "quiet" | "loaded";

/** One process pair of the pool: baseline (a) unchanged, candidate (b) maybe slowed. */
export interface PoolPair {
  experiment: string;
  backend: string;
  /** The candidate's extra work as a fraction of its step time; 0 for A/A. */
  slowdown: number;
  /** The extra work came after every `every`-th step, `every` times as much (absent: 1). */
  every?: number;
  load: LoadCondition;
  /** Which process started (and took its first window) first. */
  first: "a" | "b";
  /**
   * ln(candidate speed / baseline speed) of the pair (`processPairTheta`). Read from a file it
   * is recomputed from `pairs`, so a pool timed when θ was another estimate scores as today.
   */
  theta: number;
  /** [baseline, candidate] images/s of each window pair. */
  pairs: [number, number][];
  /**
   * Each process's throughput over its windows (images/s): each process stands alone in the
   * stored path. Recomputed from `pairs` when read, as θ is.
   */
  aSpeed: number;
  bSpeed: number;
  /** Steps per window both sides timed (null if they planned apart). */
  batches: number | null;
  /** Images per step (absent in pools collected before it was recorded). */
  batchSize?: number | null;
  /** Wall seconds the pair took, start-up to exit of both processes. */
  costS: number;
  /** 1, 5 and 15 minute load averages before the pair (the hog's own load included). */
  loadavg: number[];
  /** When it was timed (ISO 8601) and on which commit of the code. */
  at: string;
  commit: string | null;
}

/**
 * θ and the per-process throughputs of `p` from its window pairs, as today's gate computes
 * them (pools written before c0e44a8 hold a Hodges-Lehmann θ and per-process medians).
 */
function fromWindows(p: PoolPair, path: string, line: number): PoolPair {
  try {
    return {
      ...p,
      theta: processPairTheta(p.pairs, true),
      aSpeed: harmonicMean(p.pairs.map(([a]) => a)),
      bSpeed: harmonicMean(p.pairs.map(([, b]) => b)),
    };
  } catch (e) {
    throw new UserError(`${path}:${line}: pairs: ${(e as Error).message}`);
  }
}

/**
 * A candidate of the pool: `slowdown` of its step time as extra work on average, after every
 * step or, sparse, `every` times as much after every `every`-th step.
 */
export interface Variant {
  slowdown: number;
  every: number;
}

/** A pair's variant (pools before sparse slowdowns: every step). */
export function variantOf(p: Pick<PoolPair, "slowdown" | "every">): Variant {
  return { slowdown: p.slowdown, every: p.every ?? 1 };
}

/**
 * How a report names a variant.
 *
 * @example
 * ```ts
 * variantLabel({ slowdown: 0.05, every: 5 }); // "5% slower, every 5th step"
 * ```
 */
export function variantLabel(v: Variant): string {
  if (v.slowdown === 0) return "unchanged (A/A)";
  const pct = `${Number((v.slowdown * 100).toFixed(1))}% slower`;
  return v.every === 1 ? pct : `${pct}, every ${v.every}th step`;
}

/** Pool pairs by stream: one (experiment, backend, variant, load), in collection order. */
export type PoolStreams = Map<string, PoolPair[]>;

/** The key of a pair's stream. */
export function streamKey(
  p: Pick<PoolPair, "experiment" | "backend" | "slowdown" | "every" | "load">,
): string {
  return JSON.stringify([p.experiment, p.backend, p.slowdown, p.every ?? 1, p.load]);
}

/**
 * Read a pool file (missing: empty); a line that does not parse is a UserError naming it.
 *
 * @example
 * ```ts
 * parsePool('{"experiment":"m","backend":"cpu","slowdown":0,"load":"quiet","theta":0}\n', "p")
 *   .length; // 1
 * ```
 */
export function parsePool(text: string, path: string): PoolPair[] {
  const out: PoolPair[] = [];
  text.split("\n").forEach((line, i) => {
    if (!line.trim()) return;
    let p: PoolPair;
    try {
      p = JSON.parse(line);
    } catch {
      throw new UserError(`${path}:${i + 1}: not a JSON line`);
    }
    if (typeof p.theta !== "number" || typeof p.slowdown !== "number" || !p.experiment) {
      throw new UserError(`${path}:${i + 1}: not a pool pair (theta, slowdown, experiment)`);
    }
    out.push(Array.isArray(p.pairs) && p.pairs.length > 0 ? fromWindows(p, path, i + 1) : p);
  });
  return out;
}

/** The pool at `path`, [] when there is no file yet. */
export async function readPool(path: string): Promise<PoolPair[]> {
  try {
    return parsePool(await Deno.readTextFile(path), path);
  } catch (err) {
    if (err instanceof Deno.errors.NotFound) return [];
    throw err;
  }
}

/** Append one pair to the pool at `path` (one line, written at once). */
export async function appendPool(path: string, pair: PoolPair): Promise<void> {
  await Deno.writeTextFile(path, JSON.stringify(pair) + "\n", { append: true, create: true });
}

/** The pool's pairs grouped by stream, each in collection order. */
export function poolStreams(pool: readonly PoolPair[]): PoolStreams {
  const out: PoolStreams = new Map();
  for (const p of pool) {
    const k = streamKey(p);
    (out.get(k) ?? out.set(k, []).get(k)!).push(p);
  }
  return out;
}
