// deno-lint-ignore-file jsx-key -- rendered once on the server; keys only matter to client-side reconciliation
/** One page of runs, with the pager and a box per run to pick runs for Compare. */
import type { RunFilters, RunListRow } from "../../../results/queries/mod.ts";
import { Badge, Commit, Head, num, qs, RunLink, when } from "../../_view.tsx";

/** What the table shows: one page of the filtered runs. */
export interface RunsPageOf {
  filters: RunFilters;
  page: number;
  total: number;
  pages: number;
  runs: RunListRow[];
}

function RunLine(props: { run: RunListRow }) {
  const r = props.run;
  return (
    <tr>
      <td>
        <input type="checkbox" name="ids" value={r.run_id} aria-label={`select ${r.run_id}`} />
      </td>
      <td>{when(r.started_at)}</td>
      <td>
        <RunLink
          id={r.run_id}
          label={r.run_id.length > 28 ? `${r.run_id.slice(0, 26)}…` : r.run_id}
        />
      </td>
      <td title={r.experiment_title}>
        <a href={`/runs${qs({ experiment: r.experiment_id })}`}>{r.experiment_id}</a>
      </td>
      <td>{r.backend}</td>
      <td class="num">{r.seed}</td>
      <td>
        <Badge value={r.status} />
      </td>
      <td class="num">{num(r.test_accuracy)}</td>
      <td class="num">{num(r.steady_samples_per_s)}</td>
      <td class="num">{num(r.latency_b1_ms)}</td>
      <td class="num">{num(r.wall_s)}</td>
      <td>
        <Commit sha={r.git_commit} dirty={r.git_dirty} />
      </td>
      <td>
        <a class="mono" href={`/runs${qs({ suite: r.suite_id })}`}>{r.suite_id}</a>
      </td>
    </tr>
  );
}

/** The pager and the table, inside the form that sends the ticked runs to Compare. */
export function RunsTable(props: { of: RunsPageOf }) {
  const d = props.of;
  const link = (page: number) => `/runs${qs({ ...d.filters, page })}`;
  return (
    <form method="get" action="/compare">
      <div class="pager">
        <span>
          {num(d.total)} runs · page {d.page} of {num(d.pages)}
        </span>
        {d.page > 1 && <a href={link(d.page - 1)}>← newer</a>}
        {d.page < d.pages && <a href={link(d.page + 1)}>older →</a>}
        <button type="submit">Compare selected</button>
        <span class="muted">tick two or more runs</span>
      </div>
      <table id="runs">
        <Head
          cols={[
            "",
            "Started",
            "Run",
            "Experiment",
            "Backend",
            { num: "Seed" },
            "Status",
            { num: "Test acc." },
            { num: "Samples/s" },
            { num: "Latency b1 (ms)" },
            { num: "Wall (s)" },
            "Commit",
            "Suite",
          ]}
        />
        <tbody>{d.runs.map((r) => <RunLine run={r} />)}</tbody>
      </table>
    </form>
  );
}
