/** The gate's report: Markdown for a pull-request comment (and the terminal), or JSON. */
import { documentHeader } from "../core/documents.ts";
import { methodsUsed } from "./methods.ts";
import type { VerdictRow } from "./types.ts";

/** What the report says besides its rows: the two sides and how timings were judged. */
export interface ReportMeta {
  baseline: string;
  candidate: string;
  /** The timing mode and why it was chosen (`timing_mode.ts`). */
  timing: { mode: "paired" | "stored"; reason: string };
}

/**
 * The warning an inconclusive timing deserves (the gate passes, but the timing was neither
 * shown unchanged nor regressed), or null when there is none.
 *
 * @example
 * ```ts
 * inconclusiveWarning([]); // null
 * ```
 */
export function inconclusiveWarning(rows: readonly VerdictRow[]): string | null {
  const open = rows.filter((r) => r.kind === "timing" && r.verdict === "inconclusive");
  if (open.length === 0) return null;
  return `${open.length} timing${open.length === 1 ? "" : "s"} inconclusive (${
    open.map((r) => `${r.experiment} on ${r.backend}`).join(", ")
  }): not a failure, but not shown unchanged either; each row's note says why`;
}

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
export function markdownReport(rows: VerdictRow[], meta: ReportMeta): string {
  const outcome = gateOutcome(rows);
  const count = (v: VerdictRow["verdict"]) => rows.filter((r) => r.verdict === v).length;
  const used = methodsUsed(rows);
  const methodNo = (r: VerdictRow) =>
    used.findIndex((m) => m.name === r.method.name && m.rule === r.method.rule) + 1;
  const lines = [
    `## reprobench gate: ${outcome === "pass" ? "PASS" : "FAIL"}`,
    "",
    `Baseline: ${meta.baseline}  `,
    `Candidate: ${meta.candidate}  `,
    `Timings: ${meta.timing.reason}`,
    "",
    `${count("regressed")} regressed, ${count("improved")} improved, ${
      count("unchanged")
    } unchanged, ` +
    `${count("inconclusive")} inconclusive, ${count("not_comparable")} not comparable.`,
    "",
    ...(inconclusiveWarning(rows) ? [`> **Warning:** ${inconclusiveWarning(rows)}.`, ""] : []),
    "| experiment | backend | metric | verdict | baseline | candidate | change [95% CI] | p | n | method | note |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ...rows.map((r) =>
      `| ${esc(r.experiment)} | ${r.backend} | ${esc(r.metric)} | ${MARK[r.verdict]} | ${
        num(r.baseline)
      } | ${num(r.candidate)} | ${change(r)} | ${r.p === null ? "–" : r.p.toPrecision(2)} | ${
        r.n[0]
      }/${r.n[1]} | ${methodNo(r)} | ${esc(r.reason)} |`
    ),
    "",
    "Change: for timings the speed ratio (candidate / baseline) minus 1 as the row's method " +
    "estimates it; for test accuracy the difference of means in percentage points. Method: the " +
    "number of the method below that judged the row.",
    "",
    ...methodFooter(rows),
  ];
  return lines.join("\n") + "\n";
}

/**
 * The footer's account of how the rows were judged: each method the rows used (as set where
 * each verdict was made), numbered as the table's method column numbers them, with how many
 * rows it judged and its rule; then the margins. A new way of judging adds a method of its
 * own (`methods.ts`) and appears here as soon as a row uses it.
 *
 * @example
 * ```ts
 * methodFooter([]); // ["The method in full: harness/gate/METHOD.md."]
 * ```
 */
export function methodFooter(rows: VerdictRow[]): string[] {
  const used = methodsUsed(rows);
  return [
    ...(used.length ? ["Methods used:", ""] : []),
    ...used.map((m, i) =>
      `${i + 1}. **${m.name}** (${m.rows} row${m.rows === 1 ? "" : "s"}): ${m.rule}.`
    ),
    ...(used.length ? [""] : []),
    "The method in full: harness/gate/METHOD.md.",
  ];
}

/** The same report as one JSON document: each row names its method, `methods` lists them. */
export function jsonReport(rows: VerdictRow[], meta: ReportMeta): unknown {
  return {
    ...documentHeader("check"),
    outcome: gateOutcome(rows),
    ...meta,
    methods: methodsUsed(rows),
    verdicts: rows,
  };
}
