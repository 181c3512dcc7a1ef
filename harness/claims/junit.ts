/**
 * The claims board as JUnit XML (`claims --junit FILE`): one suite per experiment and backend,
 * one test case per claim verdict. Not reproduced is a failure; inconclusive and not checkable
 * are skipped with the reason; reproduced passes.
 */
import { groupInOrder, type JUnitCase, junitXml } from "../core/junit.ts";
import type { VerdictRecord } from "../../results/claims.ts";
import type { ClaimsEvaluation } from "./evaluate.ts";

const ANY_BACKEND = "no backend";

function testCase(v: VerdictRecord): JUnitCase {
  const base = {
    name: `${v.claimId}: ${v.metric} ${v.kind} ${v.printed}`,
    classname: `reprobench.claims.${v.experimentId}.${v.backend ?? ANY_BACKEND}`,
  };
  if (v.verdict === "not_reproduced") {
    return {
      ...base,
      outcome: "failed",
      message: `not reproduced: ${v.reason}`,
      details: [
        `${v.article} ${v.wherePrinted}: ${v.printed} (${v.kind} ${v.value ?? ""})`,
        `measured mean ${v.measuredMean ?? "-"}, std ${v.measuredStd ?? "-"}, 95% CI ` +
        `[${v.ciLow ?? "-"}, ${v.ciHigh ?? "-"}], n ${v.n}, runs ${v.runIds.join(" ")}`,
        v.reason,
      ].join("\n"),
    };
  }
  if (v.verdict === "inconclusive" || v.verdict === "not_checkable") {
    return { ...base, outcome: "skipped", message: `${v.verdict.replace("_", " ")}: ${v.reason}` };
  }
  return { ...base, outcome: "passed" };
}

/**
 * The JUnit XML of a claims evaluation.
 *
 * @example
 * ```ts
 * claimsJunit({ profile: "quick", experiments: [], suites: [] }).includes('tests="0"'); // true
 * ```
 */
export function claimsJunit(result: ClaimsEvaluation): string {
  const all = result.experiments.flatMap((x) => x.verdicts);
  const groups = groupInOrder(all, (v) => `${v.experimentId}\u0000${v.backend ?? ANY_BACKEND}`);
  const suites = [...groups.values()].map((vs) => ({
    name: `claims: ${vs[0].experimentId} on ${vs[0].backend ?? ANY_BACKEND}`,
    properties: {
      experiment: vs[0].experimentId,
      backend: vs[0].backend ?? ANY_BACKEND,
      article: vs[0].article,
      profile: result.profile,
    },
    cases: vs.map(testCase),
  }));
  return junitXml(`reprobench claims (${result.profile} profile)`, suites);
}
