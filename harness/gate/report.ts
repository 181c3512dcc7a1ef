/** The gate's report: Markdown for a pull-request comment (and the terminal), or JSON. */
import { TIMING_DEFAULTS } from "../core/stats/mod.ts";
import type { VerdictRow } from "./types.ts";

/** The overall outcome: any regression fails the gate. */
export function gateOutcome(rows: VerdictRow[]): "pass" | "fail" {
  return rows.some((r) => r.verdict === "regressed") ? "fail" : "pass";
}

function num(v: number | null, digits = 4): string {
  if (v === null || !Number.isFinite(v)) return "–";
  return Math.abs(v) >= 100 ? v.toFixed(1) : v.toPrecision(digits);
}

function change(r: VerdictRow): string {
  if (r.change === null) return "–";
  if (r.kind === "timing") {
    const pct = (x: number) => `${x >= 1 ? "+" : ""}${((x - 1) * 100).toFixed(1)}%`;
    return `${pct(r.change)}${r.ci ? ` [${pct(r.ci[0])}, ${pct(r.ci[1])}]` : ""}`;
  }
  const pp = (x: number) => `${x >= 0 ? "+" : ""}${(x * 100).toFixed(2)} pp`;
  return `${pp(r.change)}${
    r.ci && Number.isFinite(r.ci[0]) ? ` [${pp(r.ci[0])}, ${pp(r.ci[1])}]` : ""
  }`;
}

const MARK: Record<VerdictRow["verdict"], string> = {
  regressed: "**REGRESSED**",
  improved: "improved",
  unchanged: "unchanged",
  inconclusive: "inconclusive",
  not_comparable: "not comparable",
};

const esc = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");

/** A Markdown report: outcome, counts, one table row per verdict, and the method. */
export function markdownReport(
  rows: VerdictRow[],
  meta: { baseline: string; candidate: string; margins: string },
): string {
  const outcome = gateOutcome(rows);
  const count = (v: VerdictRow["verdict"]) => rows.filter((r) => r.verdict === v).length;
  const lines = [
    `## reprobench gate: ${outcome === "pass" ? "PASS" : "FAIL"}`,
    "",
    `Baseline: ${meta.baseline}  `,
    `Candidate: ${meta.candidate}`,
    "",
    `${count("regressed")} regressed, ${count("improved")} improved, ${
      count("unchanged")
    } unchanged, ` +
    `${count("inconclusive")} inconclusive, ${count("not_comparable")} not comparable.`,
    "",
    "| experiment | backend | metric | verdict | baseline | candidate | change [95% CI] | p | n | note |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ...rows.map((r) =>
      `| ${esc(r.experiment)} | ${r.backend} | ${esc(r.metric)} | ${MARK[r.verdict]} | ${
        num(r.baseline)
      } | ${num(r.candidate)} | ${change(r)} | ${r.p === null ? "–" : r.p.toPrecision(2)} | ${
        r.n[0]
      }/${r.n[1]} | ${esc(r.reason)} |`
    ),
    "",
    "Change: for timings the ratio of medians (candidate / baseline) minus 1; for test accuracy " +
    "the difference of means in percentage points (paired by seed when both sides ran the same seeds).",
    "",
    `Method: a timing regresses only when Mann-Whitney U p < ${TIMING_DEFAULTS.alpha} and the whole ` +
    `95% bootstrap CI of the ratio of medians lies beyond the practical margin (${meta.margins}); ` +
    "test accuracy regresses when the 95% Welch CI of the difference of means lies below minus the " +
    "experiment's tolerance; same seed, commit, machine and versions with different weights fails " +
    "as non-deterministic. See harness/gate/METHOD.md.",
    ...(rows.some((r) => r.metric.endsWith("(paired)"))
      ? [
        "",
        "Paired timings: baseline and candidate ran in two processes taking turns window by " +
        "window; the change is the Hodges-Lehmann ratio of paired windows with its " +
        "signed-rank interval, and p the Wilcoxon signed-rank test's.",
      ]
      : []),
  ];
  return lines.join("\n") + "\n";
}

/** The same report as one JSON document. */
export function jsonReport(rows: VerdictRow[], meta: Record<string, unknown>): unknown {
  return { outcome: gateOutcome(rows), ...meta, method: { ...TIMING_DEFAULTS }, verdicts: rows };
}
