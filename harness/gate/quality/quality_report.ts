/** The text report of `check --quality`: per method and load, rates with Wilson intervals. */
import { fmt, table } from "../../core/table.ts";
import { type PoolStreams, variantLabel } from "./quality_pool.ts";
import type { Rate } from "./quality.ts";
import { checksForBound, type CheckSummary, thetaDiagnostics } from "./quality_stats.ts";

/** What the report says besides the checks. */
export interface QualityReportMeta {
  pool: string;
  pairs: number;
  /** Seconds of pairs a replayed sequential check had. */
  budgetS: number;
  /** Median seconds of one round of pairs (one per target), from the pool. */
  roundS: number;
}

const pct = (x: number) => `${fmt(x * 100, 1)}%`;
const rate = (r: Rate) =>
  r.checks ? `${r.hits}/${r.checks} = ${pct(r.rate)} [${pct(r.low)}, ${pct(r.high)}]` : "–";
const secs = (x: number) => (Number.isFinite(x) ? fmt(x, 0) : "–");

/** One table: a row per method, slowdown and load. */
function checksTable(rows: CheckSummary[]): string {
  return table(
    [
      "method",
      "load",
      "candidate",
      "gate checks failed [95% Wilson]",
      "target checks regressed [95% Wilson]",
      "unchanged",
      "inconclusive",
      "pairs/target",
      "s to decide (median, p90)",
    ],
    rows.map((s) => [
      s.method,
      s.load,
      variantLabel(s),
      rate(s.gateFailed),
      rate(s.targetRegressed),
      String(s.targetUnchanged),
      String(s.targetInconclusive),
      fmt(s.pairsMedian, 0),
      Number.isFinite(s.wallMedianS) ? `${secs(s.wallMedianS)}, ${secs(s.wallP90S)}` : "–",
    ]),
  );
}

/** What the A/A streams show of the rule's assumptions; null when the pool has none. */
function thetaTable(streams: PoolStreams): string | null {
  const rows = [...streams].filter(([, s]) => s[0].slowdown === 0 && s.length >= 3);
  if (rows.length === 0) return null;
  return table(
    [
      "target",
      "load",
      "A/A pairs",
      "mean θ ± 2 se",
      "sd θ",
      "windows' share of var θ",
      "lag-1 r",
      "beyond 4 robust sd",
      "first starter",
      "s/pair",
    ],
    rows.map(([, s]) => {
      const d = thetaDiagnostics(s);
      return [
        `${s[0].experiment} ${s[0].backend}`,
        s[0].load,
        String(d.n),
        `${fmt(d.mean, 4)} ± ${fmt(2 * d.se, 4)}`,
        fmt(d.sd, 4),
        fmt(d.windowShare, 2),
        fmt(d.lag1, 2),
        pct(d.beyond4),
        fmt(d.firstStarter, 4),
        fmt(d.costMedianS, 1),
      ];
    }),
  );
}

/**
 * What the injected slowdowns cost in fact: the extra work is timed against the step it
 * follows, so a "5%" stream may realize 4-9% (gate/measured/); detection is read against
 * this. Null when the pool has no slowed stream.
 */
function slowedTable(streams: PoolStreams): string | null {
  const rows = [...streams].filter(([, s]) => s[0].slowdown > 0 && s.length >= 2);
  if (rows.length === 0) return null;
  return table(
    ["target", "load", "injected", "pairs", "mean θ ± 2 se", "realized slowdown", "sd θ"],
    rows.map(([, s]) => {
      const d = thetaDiagnostics(s);
      return [
        `${s[0].experiment} ${s[0].backend}`,
        s[0].load,
        pct(s[0].slowdown) + ((s[0].every ?? 1) > 1 ? ` every ${s[0].every}th step` : ""),
        String(d.n),
        `${fmt(d.mean, 4)} ± ${fmt(2 * d.se, 4)}`,
        pct(1 - Math.exp(d.mean)),
        fmt(d.sd, 4),
      ];
    }),
  );
}

/** The report as printed. */
export function qualityReport(
  summaries: CheckSummary[],
  streams: PoolStreams,
  meta: QualityReportMeta,
): string {
  const aa = summaries.find((s) =>
    s.method === "sequential paired" && s.slowdown === 0 &&
    s.load === "quiet"
  );
  const need = aa ? checksForBound(aa.gateFailed.hits, 0.03) : checksForBound(0, 0.03);
  const more = Math.max(0, need - (aa?.gateFailed.checks ?? 0));
  const perCheck = aa ? aa.pairsMedian * meta.roundS : NaN;
  const slowed = slowedTable(streams), theta = thetaTable(streams);
  return [
    `Gate quality from ${meta.pairs} process pairs in ${meta.pool}: each check takes the next ` +
    "unused pairs of every target's stream, so checks are independent; a gate check fails " +
    "when any target is judged regressed (for a slowed candidate: detection). Sequential " +
    `checks replay the gate's loop with ${fmt(meta.budgetS, 0)} s of pairs, timed by each ` +
    "pair's measured cost.\n",
    checksTable(summaries),
    "",
    ...(slowed
      ? ["What the injected slowdowns realized (speed lost, 1 - e^mean θ):\n", slowed, ""]
      : []),
    `Enough: false alarms <= 1% need a Wilson 95% upper bound <= 3%: 125 A/A gate checks ` +
    `with none, 185 with one. Sequential paired, quiet: ${aa?.gateFailed.checks ?? 0} checks, ` +
    `${aa?.gateFailed.hits ?? 0} failed; ${more} more needed${
      more && Number.isFinite(perCheck) ? ` (about ${fmt((more * perCheck) / 3600, 1)} h here)` : ""
    }.`,
    "",
    "The sequential rule's error rates hold whatever the spread of θ if the A/A θ are centred " +
    "on 0, independent and not heavy-tailed (gate/METHOD.md); " +
    (theta ? `measured:\n\n${theta}` : "not measured: this pool has no A/A stream of 3 pairs."),
  ].join("\n");
}
