/** The top of a run's page: what ran, where it belongs, its metrics. */
import type { RunRow } from "../../../results/queries/mod.ts";
import { Badge, num, qs } from "../../_view.tsx";
import { RUN_METRICS } from "../_metrics.ts";
import { backendLabel } from "../../../harness/core/runtime.ts";

/** Title, status, failure reason, and links to the experiment, suite, history and siblings. */
export function RunTitle(props: { run: RunRow; siblings: string[] }) {
  const r = props.run, siblings = props.siblings;
  const backend = backendLabel(r.runtime as string | null, r.backend);
  return (
    <>
      <h1>
        {String(r.experiment_title ?? r.experiment_id)}{" "}
        <span class="muted">· {backend} · seed {String(r.seed)}</span> <Badge value={r.status} />
      </h1>
      <p class="muted mono">{r.run_id}</p>
      {r.reason ? <p class="error">{String(r.reason)}</p> : null}
      <p>
        Experiment <a href={`/runs${qs({ experiment: r.experiment_id })}`}>{r.experiment_id}</a>
        {" "}
        · suite{" "}
        <a href={`/runs${qs({ suite: String(r.suite_id) })}`} class="mono">{String(r.suite_id)}</a>
        {" "}
        · <a href={`/history${qs({ experiment: r.experiment_id, backend })}`}>history</a>
        {siblings.length > 0 && (
          <>
            {" "}· compare with{" "}
            <a href={`/compare${qs({ ids: [r.run_id, ...siblings] })}`}>
              the {siblings.length} other run{siblings.length > 1 ? "s" : ""} of this suite
            </a>
          </>
        )}
      </p>
    </>
  );
}

/** The run's metrics and its weights hash. */
export function RunMetrics(props: { run: RunRow }) {
  const r = props.run;
  return (
    <table>
      <tbody>
        {RUN_METRICS.map(([k, label]) => (
          <tr>
            <th>{label}</th>
            <td class="num">{num(r[k])}</td>
          </tr>
        ))}
        <tr>
          <th>Weights SHA-256</th>
          <td class="mono">{String(r.weights_sha256 ?? "—")}</td>
        </tr>
      </tbody>
    </table>
  );
}
