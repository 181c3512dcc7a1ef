// deno-lint-ignore-file jsx-key -- rendered once on the server; keys only matter to client-side reconciliation
/** The History page's form: which experiment, backend and metric to follow across commits. */
import { HISTORY_METRICS, type HistoryMetric } from "../../../results/queries/mod.ts";

/** The choices the store offers: experiment and backend pairs, with their number of runs. */
export type HistoryChoice = { experiment_id: string; backend: string; n: number };

/** The metric names the form offers, in HISTORY_METRICS order. */
export const METRIC_NAMES = Object.keys(HISTORY_METRICS) as HistoryMetric[];

/** The form, showing the pick in force; backends are those the picked experiment ran on. */
export function HistoryForm(
  props: { choices: HistoryChoice[]; experiment?: string; backend?: string; metric: HistoryMetric },
) {
  const { choices, experiment, backend, metric } = props;
  const experiments = [...new Set(choices.map((c) => c.experiment_id))];
  const backends = [
    ...new Set(choices.filter((c) => c.experiment_id === experiment).map((c) => c.backend)),
  ];
  const offered = backends.length ? backends : [...new Set(choices.map((c) => c.backend))];
  return (
    <form class="filters" method="get" action="/history">
      <label>
        Experiment
        <select name="experiment">
          {experiments.map((e) => <option value={e} selected={e === experiment}>{e}</option>)}
        </select>
      </label>
      <label>
        Backend
        <select name="backend">
          {offered.map((b) => <option value={b} selected={b === backend}>{b}</option>)}
        </select>
      </label>
      <label>
        Metric
        <select name="metric">
          {METRIC_NAMES.map((m) => (
            <option value={m} selected={m === metric}>{HISTORY_METRICS[m].label}</option>
          ))}
        </select>
      </label>
      <button type="submit">Show</button>
    </form>
  );
}
