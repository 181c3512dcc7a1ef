/**
 * The error rates of each timing mode as measured on this project's machine with
 * `check --quality` (gate/measured/), quoted by each verdict row's method
 * so a report says how far its timings can be trusted. Update these figures, with the date and
 * the command, whenever a new measurement replaces them.
 */

import { type Rate, wilson } from "./quality/quality.ts";

/** Hits out of independent checks, with the Wilson 95% interval (derived, never typed in). */
export type MeasuredRate = Rate;

/**
 * Gate checks drawn from the process pairs that live checks timed, resampled
 * (`simulate_sequential.ts --plan --thetas`, gate/measured/resampled.md): not independent
 * checks, so never a Wilson rate, but they read the real pairs' tails and bias.
 */
export interface ResampledRate {
  /** Share of the drawn gate checks that failed. */
  share: number;
  /** 2.5% and 97.5% quantiles of that share when the live checks themselves are resampled. */
  low: number;
  high: number;
  pairs: number;
  checks: number;
}

/** What was measured for one mode. */
export interface ModeQuality {
  /** Where and when, in a few words. */
  where: string;
  /** Gate checks of unchanged code (all targets) that failed, quiet machine. */
  falseAlarms: MeasuredRate;
  /** The same under a background load, when measured. */
  falseAlarmsLoaded?: MeasuredRate;
  /** False alarms of gate checks drawn from the live checks' pairs, quiet and loaded. */
  falseAlarmsResampled?: { quiet: ResampledRate; loaded?: ResampledRate };
  /**
   * Gate checks drawn from the same live pairs, every θ shifted by a slowdown, that failed (a
   * target's row or a suite row): shares, by slowdown, quiet and loaded.
   */
  detectionResampled?: { slowdown: number; quiet: number; loaded: number }[];
  /** Per-target checks of a slowed candidate judged regressed, by slowdown (fraction). */
  detection: { slowdown: number; quiet: MeasuredRate; loaded?: MeasuredRate }[];
}

/** Gate checks drawn from the quiet live checks' pairs (gate/measured/suite_level.md, 278 checks). */
const QUIET_POOL = { share: 17 / 4000, low: 0.0018, high: 0.007, pairs: 2585, checks: 102 };

/** Gate checks drawn from the loaded live checks' pairs (gate/measured/pools.md, newest pool). */
const LOADED_POOL = { share: 10 / 4000, low: 0.0015, high: 0.0053, pairs: 4499, checks: 180 };

/**
 * Measured quality of the sequential paired mode (the default when code is reachable), at the
 * 15-window protocol with θ the log ratio of total times (c0e44a8 on; gate/measured/estimate.md).
 * False alarms, quiet: 114 live default checks (`deno task check --baseline results/baseline.json`,
 * the 4-target plan) of unchanged code (7 on 2026-12-04 at c0e44a8, 5 on 2026-12-05 at cad9853;
 * with the floor on the t's spread: 20 at e930053 and 4221f05, gate/measured/floor.md, 6 at
 * 5f5a9c6, warmups.md, 6 at 68d0fac, resampled.md; with the suite row: 3 at b467614, with the group
 * rows: 3 at 1d29c65, groups.md, and 6 at c5b353b, 2 at 54dec2b, 8 at 7dcd759, 8 at 621fea8, 7 at
 * b04c3c4, 6 at 6c8034e, 12 at 04823aa and 15 at 1a9704d, counted_c5b353b_621fea8.md and
 * counted_b04c3c4_1a9704d.md) and 11 replayed gate checks of a quiet A/A pool of 348 process pairs;
 * loaded: 188 live checks beside `cpu_hog.ts` (8 at cad9853, one of which failed: the MLP on wasm
 * after 4 pairs that happened to agree, gate/measured/estimate.md; 4 at e930053 and 4221f05, 2 at
 * 5f5a9c6, 5 at 68d0fac, 3 at b467614, 1 at 182c462, 3 at 1d29c65, 5 at c5b353b, 1 at 54dec2b, 7 at
 * 7dcd759, 8 at 621fea8, 7 at b04c3c4, 6 at 6c8034e, 12 at 5ab3d8e, 12 at 4de30b3, 13 at b2b6df9,
 * 13 at f122924, 12 at 2596a54, 12 at 9113caf, 11 at edc1f2b, 11 at f5dafc5, 12 at bf9d95f, 16 at
 * 830cba3, 4 at f8a67a9), and a replayed check of a pool timed beside it. (45 earlier live checks
 * with the Hodges-Lehmann θ never failed: gate/measured/windows_15.md and windows_30.md.)
 * Resampled: 4,000 gate checks drawn from the pairs of 282 live checks with the floor
 * (gate/measured/live_pairs.tsv; the interval from 200 resamplings of those checks),
 * `simulate_sequential.ts --plan --thetas`, with the suite rows of all targets, each backend's and
 * each experiment's (gate/measured/suite.md and groups.md) at their level of 0.2% since 2026-12-08
 * (gate/measured/suite_level.md; the pools: gate/measured/pools.md; `_simulate_plan_test.ts`
 * recomputes the shares from the file). Drawn from the same pairs shifted by 5% and 10% slower: the
 * gate fails on 100% quiet and loaded at 5% and 10%. Detection: quiet `check --quality` pools (5%:
 * 144 pairs, 10%: 61) cut to 15 windows (`--windows 15`) and a loaded 5% pool timed at 15 windows
 * beside `cpu_hog.ts` (160 pairs), replayed within the live budget with θ recomputed from their
 * windows.
 */
