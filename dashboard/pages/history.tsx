/**
 * History: one metric of an experiment on a backend across commits, regressions marked. The
 * page's form and table are in `history/`.
 */
import { Hono } from "hono";
import {
  HISTORY_METRICS,
  historyChoices,
  type HistoryMetric,
  metricHistory,
} from "../../results/queries/mod.ts";
import { answer, type Deps } from "../_deps.ts";
import { oneOf, text } from "../_params.ts";
import { markRegressions } from "../_regress.ts";
import { Chart, type ChartSpec } from "../_view.tsx";
import { Layout } from "../layout.tsx";
import { type HistoryChoice, HistoryForm, METRIC_NAMES } from "./history/filters.tsx";
import { type HistoryPoint, HistoryTable } from "./history/table.tsx";

interface HistoryData {
  experiment?: string;
  backend?: string;
  metric: HistoryMetric;
  choices: HistoryChoice[];
  points: HistoryPoint[];
}

/** Routes `/history` and `/api/history` (`?experiment=&backend=&metric=`). */
export function historyRoutes(deps: Deps): Hono {
  const app = new Hono();
  for (const path of ["/history", "/api/history"]) {
    app.get(path, async (c) => {
      const q = c.req.query();
      const metric = oneOf("metric", q.metric, METRIC_NAMES, "steady_samples_per_s");
      const choices = await deps.reader.memo("history-choices", historyChoices);
      // With nothing picked, show the pair with the most runs: a useful first picture.
      const top = [...choices].sort((a, b) => b.n - a.n)[0];
      const experiment = text("experiment", q.experiment) ?? top?.experiment_id;
      const backend = text("backend", q.backend) ?? (q.experiment ? undefined : top?.backend);
      let points: HistoryData["points"] = [];
      if (experiment && backend) {
        const raw = await deps.reader.read((conn) =>
          metricHistory(conn, experiment, backend, metric)
        );
        const steps = markRegressions(raw, HISTORY_METRICS[metric].better === "higher");
        points = raw.map((p, i) => ({ ...p, ...steps[i] }));
      }
      return answer(c, { experiment, backend, metric, choices, points }, HistoryPage);
    });
  }
  return app;
}

function spec(d: HistoryData): ChartSpec {
  const m = HISTORY_METRICS[d.metric];
  return {
    title: `${m.label} by commit`,
    xLabel: "commit",
    yLabel: m.unit || m.label.toLowerCase(),
    x: d.points.map((_, i) => i),
    xTicks: d.points.map((p) => p.git_commit.slice(0, 7)),
    series: [
      { label: "median", values: d.points.map((p) => p.median) },
      { label: "min", values: d.points.map((p) => p.min), dash: true },
      { label: "max", values: d.points.map((p) => p.max), dash: true },
      {
        label: "regression",
        values: d.points.map((p) => (p.regressed ? p.median : null)),
        pointsOnly: true,
      },
    ],
  };
}

function HistoryPage(d: HistoryData) {
  const regressions = d.points.filter((p) => p.regressed).length;
  return (
    <Layout title="History" active="history" charts>
      <h1>History</h1>
      <HistoryForm
        choices={d.choices}
        experiment={d.experiment}
        backend={d.backend}
        metric={d.metric}
      />
      {d.choices.length === 0
        ? <p class="notice">No finished runs yet: run `deno task bench`.</p>
        : d.points.length === 0
        ? (
          <p class="notice">
            No ok runs of {d.experiment ?? "?"} on {d.backend ?? "?"} with this metric.
          </p>
        )
        : (
          <>
            <p>
              {d.points.length} commit{d.points.length === 1 ? "" : "s"} ·{" "}
              <strong>{regressions}</strong> regression{regressions === 1 ? "" : "s"}{" "}
              marked (against the previous commit; a change under 5% never counts;{" "}
              {HISTORY_METRICS[d.metric].better} is better).
            </p>
            <div class="charts">
              <Chart spec={spec(d)} />
            </div>
            <HistoryTable points={d.points} experiment={d.experiment} backend={d.backend} />
          </>
        )}
    </Layout>
  );
}
