/**
 * Independent gate checks from the pool of `check --quality` (`quality_pool.ts`): each method
 * consumes every target's stream in collection order, each check taking the next unused
 * pairs, so no pair serves two checks of a method and checks are independent. A gate check is
 * one check of every target at once; it fails when any target is judged regressed.
 * - **sequential paired** (the default mode): the gate's own loop (`sequential_gate.ts`) fed
 *   by the pool, its clock advancing by each pair's measured cost, within the time budget:
 *   exactly what a live gate run would have done with those pairs;
 * - **fixed 6 pairs** (the paired rule before this design, for comparison): 6 pairs per
 *   target, two-sided t over the pairs, 2% margin, α 0.01;
 * - **stored baseline**: 5 processes from the first half of a stream (a recorded baseline)
 *   against 5 from its second half (the candidate, another session), one median each.
 */
import {
  clusteredTimingVerdict,
  pairWindowNoise,
  storedBaselineVerdict,
} from "../../core/stats/mod.ts";
import { PAIRED_MARGIN } from "../margin.ts";
import type { PairedTarget } from "../timing/mod.ts";
import { type LoadCondition, type PoolPair, type PoolStreams, streamKey } from "./quality_pool.ts";
import { runSequentialGate } from "../timing/mod.ts";
import { sequentialRow, suiteRows } from "../timing/mod.ts";
import type { Verdict } from "../types.ts";

/** The gate methods `--quality` scores. */
export type QualityMethod = "sequential paired" | "fixed 6 pairs" | "stored baseline";

/** One target's part of a check. */
export interface TargetCheck {
  verdict: Verdict;
  /** Process pairs (stored: processes per side) the check used. */
  pairs: number;
  /** Seconds of pairs until this target ended (sequential only; else NaN). */
  endedAtS: number;
}

/** One gate check: every target at once, on one stream variant. */
export interface GateCheck {
  method: QualityMethod;
  slowdown: number;
  /** Sparse: the extra work came after every `every`-th step. */
  every: number;
  load: LoadCondition;
  targets: TargetCheck[];
  /** The suite rows' verdicts (groups of targets together; sequential only, else absent). */
  suites?: Verdict[];
  /** Seconds of pairs until the last target ended (sequential only; else NaN). */
  wallS: number;
}

/** What each method's checks read. */
export interface ReplaySettings {
  targets: PairedTarget[];
  slowdown: number;
  /** Sparse slowdowns: after every `every`-th step (default 1). */
  every?: number;
  load: LoadCondition;
  /** Seconds of process pairs a live gate has (its time budget less its accuracy runs). */
  budgetS: number;
}

class OutOfPairs extends Error {}

/** The variant and load a check of `s` reads, as its checks record them. */
const variantFields = (s: ReplaySettings) => ({
  slowdown: s.slowdown,
  every: s.every ?? 1,
  load: s.load,
});

const streamsOf = (pool: PoolStreams, s: ReplaySettings) =>
  s.targets.map((t) => pool.get(streamKey({ ...t, ...variantFields(s) })) ?? []);

/** The sequential paired gate replayed on the pool until a stream runs out. */
export async function sequentialChecks(pool: PoolStreams, s: ReplaySettings): Promise<GateCheck[]> {
  const streams = streamsOf(pool, s), used = streams.map(() => 0);
  const checks: GateCheck[] = [];
  for (;;) {
    let now = 0;
    const source = (target: PairedTarget) => {
      const i = s.targets.indexOf(target);
      const p = streams[i][used[i]++];
      if (!p) throw new OutOfPairs();
      now += p.costS;
      return Promise.resolve({
        theta: p.theta,
        baselineStatus: "ok",
        candidateStatus: "ok",
        baselineSpeed: p.aSpeed,
        candidateSpeed: p.bSpeed,
        windowNoise: pairWindowNoise(p.pairs, true),
      });
    };
    try {
      const outcomes = await runSequentialGate(s.targets, source, {
        budgetS: s.budgetS,
        clock: () => now,
      });
      checks.push({
        method: "sequential paired",
        ...variantFields(s),
        targets: outcomes.map((o) => ({
          verdict: sequentialRow(o).verdict,
          pairs: o.thetas.length,
          endedAtS: o.endedAtS,
        })),
        suites: suiteRows(outcomes).map((r) => r.verdict),
        wallS: now,
      });
    } catch (err) {
      // The last check could not finish: it is dropped, never scored on part of its pairs.
      if (!(err instanceof OutOfPairs)) throw err;
      return checks;
    }
  }
}

/** Today's fixed rule before this design: 6 process pairs per target, t over them, 2% margin. */
export function fixedSixChecks(pool: PoolStreams, s: ReplaySettings): GateCheck[] {
  const streams = streamsOf(pool, s);
  const n = Math.min(...streams.map((x) => Math.floor(x.length / 6)));
  return Array.from({ length: Math.max(0, n) }, (_, c) => ({
    method: "fixed 6 pairs" as const,
    ...variantFields(s),
    targets: streams.map((x) => ({
      verdict: clusteredTimingVerdict({
        clusters: x.slice(6 * c, 6 * c + 6).map((p) => p.pairs),
        higherIsBetter: true,
        margin: PAIRED_MARGIN,
      }).verdict,
      pairs: 6,
      endedAtS: NaN,
    })),
    wallS: NaN,
  }));
}

/**
 * Processes of a stream as the stored mode sees them: baselines from the first half of its
 * pairs, candidates from the second half (later: another session). The candidate side of a
 * slowed pair is slowed; an A/A stream also gives its other sides, swapped.
 */
function storedBlocks(stream: PoolPair[], k: number): [number[], number[]][] {
  const half = Math.floor(stream.length / 2);
  const first = stream.slice(0, half), second = stream.slice(half, 2 * half);
  const sides: [number[], number[]][] = [[
    first.map((p) => p.aSpeed),
    second.map((p) => p.bSpeed),
  ]];
  if (stream[0]?.slowdown === 0) {
    sides.push([first.map((p) => p.bSpeed), second.map((p) => p.aSpeed)]);
  }
  const blocks: [number[], number[]][] = [];
  for (const [base, cand] of sides) {
    for (let i = 0; i + k <= base.length; i += k) {
      blocks.push([base.slice(i, i + k), cand.slice(i, i + k)]);
    }
  }
  return blocks;
}

/** The stored-baseline rule on 5 baseline and 5 candidate processes per target. */
export function storedChecks(pool: PoolStreams, s: ReplaySettings, k = 5): GateCheck[] {
  const blocks = streamsOf(pool, s).map((x) => storedBlocks(x, k));
  const n = Math.min(...blocks.map((b) => b.length));
  return Array.from({ length: Math.max(0, n) }, (_, c) => ({
    method: "stored baseline" as const,
    ...variantFields(s),
    targets: blocks.map((b) => {
      const v = storedBaselineVerdict({
        baseline: b[c][0],
        candidate: b[c][1],
        higherIsBetter: true,
      });
      return {
        verdict: v.verdict === "not comparable" ? "not_comparable" as const : v.verdict,
        pairs: k,
        endedAtS: NaN,
      };
    }),
    wallS: NaN,
  }));
}
