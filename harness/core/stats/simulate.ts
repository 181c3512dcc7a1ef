/**
 * Simulation that chose the timing verdict's rule and defaults: draws A/A and A/B window
 * timings from a noise model and prints, per setting, how often the gate raises a false alarm
 * (A/A judged regressed or improved) and how often it detects a 5% and a 10% slowdown.
 *
 * Run: `deno run harness/core/stats/simulate.ts [--trials=2000] [--seed=1] [--cv=0.03,0.05,0.1]
 * [--n=10,20,30] [--alpha=0.01,0.05] [--margin=0.01,0.02,0.03]` (comma-separated lists)
 *
 * Noise model, per window (times; lower is better):
 * - lognormal noise with coefficient of variation `cv`;
 * - outliers: with probability 5% a window is slowed by a uniform 10-50% (GC, a background
 *   process);
 * - slow drift: the 2n windows run one after the other (baseline, then candidate), with a
 *   log-linear trend whose total size is uniform in [-2%, +2%] per trial, so the two sides
 *   differ by up to about 1% even in an A/A comparison.
 * A slowdown multiplies every candidate window by 1.05 or 1.10.
 *
 * @module
 */
import { Rng } from "../rng.ts";
import { mannWhitney } from "./mann_whitney.ts";
import { bootstrapRatios, percentileInterval } from "./_resample.ts";
import { sortedCopy, sortedQuantile } from "./_sample.ts";
import { type BeyondRule, classifyTiming, smallestP } from "./_classify_timing.ts";

const DEFAULTS = {
  trials: 2000,
  seed: 1,
  cv: "0.03,0.05,0.1",
  n: "10,20,30",
  alpha: "0.01,0.05",
  margin: "0.01,0.02,0.03",
};

function parseFlags(args: string[]): typeof DEFAULTS {
  const out: Record<string, string | number> = { ...DEFAULTS };
  for (const arg of args) {
    const m = /^--([a-z]+)=(.+)$/.exec(arg);
    if (!m || !(m[1] in DEFAULTS)) throw new TypeError(`Unknown flag "${arg}"`);
    const numeric = typeof DEFAULTS[m[1] as keyof typeof DEFAULTS] === "number";
    if (numeric && !Number.isInteger(Number(m[2]))) {
      throw new TypeError(`Flag --${m[1]} must be an integer, got "${m[2]}"`);
    }
    out[m[1]] = numeric ? Number(m[2]) : m[2];
  }
  return out as typeof DEFAULTS;
}

const OUTLIER_P = 0.05, DRIFT = 0.02;

/** One trial's baseline and candidate windows under the noise model. */
function drawPair(n: number, cv: number, slowdown: number, rng: Rng) {
  const sigma = Math.sqrt(Math.log(1 + cv * cv));
  const drift = DRIFT * (2 * rng.next() - 1);
  const window = (k: number) => {
    let t = Math.exp(sigma * rng.normal() - sigma * sigma / 2);
    if (rng.next() < OUTLIER_P) t *= 1.1 + 0.4 * rng.next();
    return 100 * t * Math.exp(drift * (k / (2 * n - 1) - 0.5));
  };
  const baseline = Array.from({ length: n }, (_, k) => window(k));
  const candidate = Array.from({ length: n }, (_, k) => slowdown * window(n + k));
  return { baseline, candidate };
}

const RULES: Array<{ name: string; rule: BeyondRule; level: number }> = [
  { name: "ci95", rule: "ci", level: 0.95 },
  { name: "ci90", rule: "ci", level: 0.90 },
  { name: "point", rule: "point", level: 0.95 },
];
const SCENARIOS = [1, 1.05, 1.10];

function main(args: string[]): void {
  const flags = parseFlags(args);
  const list = (text: string) => text.split(",").map(Number);
  const alphas = list(flags.alpha), margins = list(flags.margin);
  const root = new Rng(flags.seed);
  console.log(
    `trials ${flags.trials} per cell, seed ${flags.seed}, 2000 bootstrap resamples; ` +
      `rates in %: fa = A/A flagged (regressed or improved), d5/d10 = 5%/10% slowdown ` +
      `flagged regressed, i10 = 10% slowdown inconclusive`,
  );
  console.log("| cv | n | alpha | margin | rule | fa | d5 | d10 | i10 | meets |");
  console.log("|---|---|---|---|---|---|---|---|---|---|");
  for (const cv of list(flags.cv)) {
    for (const n of list(flags.n)) {
      // counts[scenario][setting] of regressed / improved / inconclusive
      const keys: string[] = [];
      for (const alpha of alphas) {
        for (const margin of margins) {
          for (const r of RULES) keys.push(`${alpha}|${margin}|${r.name}`);
        }
      }
      const counts = SCENARIOS.map(() =>
        new Map(keys.map((k) => [k, { regressed: 0, improved: 0, inconclusive: 0 }]))
      );
      SCENARIOS.forEach((slowdown, s) => {
        const rng = root.split(`cv${cv}:n${n}:x${slowdown}`);
        for (let trial = 0; trial < flags.trials; trial++) {
          const { baseline, candidate } = drawPair(n, cv, slowdown, rng);
          const ratio = sortedQuantile(sortedCopy(candidate), 0.5) /
            sortedQuantile(sortedCopy(baseline), 0.5);
          const { p } = mannWhitney(baseline, candidate);
          const dist = bootstrapRatios(baseline, candidate, 2000, rng);
          for (const alpha of alphas) {
            for (const margin of margins) {
              for (const r of RULES) {
                const ci = percentileInterval(dist, r.level);
                const tooFew = smallestP(n, n) >= alpha;
                const { verdict } = classifyTiming(
                  { ratio, ci, p, higherIsBetter: false, tooFew },
                  { alpha, margin, rule: r.rule },
                );
                const c = counts[s].get(`${alpha}|${margin}|${r.name}`)!;
                if (verdict !== "unchanged") c[verdict]++;
              }
            }
          }
        }
      });
      for (const key of keys) {
        const [alpha, margin, rule] = key.split("|");
        const pct = (x: number) => (100 * x / flags.trials);
        const aa = counts[0].get(key)!, d5 = counts[1].get(key)!, d10 = counts[2].get(key)!;
        const fa = pct(aa.regressed + aa.improved);
        const r5 = pct(d5.regressed), r10 = pct(d10.regressed), i10 = pct(d10.inconclusive);
        const meets = fa <= 1 && r10 >= 95 && r5 >= 50 ? "yes" : "";
        console.log(
          `| ${cv} | ${n} | ${alpha} | ${margin} | ${rule} | ${fa.toFixed(1)} | ` +
            `${r5.toFixed(1)} | ${r10.toFixed(1)} | ${i10.toFixed(1)} | ${meets} |`,
        );
      }
    }
  }
}

// A script, not a module to import: importing it (a doc test, say) must not run hours of draws.
if (import.meta.main) {
  try {
    main(Deno.args);
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    Deno.exit(1);
  }
}
