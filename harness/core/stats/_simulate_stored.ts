/**
 * The stored-baseline rule for `simulate_sequential.ts --stored`: baseline and candidate
 * sessions of per-process values drawn with a session level (spread τ = ρσ) and process
 * effects (spread σ, normal or t3), judged by `storedBaselineVerdict` with its default ρ.
 */
import type { Rng } from "../rng.ts";
import { storedBaselineVerdict } from "./stored_baseline_verdict.ts";

/** What `--stored` simulates. */
export interface StoredOptions {
  spreads: number[];
  ratios: number[];
  baselines: number[];
  candidates: number;
  slowdowns: number[];
  noise: "normal" | "t3";
  /** The ρ the rule assumes (its calibration). */
  ruleRatio: number;
  trials: number;
  rng: Rng;
}

function draw(noise: StoredOptions["noise"], rng: Rng): number {
  if (noise === "normal") return rng.normal();
  const chi = rng.normal() ** 2 + rng.normal() ** 2 + rng.normal() ** 2;
  return rng.normal() / Math.sqrt(chi / 3) / Math.sqrt(3);
}

/** Print one Markdown table of the stored-baseline rule's verdicts. */
export function simulateStored(o: StoredOptions): void {
  console.log(
    `Stored baseline: K = ${o.candidates} candidate processes, rule ρ = ${o.ruleRatio}, ` +
      `process effects ${o.noise}\n`,
  );
  console.log(
    "| σ | true ρ | B | slowdown | regressed | unchanged | inconclusive | median margin |",
  );
  console.log("| - | - | - | - | - | - | - | - |");
  const pct = (x: number) => (100 * x).toFixed(x < 0.01 && x > 0 ? 2 : 1);
  for (const s of o.spreads) {
    for (const rho of o.ratios) {
      for (const B of o.baselines) {
        for (const slowdown of o.slowdowns) {
          const n = { regressed: 0, unchanged: 0, inconclusive: 0, "not comparable": 0 };
          const margins: number[] = [];
          for (let i = 0; i < o.trials; i++) {
            const lb = rho * s * o.rng.normal(), lc = rho * s * o.rng.normal();
            const baseline = Array.from(
              { length: B },
              () => Math.exp(7 + lb + s * draw(o.noise, o.rng)),
            );
            const candidate = Array.from(
              { length: o.candidates },
              () => Math.exp(7 - Math.log1p(slowdown) + lc + s * draw(o.noise, o.rng)),
            );
            const r = storedBaselineVerdict({
              baseline,
              candidate,
              higherIsBetter: true,
              sessionRatio: o.ruleRatio,
              minBaseline: Math.min(B, 5),
            });
            n[r.verdict]++;
            margins.push(r.margin);
          }
          margins.sort((a, b) => a - b);
          console.log(
            `| ${s} | ${rho} | ${B} | ${slowdown} | ${pct(n.regressed / o.trials)} | ${
              pct(n.unchanged / o.trials)
            } | ${pct(n.inconclusive / o.trials)} | ${
              pct(margins[Math.floor(margins.length / 2)])
            }% |`,
          );
        }
      }
    }
  }
}
