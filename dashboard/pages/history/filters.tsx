/** The History page's form: which experiment, backend and metric to follow across commits. */
import { HISTORY_METRICS, type HistoryMetric } from "../../../results/queries/mod.ts";
import { Select } from "../../_view.tsx";

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
      <Select
        name="experiment"
        label="Experiment"
        value={experiment}
        options={experiments.map((e) => [e, e])}
      />
      <Select name="backend" label="Backend" value={backend} options={offered.map((b) => [b, b])} />
      <Select
        name="metric"
        label="Metric"
        value={metric}
        options={METRIC_NAMES.map((m) => [m, HISTORY_METRICS[m].label])}
      />
      <button type="submit">Show</button>
    </form>
  );
}
