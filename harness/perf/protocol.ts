/**
 * The timing protocol every perf run follows, tfjs and PyTorch alike (the Python reference
 * receives these numbers and applies the same rules, `warmup_end` and `plan_windows` in
 * `reference/torch_protocol.py`):
 *
 * 1. warm-up: training steps, each timed alone, until all three hold:
 *    - at least `warmupBatches` steps;
 *    - at least `warmupS.min` seconds of steps: V8 keeps optimising the JavaScript kernels
 *      (ours, and the Worker replica's copy of them) for the first seconds of training.
 *      Measured with 3 warm-up steps: the Keras CNN on wasm x2 ran its first 0.25 s windows
 *      at ~1150-1250 images/s and reached its ~1400 only after ~2.5 s of windows, so the
 *      quick profile's 10 windows of 0.4 s straddled the climb. After this warm-up, 60
 *      windows of 0.4 s stayed flat (medians of 10: 1380-1442);
 *    - the step time stopped falling: the median of the last `settle.steps` steps (after the
 *      first) is at least (1 - `settle.tolerance`) times the median of the `settle.steps`
 *      before them;
 *    or until `warmupS.max` seconds of steps (the cap, no longer than the quick profile's
 *    timing budget; at least `warmupBatches` steps still), and the run says so: the cpu x2
 *    CNN's ~0.7 s steps still fell from 0.80 to 0.68 s over its first 8 steps. The first
 *    step includes shader compilation and first allocation; the sum of all is reported
 *    apart as the warm-up cost;
 * 2. the steady batch time is the median of the last `settle.steps` warm-up steps after the
 *    first;
 * 3. windows: `windows` timed windows of `batchesPerWindow` steps each, the number of steps
 *    chosen so a window lasts about `targetWindowS` (at least 1, at most `maxBatchesPerWindow`);
 *    images/s per window; the median and min-max are reported;
 * 4. bounded: when kernels are stock, or one of the first `warmupBatches` steps after the
 *    first took longer than `slowBatchS` (or the first, which includes compilation, longer
 *    than `slowFirstBatchS`; tfjs cpu's stock convolution gradients take ~35 s per batch of
 *    64), the run stops its warm-up at `bounded.warmupBatches`, skipping the rule of 1, and
 *    times `bounded.windows` single-step windows, and says so. Only the first
 *    `warmupBatches` steps judge slowness, so a hiccup late in a long warm-up cannot bound
 *    a fast run;
 * 5. budget: the windows stop early once they have taken `maxTimedS` and `minWindows` are done
 *    (slow backends in the quick profile), and the run says so.
 */
import type { ProfileName } from "../core/experiment.ts";
import { median } from "../core/stats/mod.ts";

export interface Protocol {
  /** The fewest warm-up steps. */
  warmupBatches: number;
  /** Seconds of warm-up steps: at least `min`, and `max` ends a warm-up that never settles. */
  warmupS: { min: number; max: number };
  /** The warm-up has settled when the last `steps` steps are not `tolerance` faster than the ones before. */
  settle: { steps: number; tolerance: number };
  /**
   * How many of the last warm-up steps (after the first) the window plan reads, when not
   * `settle.steps`: a plan from one step of a few milliseconds is as noisy as that step.
   */
  planSteps?: number;
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

/**
 * Each field of the protocol in the quick profile and in the full one, side by side: quick
 * keeps the whole suite to a few minutes on 2 cores, full times longer and more of everything.
 */
const QUICK_AND_FULL: { [K in keyof Protocol]: [quick: Protocol[K], full: Protocol[K]] } = {
  warmupBatches: [3, 5],
  warmupS: [{ min: 3, max: 8 }, { min: 5, max: 30 }],
  settle: [{ steps: 3, tolerance: 0.05 }, { steps: 5, tolerance: 0.05 }],
  windows: [10, 20],
  targetWindowS: [0.4, 2],
  // High enough that fast models get their ~0.4 s too: at 32, the MLP's ~4 ms steps made
  // 0.13 s windows, and its fixed costs (the run's write, ~50-70 ms) 1.2% of a 6 s run.
  maxBatchesPerWindow: [128, 256],
  slowBatchS: [3, 3],
  slowFirstBatchS: [30, 30],
  maxTimedS: [8, 120],
  minWindows: [5, 10],
  bounded: [{ warmupBatches: 1, windows: 2 }, { warmupBatches: 2, windows: 3 }],
  latency: [{ warmup: 1, repeats: 5 }, { warmup: 3, repeats: 15 }],
  peak: [{ n: 512, warmup: 2, repeats: 7 }, { n: 1024, warmup: 3, repeats: 10 }],
  torchThreads: [2, 2],
};

/** One column of {@linkcode QUICK_AND_FULL}. */
function column(i: 0 | 1): Protocol {
  return Object.fromEntries(
    Object.entries(QUICK_AND_FULL).map(([field, values]) => [field, values[i]]),
  ) as unknown as Protocol;
}

/** Protocols by profile. */
export const PROTOCOLS: Record<ProfileName, Protocol> = { quick: column(0), full: column(1) };

/** How many windows of how many steps to time, decided after the warm-up. */
export interface WindowPlan {
  windows: number;
  batchesPerWindow: number;
  /** Why the run was bounded, or null for the full protocol. */
  bounded: string | null;
}

/** How a warm-up ended: settled, stopped at its cap, or cut short for a bounded run. */
export type WarmupEnd = "settled" | "cap" | "bounded";

/**
 * Whether the warm-up is over after these step times (seconds), and how; null to go on.
 *
 * @example
 * ```ts
 * // 0.5 s steps: 3 s after 7 steps, and the last 3 no faster than the 3 before them.
 * warmupEnd([1, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5], PROTOCOLS.quick, false); // "settled"
 * ```
 */
export function warmupEnd(warmupS: number[], p: Protocol, stock: boolean): WarmupEnd | null {
  const n = warmupS.length;
  if (n <= p.warmupBatches && (stock || slowReason(warmupS, p))) {
    return n >= p.bounded.warmupBatches ? "bounded" : null;
  }
  if (n < p.warmupBatches) return null;
  const total = warmupS.reduce((a, b) => a + b, 0);
  if (total >= p.warmupS.max) return "cap";
  return total >= p.warmupS.min && settled(warmupS, p) ? "settled" : null;
}

/** Whether the last `settle.steps` steps after the first are not faster than the ones before. */
export function settled(warmupS: number[], p: Protocol): boolean {
  const k = p.settle.steps, later = warmupS.slice(1);
  if (later.length < 2 * k) return false;
  const recent = median(later.slice(-k)), before = median(later.slice(-2 * k, -k));
  return recent >= (1 - p.settle.tolerance) * before;
}

/** The note for a warm-up that ended at its cap, else null. */
export function warmupNote(end: WarmupEnd, p: Protocol): string | null {
  return end === "cap" ? `warm-up stopped at its ${p.warmupS.max} s cap before settling` : null;
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
  const slow = slowReason(warmupS.slice(0, p.warmupBatches), p);
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
  const k = p.planSteps ?? p.settle.steps;
  const steady = median(warmupS.length > 1 ? warmupS.slice(1).slice(-k) : warmupS);
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