export const PAIRED_QUALITY: ModeQuality | null = {
  where:
    "on 2026-12-04 to 08 on this project's 2-core machine (θ the log ratio of total times; live " +
    "default checks and check --quality replays at 15 windows; detection per target within the " +
    "570 s budget)",
  // The 12 pre-floor checks at c0e44a8 and cad9853, every later quiet live check (each is in
  // live_pairs.tsv: the pool's count, held to the file), and the 11 replayed checks.
  falseAlarms: wilson(0, 12 + QUIET_POOL.checks + 11),
  // The 8 pre-floor checks at cad9853 (their pairs were not kept), every later loaded live check
  // (each is in live_pairs.tsv, so the pool's count, which _simulate_plan_test.ts holds to the
  // file), and the one replayed check.
  falseAlarmsLoaded: wilson(1, 8 + LOADED_POOL.checks + 1),
  falseAlarmsResampled: {
    quiet: QUIET_POOL,
    loaded: LOADED_POOL,
  },
  detectionResampled: [
    { slowdown: 0.05, quiet: 4000 / 4000, loaded: 4000 / 4000 },
    { slowdown: 0.1, quiet: 4000 / 4000, loaded: 4000 / 4000 },
  ],
  detection: [
    { slowdown: 0.05, quiet: wilson(16, 16), loaded: wilson(18, 20) },
    { slowdown: 0.1, quiet: wilson(8, 8) },
  ],
};

/**
 * Measured quality of the stored-baseline mode at 15 windows: `check --quality` replays of
 * 5 processes from the first half of a pool's stream against 5 from its second half (one
 * session each, so less drift between them than a baseline recorded on another day has), each
 * process its throughput over its windows: the quiet A/A pool above (348 pairs, 2026-12-04) and
 * the 5% and 10% pools above. Every check was inconclusive:
 * the rule never called unchanged code regressed, and never caught 5% or 10% either.
 */
export const STORED_QUALITY: ModeQuality | null = {
  where:
    "on 2026-12-04 and 05 on this project's 2-core machine (check --quality pools at 15 windows, " +
    "5 baseline against 5 candidate processes per target)",
  falseAlarms: wilson(0, 16),
  detection: [
    { slowdown: 0.05, quiet: wilson(0, 12), loaded: wilson(0, 16) },
    { slowdown: 0.1, quiet: wilson(0, 4) },
  ],
};

/** `x` as a percentage rounded to `digits` decimals, trailing zeros dropped. */
const percentAt = (x: number, digits: number) => Number((x * 100).toFixed(digits));
const pct = (x: number) => `${percentAt(x, 1)}%`;
const rate = (r: MeasuredRate) => `${r.hits}/${r.checks} (95% Wilson ${pct(r.low)}-${pct(r.high)})`;

/**
 * A drawn share (a count of drawn checks over their number) to one decimal, with as many more as
 * it takes for a share short of all of them not to read "100%", or one above none "0%": 3998/4000
 * is "99.95%", 1/4000 "0.03%".
 */
function pctShare(x: number): string {
  const at = (digits: number) => percentAt(x, digits);
  let digits = 1;
  while (digits < 6 && ((x < 1 && at(digits) === 100) || (x > 0 && at(digits) === 0))) digits++;
  return `${at(digits)}%`;
}

/** Small shares to two significant figures: 0.0025 is "0.25%". */
const pct2 = (x: number) => `${Number((x * 100).toPrecision(2))}%`;
const interval = (r: ResampledRate, kind: string) =>
  `${pct2(r.share)} from the ${r.pairs} pairs of ${r.checks} ${kind} checks ` +
  `(${pct2(r.low)}-${pct2(r.high)} with those checks resampled)`;

/** The resampled false alarms as a clause, or nothing. */
function resampled(r: ModeQuality["falseAlarmsResampled"]): string {
  if (!r) return "";
  const loaded = r.loaded ? `, ${interval(r.loaded, "loaded")}` : "";
  return `; gate checks drawn from live checks' pairs failed ${
    interval(r.quiet, "quiet")
  }${loaded}`;
}

/**
 * One sentence of measured figures for a method's rule, or what is missing.
 *
 * @example
 * ```ts
 * describeQuality(null); // "not measured on this machine yet (check --quality)"
 * ```
 */
export function describeQuality(q: ModeQuality | null): string {
  if (!q) return "not measured on this machine yet (check --quality)";
  const loaded = q.falseAlarmsLoaded ? `, ${rate(q.falseAlarmsLoaded)} under load` : "";
  const caught = q.detection.length === 0
    ? "detection rates not measured yet"
    : q.detection.map((d) =>
      `${pct(d.slowdown)} slowdowns caught ${rate(d.quiet)}${
        d.loaded ? ` quiet, ${rate(d.loaded)} loaded` : ""
      }`
    ).join("; ");
  const drawn = (q.detectionResampled ?? []).map((d) =>
    `; drawn from those pairs ${pct(d.slowdown)} slower, gate checks failed ${
      pctShare(d.quiet)
    } quiet and ${pctShare(d.loaded)} loaded`
  ).join("");
  return `measured ${q.where}: unchanged code failed ${rate(q.falseAlarms)} gate checks${loaded}${
    resampled(q.falseAlarmsResampled)
  }; ${caught}${drawn}`;
}
