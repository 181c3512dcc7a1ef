/**
 * `deno task check --quality`: measure the gate on this machine. Runs `rounds` rounds of
 * paired checks of one experiment on one backend; each round has one A/A check (two
 * unchanged runs taking turns window by window, `paired.ts`) and one check per slowdown (the
 * candidate does extra work of that fraction of A's step time in every step, see
 * `perf/extra_work.ts`), in an order rotated every round so drift spreads evenly. Then it
 * scores the gate's paired rule on every check, and the unpaired rule (a stored baseline) on
 * the same runs taken across checks (`quality.ts`).
 */
import { pairedTimingVerdict, type TimingVerdict, timingVerdict } from "../stats/mod.ts";
import { Rng } from "../rng.ts";
import { pairedTiming } from "./paired.ts";
import {
  type QualityCheck,
  type QualityRun,
  type QualityScore,
  scorePaired,
  scoreUnpaired,
} from "./quality.ts";
import { UserError } from "../errors.ts";

export interface QualityOptions {
  experiment: string;
  backend: string;
  root: string;
  db: string;
  experiments?: string;
  rounds: number;
  slowdowns: number[];
  /** The margins to score (the gate's own among them). */
  margins: number[];
  log: (line: string) => void;
}

export interface QualityResult {
  experiment: string;
  backend: string;
  /** A's median step time, the base of every slowdown. */
  stepS: number;
  checks: (QualityCheck & { ratio: number; aSuite: string | null; bSuite: string | null })[];
  paired: QualityScore[];
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

/** The gate's paired timing rule. */
export function pairedJudge(pairs: [number, number][], margin: number): TimingVerdict {
  return pairedTimingVerdict({ pairs, higherIsBetter: true, margin }).verdict;
}

export async function measureGateQuality(opts: QualityOptions): Promise<QualityResult> {
  if (!(Number.isInteger(opts.rounds) && opts.rounds >= 1)) {
    throw new UserError(`--rounds must be a positive integer, got ${opts.rounds}`);
  }
  const t0 = performance.now();
  const variants = [0, ...opts.slowdowns];
  const total = opts.rounds * variants.length;
  const checks: QualityResult["checks"] = [];
  const runs: QualityRun[] = [];
  let stepS = NaN;
  for (let round = 0; round < opts.rounds; round++) {
    // Rotate the order every round; round 0 starts with A/A, whose step time sets the rest.
    const order = variants.map((_, i) => variants[(i + round) % variants.length]);
    for (const slowdown of order) {
      const started = performance.now();
      const plain = { root: opts.root, db: opts.db, slowdown: "0@1" };
      const r = await pairedTiming({
        experiment: opts.experiment,
        backend: opts.backend,
        experiments: opts.experiments,
        a: plain,
        b: slowdown === 0 ? plain : { ...plain, slowdown: `${slowdown}@${stepS}` },
      });
      for (const [side, what] of [[r.a, "baseline"], [r.b, "candidate"]] as const) {
        if (side.status !== "ok" || !side.imagesPerS || !side.batchSize) {
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
      if (Number.isNaN(stepS)) stepS = r.a.batchSize! / r.a.imagesPerS!;
      const check = checks.length;
      const d = r.pairs.map(([a, b]) => b / a).sort((x, y) => x - y);
      checks.push({
        slowdown,
        pairs: r.pairs,
        ratio: d[Math.floor(d.length / 2)],
        aSuite: r.a.suiteId,
        bSuite: r.b.suiteId,
      });
      runs.push({ check, slowdown: 0, windows: r.a.windows });
      runs.push({ check, slowdown, windows: r.b.windows });
      const done = checks.length, spent = (performance.now() - t0) / 1000;
      opts.log(
        `[${done}/${total}] ${slowdown === 0 ? "A/A" : `A/A+${slowdown * 100}%`}: ` +
          `${r.pairs.length} pairs, median pair ratio ${d[Math.floor(d.length / 2)].toFixed(3)}, ` +
          `A ${r.a.imagesPerS!.toFixed(1)} images/s (${
            ((performance.now() - started) / 1000).toFixed(1)
          } s; ETA ${Math.round((spent / done) * (total - done))} s)`,
      );
    }
  }
  return {
    experiment: opts.experiment,
    backend: opts.backend,
    stepS,
    checks,
    paired: opts.margins.map((m) => scorePaired(checks, m, pairedJudge)),
    unpaired: opts.margins.map((m) => scoreUnpaired(runs, m, unpairedJudge)),
    wallS: (performance.now() - t0) / 1000,
  };
}
