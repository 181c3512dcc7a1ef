/**
 * The gate's paired timing loop: process pairs, one at a time, to the targets (experiment,
 * backend) still undecided, until each is decided, reaches the design's cap, or the time
 * budget ends. After every pair the target's θ so far go through the sequential rule
 * (`sequentialVerdict`); which targets get the next pairs is `nextPairs` (fewest pairs first,
 * within the time left). Where the pairs come from is the caller's: live processes taking
 * turns (`paired_source.ts`), or a stored pool replayed by `check --quality` with a clock that
 * advances by each pair's measured cost, so both run exactly this loop.
 */
import {
  DEFAULT_SEQUENTIAL_DESIGN,
  mean,
  nextPairs,
  type SequentialDesign,
  type SequentialResult,
  sequentialVerdict,
} from "../../core/stats/mod.ts";
import type { PairedTarget } from "./paired_targets.ts";

/** What one process pair gave, as the loop reads it. */
export interface PairOutcome {
  /** ln(candidate speed / baseline speed) of the pair; null when a side did not time. */
  theta: number | null;
  baselineStatus: string;
  candidateStatus: string;
  /** Why a side did not time. */
  reason?: string | null;
  /** Each process's throughput over its windows (images/s), null when it timed none. */
  baselineSpeed: number | null;
  candidateSpeed: number | null;
  /** The pair's window noise (`pairWindowNoise`); absent or null: none known, no floor. */
  windowNoise?: number | null;
}

/**
 * The fraction of the pairs' own window noise (the root of its mean) below which the t's
 * spread is not taken. On this machine's 348 quiet A/A pairs the windows explain 0.59-0.94 of
 * θ's variance (0.77-0.97 of its sd), so half of it stays below the true spread and binds only
 * when a few pairs agree by chance, as the 4 pairs of a live false alarm did
 * (gate/measured/estimate.md, "Live checks at cad9853"). Where a pair's windows go against
 * each other they over-explain it (up to 5.6 times on a quiet morning, the MLP on cpu) and the
 * floor sits above the spread: slower decisions, never a false one.
 */
export const WINDOW_NOISE_FLOOR = 0.5;

/** The t's spread floor from the window noises of a target's pairs so far (0: none known). */
export function spreadFloor(noises: readonly number[]): number {
  return noises.length ? WINDOW_NOISE_FLOOR * Math.sqrt(mean(noises)) : 0;
}

/** Times (or replays) pair `index` (0-based) of `target`. */
export type PairSource = (target: PairedTarget, index: number) => Promise<PairOutcome>;

/** How the loop runs. */
export interface SequentialGateOptions {
  design?: SequentialDesign;
  /** Seconds of process pairs the loop may spend. */
  budgetS: number;
  /** Seconds now, on any origin (a fake clock in a replay or a test). */
  clock: () => number;
  /**
   * Seconds a target's first pair is expected to take before one has been timed (default 0:
   * every target gets its first pair whatever the budget). The live gate passes the least a
   * pair can take, so that a budget already spent starts no pair.
   */
  firstPairS?: number;
  log?: (line: string) => void;
}

/** Why a target's loop ended. */
export type EndedBy = "boundary" | "cap" | "budget" | "failed";

/** Where one target ended. */
export interface TargetOutcome {
  target: PairedTarget;
  thetas: number[];
  /** The rule's last look (decision `continue` when the budget ended it). */
  result: SequentialResult;
  endedBy: EndedBy;
  /** The pair whose side did not time, when one did not. */
  failed: PairOutcome | null;
  /** Seconds each pair took. */
  costs: number[];
  baselineSpeeds: number[];
  candidateSpeeds: number[];
  /** The window noise of each pair that reported one. */
  windowNoises: number[];
  /** Seconds from the loop's start to this target's end. */
  endedAtS: number;
}

interface Open extends TargetOutcome {
  id: string;
}

/**
 * Run the loop over `targets`; one outcome per target, in the order given.
 *
 * @example
 * ```ts
 * let now = 0;
 * const source = async () => {
 *   now += 10;
 *   return { theta: -0.2, baselineStatus: "ok", candidateStatus: "ok",
 *     baselineSpeed: 100, candidateSpeed: 82 };
 * };
 * const [t] = await runSequentialGate([{ experiment: "mlp", backend: "wasm" }], source,
 *   { budgetS: 600, clock: () => now });
 * t.result.decision; // "regressed" (4 identical θ: no spread, far beyond the margin)
 * ```
 */
export async function runSequentialGate(
  targets: readonly PairedTarget[],
  source: PairSource,
  opts: SequentialGateOptions,
): Promise<TargetOutcome[]> {
  const design = opts.design ?? DEFAULT_SEQUENTIAL_DESIGN, start = opts.clock();
  const left = () => opts.budgetS - (opts.clock() - start);
  const open: Open[] = targets.map((target, i) => ({
    id: String(i),
    target,
    thetas: [],
    result: sequentialVerdict([], design),
    endedBy: "budget",
    failed: null,
    costs: [],
    baselineSpeeds: [],
    candidateSpeeds: [],
    windowNoises: [],
    endedAtS: 0,
  }));
  const state = (o: Open) => ({
    id: o.id,
    decision: o.failed ? "inconclusive" as const : o.result.decision,
    pairs: o.thetas.length,
    // Unknown before its first pair: the least one can take.
    costS: o.costs.length ? mean(o.costs) : opts.firstPairS ?? 0,
  });
  for (
    let ids = nextPairs(open.map(state), left());
    ids.length;
    ids = nextPairs(open.map(state), left())
  ) {
    for (const id of ids) {
      const o = open[Number(id)];
      // The round was planned on expected costs; a slow pair before may leave no time now.
      if (state(o).costS > left()) continue;
      const t0 = opts.clock();
      const pair = await source(o.target, o.thetas.length);
      o.costs.push(opts.clock() - t0);
      o.endedAtS = opts.clock() - start;
      if (pair.theta === null) {
        o.failed = pair;
        o.endedBy = "failed";
        continue;
      }
      o.thetas.push(pair.theta);
      if (pair.baselineSpeed !== null) o.baselineSpeeds.push(pair.baselineSpeed);
      if (pair.candidateSpeed !== null) o.candidateSpeeds.push(pair.candidateSpeed);
      if (pair.windowNoise != null) o.windowNoises.push(pair.windowNoise);
      o.result = sequentialVerdict(o.thetas, design, spreadFloor(o.windowNoises));
      if (o.result.decision !== "continue") {
        o.endedBy = o.result.decision === "inconclusive" ? "cap" : "boundary";
      }
      opts.log?.(
        `paired ${o.thetas.length}: ${o.target.experiment} on ${o.target.backend}: θ ${
          pair.theta.toFixed(4)
        }, ${o.result.decision} (${o.costs.at(-1)!.toFixed(1)} s; ${Math.round(left())} s left)`,
      );
    }
  }
  return open.map(({ id: _, ...o }) => o);
}
