/** The text report of `check --quality`: the gate's false alarms and detection rates here. */
import { fmt, table } from "../core/table.ts";
import { PAIRED_MARGIN } from "./margin.ts";
import type { QualityResult } from "./quality_run.ts";
import type { QualityScore, Rate } from "./quality.ts";

/** What the report says about the measurement besides its result. */
export interface QualityReportMeta {
  rounds: number;
  slowdowns: number[];
  /** The unpaired gate's margin on this machine and backend. */
  gateMargin: number;
  /** Where the runs are stored. */
  db: string;
}

const pct = (r: Rate) => `${fmt(r.rate * 100, 1)}% (${r.hits}/${r.checks})`;

function scores(rows: QualityScore[], slowdowns: number[], mine: number): string {
  return table(
    [
      "margin",
      "A/A flagged",
      "A/A failed",
      ...slowdowns.map((s) => `${fmt(s * 100, 0)}% slowdown caught`),
    ],
    rows.map((s) => [
      `${fmt(s.margin * 100, 1)}%${s.margin === mine ? " (the gate's)" : ""}`,
      pct(s.falseAlarms),
      pct(s.falseFailures),
      ...s.detection.map((d) => pct(d.rate)),
    ]),
  );
}

/** The report as printed: one table per rule, then every pair's median window ratio. */
export function qualityReport(result: QualityResult, meta: QualityReportMeta): string {
  const { rounds, slowdowns } = meta;
  const ratios = (slowdown: number) =>
    result.pairs.filter((c) => c.slowdown === slowdown).map((c) => fmt(c.ratio, 3)).join(", ");
  return [
    `Gate quality: ${result.experiment} on ${result.backend}, ${rounds} rounds of ${
      slowdowns.length + 1
    } pairs of processes taking turns, ${fmt(result.wallS, 0)} s\n`,
    `Paired, ${result.k} process pairs per check (check --paired-ref):\n`,
    scores(result.paired, slowdowns, PAIRED_MARGIN),
    `\nPaired, one process pair per check (its windows' signed-rank test):\n`,
    scores(result.single, slowdowns, PAIRED_MARGIN),
    `\nUnpaired (a stored baseline: runs of other rounds):\n`,
    scores(result.unpaired, slowdowns, meta.gateMargin),
    `\nMedian window ratio of each process pair:\n` +
    [0, ...slowdowns].map((s) => `  ${s === 0 ? "A/A" : `+${s * 100}%`}: ${ratios(s)}`)
      .join("\n") +
    `\nChecks of several pairs are all k-subsets (at most 500, seeded) of the rounds' pairs and ` +
    `share pairs, as unpaired checks share runs: the rates rest on ${rounds} pairs per variant.` +
    `\nRuns stored in ${meta.db}.`,
  ].join("\n");
}
