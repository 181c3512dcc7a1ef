/** One metric by commit, newest first: its spread, its change and the regression marks. */
import type { CommitPoint } from "../../../results/queries/mod.ts";
import type { Step } from "../../_regress.ts";
import { Badge, Commit, Head, num, pct, qs, RunLink, when } from "../../_view.tsx";

/** One commit's point of the history, with its step against the previous commit. */
export type HistoryPoint = CommitPoint & Step;

function Mark(props: { point: HistoryPoint }) {
  const p = props.point;
  return (
    <td>
      {p.regressed ? <Badge value="regressed" /> : p.improved ? <Badge value="improved" /> : ""}
      {" "}
      <span class="muted" title={p.reason}>{p.how}</span>
    </td>
  );
}

function Runs(props: { ids: string[] }) {
  const ids = props.ids;
  return (
    <td>
      {ids.length === 1
        ? <RunLink id={ids[0]} label="run" />
        : (
          <a href={`/compare${qs({ ids: ids.slice(-12) })}`}>
            compare {Math.min(12, ids.length)}
          </a>
        )}
    </td>
  );
}

/** The table; each commit links to its runs of the experiment on the backend. */
export function HistoryTable(
  props: { points: HistoryPoint[]; experiment?: string; backend?: string },
) {
  const { experiment, backend } = props;
  return (
    <table id="history">
      <Head
        cols={[
          "Commit",
          "First run",
          { num: "Runs" },
          { num: "Median" },
          { num: "Min" },
          { num: "Max" },
          { num: "Change" },
          "Mark",
          "Runs",
        ]}
      />
      <tbody>
        {[...props.points].reverse().map((p) => (
          <tr class={p.regressed ? "diff" : ""}>
            <td>
              <a href={`/runs${qs({ commit: p.git_commit, experiment, backend })}`}>
                <Commit sha={p.git_commit} />
              </a>
              {p.dirty > 0 && <span class="badge running">{p.dirty} dirty</span>}
            </td>
            <td>{when(p.first_at)}</td>
            <td class="num">{p.n}</td>
            <td class="num">{num(p.median)}</td>
            <td class="num">{num(p.min)}</td>
            <td class="num">{num(p.max)}</td>
            <td class="num">{pct(p.ratio)}</td>
            <Mark point={p} />
            <Runs ids={p.run_ids} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}
