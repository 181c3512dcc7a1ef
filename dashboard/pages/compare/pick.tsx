/** Compare with no runs picked: how to pick them, and recent suites to start from. */
import type { SuiteSummary } from "../../../results/queries/mod.ts";
import { Head, qs } from "../../_view.tsx";

/** The notice and the table of recent suites, each linking to a comparison of its runs. */
export function PickRuns(props: { suites: SuiteSummary[] }) {
  return (
    <>
      <p class="notice">
        Pick two or more runs: tick them on the <a href="/runs">Runs</a>{" "}
        page and press “Compare selected”, or start from a recent suite below.
      </p>
      {props.suites.length > 0 && (
        <table>
          <Head cols={["Suite", "Started", { num: "Runs" }, "Experiments", "Backends", ""]} />
          <tbody>
            {props.suites.map((s) => (
              <tr>
                <td class="mono">{s.suite_id}</td>
                <td>{String(s.started_at).slice(0, 19)}</td>
                <td class="num">{s.runs}</td>
                <td>{s.experiments.join(", ")}</td>
                <td>{s.backends.join(", ")}</td>
                <td>
                  {s.run_ids.length >= 2 && (
                    <a href={`/compare${qs({ ids: s.run_ids })}`}>compare its runs</a>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
