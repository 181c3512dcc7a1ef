/**
 * `deno task check --quality`: measure the gate on this machine. Runs `rounds` rounds of pairs
 * of processes taking turns (`paired.ts`), for one experiment on one backend; each round has
 * one A/A pair (both unchanged) and one pair per slowdown, whose candidate does extra work of
 * that fraction of its own step time in every step (`perf/extra_work.ts`), in an order
 * rotated every round so drift spreads evenly. Then it scores, on the same runs:
 * - the gate's paired rule: checks of `k` process pairs of one variant (every k-subset);
 * - one process pair alone (the windows' own signed-rank test);
 * - the unpaired rule (a stored baseline): each unchanged run against runs of other rounds.
 */
import {
  clusteredTimingVerdict,
  median,
  pairedTimingVerdict,
  type TimingVerdict,
  timingVerdict,
} from "../core/stats/mod.ts";
import { Rng } from "../core/rng.ts";
import { pairedTiming } from "./paired.ts";
import {
  type QualityCheck,
  type QualityRun,
  type QualityScore,
  scorePaired,
  scoreUnpaired,
} from "./quality.ts";
import { UserError } from "../core/errors.ts";

export interface QualityOptions {
  experiment: string;
  backend: string;
  root: string;
  db: string;
  experiments?: string;
  rounds: number;
  slowdowns: number[];
  /** Process pairs per check of the paired rule (the gate's `--pairs`). */
  k: number;
  /** The margins to score (the gate's own among them). */
  margins: number[];
  log: (line: string) => void;
}

export interface QualityResult {
  experiment: string;
  backend: string;
  k: number;
  pairs: (QualityCheck & { ratio: number; aSuite: string | null; bSuite: string | null })[];
  /** The gate's rule: k process pairs per check. */
  paired: QualityScore[];
  /** One process pair per check. */
  single: QualityScore[];
  unpaired: QualityScore[];
  wallS: number;
}

/** The gate's unpaired timing rule on throughput windows, with a fixed bootstrap seed. */
export function unpairedJudge(base: number[], cand: number[], margin: number): TimingVerdict {
  return timingVerdict({
    baseline: base,
    candidate: cand,
    higherIsBetter: true,
    margin,
    rng: new Rng(1).split("quality"),
  }).verdict;
}

/** The gate's paired timing rule over process pairs. */
export function pairedJudge(clusters: [number, number][][], margin: number): TimingVerdict {
  return clusteredTimingVerdict({ clusters, higherIsBetter: true, margin }).verdict;
}

/** One pair of processes judged alone, on its windows. */
export function singleJudge(clusters: [number, number][][], margin: number): TimingVerdict {
  return pairedTimingVerdict({ pairs: clusters[0], higherIsBetter: true, margin }).verdict;
}

export async function measureGateQuality(opts: QualityOptions): Promise<QualityResult> {
  if (!(Number.isInteger(opts.rounds) && opts.rounds >= opts.k)) {
    throw new UserError(
      `--rounds must be an integer of at least ${opts.k} (process pairs per check), got ${opts.rounds}`,
    );
  }
  const t0 = performance.now();
  const variants = [0, ...opts.slowdowns];
  const total = opts.rounds * variants.length;
  const pairs: QualityResult["pairs"] = [];
  const runs: QualityRun[] = [];
  for (let round = 0; round < opts.rounds; round++) {
    const order = variants.map((_, i) => variants[(i + round) % variants.length]);
    for (const slowdown of order) {
      const started = performance.now();
      // Both sides probe their own step time; only the candidate adds work to its steps.
      const plain = { root: opts.root, db: opts.db, slowdown: "0" };
      const cand = { ...plain, slowdown: String(slowdown) };
      // Alternate which process starts first, as the gate does.
      const r = await pairedTiming({
        experiment: opts.experiment,
        backend: opts.backend,
        experiments: opts.experiments,
        a: plain,
        b: cand,
        first: round % 2 === 0 ? "a" : "b",
      });
      for (const [side, what] of [[r.a, "baseline"], [r.b, "candidate"]] as const) {
        if (side.status !== "ok" || !side.imagesPerS) {
          throw new UserError(
            `${opts.experiment} on ${opts.backend} (${what}) did not time: ${side.status} ${
              side.reason ?? ""
            }`,
          );
        }
      }
      if (r.pairs.length < 8) {
        throw new UserError(
          `${opts.experiment} on ${opts.backend} gave ${r.pairs.length} paired windows; ` +
            `the paired test needs 8 (a slow backend stops at its time budget)`,
        );
      }
      const check = pairs.length;
      const ratio = median(r.pairs.map(([a, b]) => b / a));
      pairs.push({ slowdown, pairs: r.pairs, ratio, aSuite: r.a.suiteId, bSuite: r.b.suiteId });
      runs.push({ check, slowdown: 0, windows: r.a.windows });
      runs.push({ check, slowdown, windows: r.b.windows });
      const done = pairs.length, spent = (performance.now() - t0) / 1000;
      opts.log(
        `[${done}/${total}] ${slowdown === 0 ? "A/A" : `A/A+${slowdown * 100}%`}: ` +
          `${r.pairs.length} pairs of windows, median ratio ${ratio.toFixed(3)}, ` +
          `A ${r.a.imagesPerS!.toFixed(1)} images/s (${
            ((performance.now() - started) / 1000).toFixed(1)
          } s; ETA ${Math.round((spent / done) * (total - done))} s)`,
      );
    }
  }
  const rng = (what: string) => new Rng(1).split(what);
  return {
    experiment: opts.experiment,
    backend: opts.backend,
    k: opts.k,
    pairs,
    paired: opts.margins.map((m) => scorePaired(pairs, opts.k, m, pairedJudge, rng("paired"))),
    single: opts.margins.map((m) => scorePaired(pairs, 1, m, singleJudge, rng("single"))),
    unpaired: opts.margins.map((m) => scoreUnpaired(runs, m, unpairedJudge, rng("unpaired"))),
    wallS: (performance.now() - t0) / 1000,
  };
}
