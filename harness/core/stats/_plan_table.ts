/**
 * The `--plan` table of `simulate_sequential.ts`: what was simulated, then one row per slowdown
 * and outlier rate of whole gate runs (`planRows`).
 */
import type { SequentialDesign } from "./sequential_design.ts";
import { bootCount, type PlanOptions, planRows, suiteSpec } from "./_simulate_plan.ts";
import { pooledThetas } from "./_theta_pool.ts";

/** The header line of the plan's table, and what the θ are drawn from. */
function describePlan(o: PlanOptions): string {
  const pools = o.thetas ? pooledThetas(o.thetas) : [];
  const from = o.thetas
    ? `θ drawn from measured pairs (${
      o.thetas.targets.map((t, i) => `${t}: ${pools[i].length}`).join(", ")
    }; ${o.thetas.checks.length} checks)`
    : `spreads ${o.spreads.join(", ")}`;
  const spec = suiteSpec(o);
  const groups = o.groups?.length
    ? ` and groups ${o.groups.map((g) => g.join("+")).join(", ")}${
      o.readGroups === false ? " (not read)" : ""
    }`
    : "";
  const suite = spec === null ? "no suite rows" : `suite rows ${JSON.stringify(spec)}${groups}`;
  const slowed = o.slowed ? `, slowdowns of targets ${o.slowed.join(", ")} only` : "";
  return `Plan: ${o.costs.length} targets, seconds per pair ${o.costs.join(", ")}, ${from}, ` +
    `budget ${o.budgetS} s, ${suite}${o.checkSd ? `, a bias of sd ${o.checkSd} per check` : ""}` +
    (o.groupSd ? `, a bias of sd ${o.groupSd} per group and check` : "") +
    slowed + (o.perRound ? `, pairs per round ${o.perRound.join(", ")}` : "");
}

/** Print one Markdown table of whole gate runs under each slowdown and outlier rate. */
export function simulatePlan(design: SequentialDesign, o: PlanOptions): void {
  const rows = planRows(design, o);
  const boot = bootCount(o);
  console.log(`${describePlan(o)}\n`);
  console.log(
    "| slowdown | outliers | gate fails | by a target's row | by the suite row | " +
      "by a group's row | " +
      "targets regressed | targets inconclusive | " +
      "median s | p90 s | max s | median s to first regressed |" +
      (boot ? ` gate fails, checks resampled ${boot} times (2.5-97.5%) |` : ""),
  );
  console.log(`| - | - | - | - | - | - | - | - | - | - | - | - |${boot ? " - |" : ""}`);
  const pct = (x: number) => (100 * x).toFixed(x < 0.01 && x > 0 ? 2 : 1);
  for (const r of rows) {
    const cells = [
      r.slowdown,
      r.outliers,
      pct(r.fails),
      pct(r.targetsFail),
      pct(r.suiteRegressed),
      pct(r.groupRegressed),
      pct(r.regressed),
      pct(r.inconclusive),
      r.medianS.toFixed(0),
      r.p90S.toFixed(0),
      r.maxS.toFixed(0),
      r.firstFailS === null ? "-" : r.firstFailS.toFixed(0),
      ...(r.failsResampled ? [r.failsResampled.map(pct).join("-")] : []),
    ];
    console.log(`| ${cells.join(" | ")} |`);
  }
}
