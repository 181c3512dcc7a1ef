/**
 * The gate's verdicts as JUnit XML (`check --junit FILE`): one suite per experiment and
 * backend, one test case per verdict row. Regressed is a failure; inconclusive and not
 * comparable are skipped with the reason; improved and unchanged pass.
 */
import { groupInOrder, type JUnitCase, junitXml } from "../core/junit.ts";
import type { VerdictRow } from "./types.ts";

function details(r: VerdictRow): string {
  const ci = r.ci ? ` [${r.ci.map((x) => (x === null ? "?" : x.toPrecision(4))).join(", ")}]` : "";
  return [
    `${r.experiment} on ${r.backend}, ${r.metric}: ${r.verdict}`,
    `baseline ${r.baseline ?? "-"}, candidate ${r.candidate ?? "-"}, change ${
      r.change ?? "-"
    }${ci}` +
    `, p ${r.p ?? "-"}, n ${r.n.join("/")}`,
    `method: ${r.method.name}: ${r.method.rule}`,
    r.reason,
  ].join("\n");
}

function testCase(r: VerdictRow): JUnitCase {
  const base = { name: r.metric, classname: `reprobench.check.${r.experiment}.${r.backend}` };
  if (r.verdict === "regressed") {
    return { ...base, outcome: "failed", message: `regressed: ${r.reason}`, details: details(r) };
  }
  if (r.verdict === "inconclusive" || r.verdict === "not_comparable") {
    return { ...base, outcome: "skipped", message: `${r.verdict.replace("_", " ")}: ${r.reason}` };
  }
  return { ...base, outcome: "passed" };
}

/**
 * The JUnit XML of a gate report.
 *
 * @example
 * ```ts
 * gateJunit([]); // '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="reprobench check" tests="0" ...'
 * ```
 */
export function gateJunit(rows: VerdictRow[]): string {
  const suites = [...groupInOrder(rows, (r) => `${r.experiment}\u0000${r.backend}`).values()].map(
    (rs) => ({
      name: `check: ${rs[0].experiment} on ${rs[0].backend}`,
      properties: { experiment: rs[0].experiment, backend: rs[0].backend },
      cases: rs.map(testCase),
    }),
  );
  return junitXml("reprobench check", suites);
}
