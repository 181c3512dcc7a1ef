/**
 * The timing protocol every perf run follows, tfjs and PyTorch alike (the Python reference
 * receives these numbers and plans its windows with the same rule, `plan_windows` in
 * `reference/torch_train.py`):
 *
 * 1. warm-up: `warmupBatches` training steps, each timed alone; the first includes shader
 *    compilation and first allocation, so their sum is reported apart as the warm-up cost;
 * 2. the steady batch time is the median of the warm-up steps after the first;
 * 3. windows: `windows` timed windows of `batchesPerWindow` steps each, the number of steps
 *    chosen so a window lasts about `targetWindowS` (at least 1, at most `maxBatchesPerWindow`);
 *    images/s per window; the median and min-max are reported;
 * 4. bounded: when kernels are stock, or a warm-up step after the first took longer than
 *    `slowBatchS` (or the first, which includes compilation, longer than `slowFirstBatchS`;
 *    tfjs cpu's stock convolution gradients take ~35 s per batch of 64), the run stops its
 *    warm-up at `bounded.warmupBatches` and times `bounded.windows` single-step windows, and
 *    says so;
 * 5. budget: the windows stop early once they have taken `maxTimedS` and `minWindows` are done
 *    (slow backends in the quick profile), and the run says so.
 */
import type { ProfileName } from "../experiment.ts";
import { median } from "../measure.ts";

export interface Protocol {
  warmupBatches: number;
  windows: number;
  targetWindowS: number;
  maxBatchesPerWindow: number;
  /** A warm-up step after the first slower than this bounds the run. */
  slowBatchS: number;
  /** The first step (which includes compilation) bounds the run only above this. */
  slowFirstBatchS: number;
  /** Timed windows stop once they have taken this long and `minWindows` are done. */
  maxTimedS: number;
  minWindows: number;
  bounded: { warmupBatches: number; windows: number };
  /** Inference latency: untimed and timed `predict` calls per batch size. */
  latency: { warmup: number; repeats: number };
  /** The peak microbenchmark: an n x n float32 matmul, untimed and timed calls. */
  peak: { n: number; warmup: number; repeats: number };
  /** Threads PyTorch may use: this project's machines have 2 cores. */
  torchThreads: number;
}

/** Protocols by profile: `quick` keeps the whole suite to a few minutes on 2 cores. */
export const PROTOCOLS: Record<ProfileName, Protocol> = {
  quick: {
    warmupBatches: 3,
    windows: 10,
    targetWindowS: 0.4,
    maxBatchesPerWindow: 32,
    slowBatchS: 3,
    slowFirstBatchS: 30,
    maxTimedS: 8,
    minWindows: 5,
    bounded: { warmupBatches: 1, windows: 2 },
    latency: { warmup: 1, repeats: 5 },
    peak: { n: 512, warmup: 2, repeats: 7 },
    torchThreads: 2,
  },
  full: {
    warmupBatches: 5,
    windows: 20,
    targetWindowS: 2,
    maxBatchesPerWindow: 256,
    slowBatchS: 3,
    slowFirstBatchS: 30,
    maxTimedS: 120,
    minWindows: 10,
    bounded: { warmupBatches: 2, windows: 3 },
    latency: { warmup: 3, repeats: 15 },
    peak: { n: 1024, warmup: 3, repeats: 10 },
    torchThreads: 2,
  },
};

/** How many windows of how many steps to time, decided after the warm-up. */
export interface WindowPlan {
  windows: number;
  batchesPerWindow: number;
  /** Why the run was bounded, or null for the full protocol. */
  bounded: string | null;
}

/**
 * Plan the timed windows from the warm-up step times (seconds).
 *
 * @example
 * ```ts
 * planWindows([2.0, 0.05, 0.05], PROTOCOLS.quick, false);
 * // { windows: 10, batchesPerWindow: 8, bounded: null }
 * ```
 */
export function planWindows(warmupS: number[], p: Protocol, stock: boolean): WindowPlan {
  const slow = slowReason(warmupS, p);
  if (stock) {
    return {
      windows: p.bounded.windows,
      batchesPerWindow: 1,
      bounded:
        `stock kernels: ${p.bounded.warmupBatches} warm-up + ${p.bounded.windows} timed steps`,
    };
  }
  if (slow) {
    return {
      windows: p.bounded.windows,
      batchesPerWindow: 1,
      bounded: `${slow}: ${warmupS.length} warm-up + ${p.bounded.windows} timed steps only`,
    };
  }
  const steady = median(warmupS.length > 1 ? warmupS.slice(1) : warmupS);
  const per = Math.ceil(p.targetWindowS / Math.max(steady, 1e-6));
  return {
    windows: p.windows,
    batchesPerWindow: Math.min(p.maxBatchesPerWindow, Math.max(1, per)),
    bounded: null,
  };
}

/** Whether to time another window, and if not because of the budget, the note saying so. */
export function budgetNote(
  done: number,
  timedS: number,
  plan: WindowPlan,
  p: Protocol,
): string | null {
  if (plan.bounded || done >= plan.windows) return null;
  if (timedS < p.maxTimedS || done < p.minWindows) return null;
  return `stopped after ${done} of ${plan.windows} windows at the ${p.maxTimedS} s budget`;
}

/** Why the warm-up steps so far make the run too slow for the full protocol, or null. */
export function slowReason(warmupS: number[], p: Protocol): string | null {
  const later = warmupS.slice(1);
  const slowest = later.length > 0 ? Math.max(...later) : 0;
  if (slowest > p.slowBatchS) return `a step took ${slowest.toFixed(1)} s`;
  if (warmupS[0] > p.slowFirstBatchS) return `the first step took ${warmupS[0].toFixed(1)} s`;
  return null;
}

/** Median and range of a sample, for the table. */
export function spread(xs: number[]): { median: number; min: number; max: number } | null {
  if (xs.length === 0) return null;
  return { median: median(xs), min: Math.min(...xs), max: Math.max(...xs) };
}
