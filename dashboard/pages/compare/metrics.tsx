// deno-lint-ignore-file jsx-key -- rendered once on the server; keys only matter to client-side reconciliation
/** The runs side by side: one column per run, its metrics and their ratio to the first run. */
import type { RunRow } from "../../../results/queries/mod.ts";
import { Badge, num, pct, RunLink } from "../../_view.tsx";
import { COMPARED_METRICS } from "../_metrics.ts";

function RunHeading(props: { run: RunRow; i: number }) {
  const r = props.run;
  return (
    <th>
      #{props.i + 1}{" "}
      <RunLink
        id={r.run_id}
        label={r.run_id.length > 24 ? `${r.run_id.slice(0, 22)}…` : r.run_id}
      />
      <br />
      <span class="muted">
        {r.experiment_id} · {r.backend} · seed {String(r.seed)}
      </span>{" "}
      <Badge value={r.status} />
    </th>
  );
}

/** The metrics table; every run after the first shows its change against the first. */
export function MetricsTable(props: { runs: RunRow[] }) {
  const base = props.runs[0];
  return (
    <table id="compare-metrics">
      <thead>
        <tr>
          <th>Metric</th>
          {props.runs.map((r, i) => <RunHeading run={r} i={i} />)}
        </tr>
      </thead>
      <tbody>
        {COMPARED_METRICS.map(([k, label]) => (
          <tr>
            <th>{label}</th>
            {props.runs.map((r, i) => {
              const v = r[k], b = base[k];
              const ratio = i > 0 && typeof v === "number" && typeof b === "number" && b !== 0
                ? v / b
                : null;
              return (
                <td class="num">
                  {num(v)} {ratio !== null && <span class="muted">({pct(ratio)})</span>}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
