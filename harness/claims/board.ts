/**
 * The claims board: verdicts grouped by article and experiment, as text or as one JSON
 * document.
 */
import { documentHeader } from "../core/documents.ts";
import { fmt, table } from "../core/table.ts";
import type { ClaimsEvaluation } from "./evaluate.ts";
import type { VerdictRecord } from "../../results/claims.ts";

const LABEL: Record<VerdictRecord["verdict"], string> = {
  reproduced: "reproduced",
  not_reproduced: "NOT reproduced",
  inconclusive: "inconclusive",
  not_checkable: "not checkable",
};

const cut = (s: string, n: number) => (s.length > n ? s.slice(0, n - 3) + "..." : s);

/** "0.9712 ± 0.0031 [0.9674, 0.9750]", or "-" when nothing was measured. */
export function measuredText(v: VerdictRecord): string {
  if (v.measuredMean === null) return "-";
  const m = Math.abs(v.measuredMean);
  // Tiny values (relative differences like 3e-8) would all print as 0.0000.
  const f = m > 0 && m < 1e-3
    ? (x: number) => x.toExponential(2)
    : (x: number) => fmt(x, m >= 100 ? 1 : 4);
  let s = f(v.measuredMean);
  if (v.measuredStd !== null) s += ` ± ${f(v.measuredStd)}`;
  if (v.ciLow !== null && v.ciHigh !== null) s += ` [${f(v.ciLow)}, ${f(v.ciHigh)}]`;
  return s;
}

/** Counts of each verdict. */
export function tally(verdicts: VerdictRecord[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of verdicts) out[v.verdict] = (out[v.verdict] ?? 0) + 1;
  return out;
}

/** The board as text, one block per article, one table per experiment. */
export function boardText(result: ClaimsEvaluation, width = 110): string {
  const byArticle = new Map<string, ClaimsEvaluation["experiments"]>();
  for (const x of result.experiments) {
    const a = x.declared.experiment.source.article;
    byArticle.set(a, [...(byArticle.get(a) ?? []), x]);
  }
  const out: string[] = [];
  for (const [article, xs] of [...byArticle].sort(([a], [b]) => a.localeCompare(b))) {
    out.push(`== ${article} ==`);
    for (const x of xs) {
      const e = x.declared.experiment;
      const variant = e.variant ? ` — variant of ${e.variant.of}: ${e.variant.change}` : "";
      out.push(`\n${e.id} (${e.source.section})${cut(variant, width)}`);
      const rows = x.verdicts.map((v) => [
        v.claimId,
        cut(v.printed, 28),
        v.backend ?? "-",
        measuredText(v),
        String(v.n),
        LABEL[v.verdict],
        v.runIds.map((id) => id.slice(0, 8)).slice(0, 3).join(" ") +
        (v.runIds.length > 3 ? ` +${v.runIds.length - 3}` : ""),
      ]);
      out.push(table(["claim", "printed", "backend", "measured", "n", "verdict", "runs"], rows));
      const reasons = new Map<string, string[]>();
      for (const v of x.verdicts) {
        const key = `${v.claimId}: ${v.reason}`;
        reasons.set(key, [...(reasons.get(key) ?? []), v.backend ?? "all"]);
      }
      for (const [reason, backends] of reasons) {
        out.push(`  - [${backends.join(",")}] ${cut(reason, width * 2)}`);
      }
      const interpretations = x.claims.filter((c) => c.kind === "qualitative" && c.interpretation);
      for (const c of interpretations) out.push(`  * ${c.id} read as: ${c.interpretation}`);
    }
    out.push("");
  }
  const all = result.experiments.flatMap((x) => x.verdicts);
  const counts = Object.entries(tally(all)).map(([k, n]) =>
    `${n} ${LABEL[k as VerdictRecord["verdict"]]}`
  );
  out.push(`${all.length} verdicts (${result.profile} profile): ${counts.join(", ")}`);
  return out.join("\n");
}

/** The board as one JSON document: one entry per verdict. */
export function boardJson(result: ClaimsEvaluation, db: string): unknown {
  const all = result.experiments.flatMap((x) => x.verdicts);
  return {
    ...documentHeader("claims"),
    profile: result.profile,
    db,
    counts: tally(all),
    ranSuites: result.suites.map((s) => s.suiteId),
    claims: all.map((v) => ({
      article: v.article,
      experimentId: v.experimentId,
      claim: v.claimId,
      metric: v.metric,
      printed: v.printed,
      kind: v.kind,
      value: v.value,
      where: v.wherePrinted,
      interpretation: v.interpretation,
      backend: v.backend,
      measured: {
        mean: v.measuredMean,
        std: v.measuredStd,
        ciLow: v.ciLow,
        ciHigh: v.ciHigh,
        n: v.n,
      },
      verdict: v.verdict,
      reason: v.reason,
      runIds: v.runIds,
    })),
  };
}
