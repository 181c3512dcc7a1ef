/**
 * History: one metric of an experiment on a backend across commits, regressions marked. The
 * page's form and table are in `history/`.
 */
import { Hono } from "hono";
import {
  commitWindows,
  getEnvironments,
  HISTORY_METRICS,
  historyChoices,
  type HistoryMetric,
  metricHistory,
} from "../../results/queries/mod.ts";
import type { Connection } from "../../results/db.ts";
import { answer, type Deps } from "../_deps.ts";
import { oneOf, text } from "../_params.ts";
import { HISTORY_RULES, markRegressions, ruleText } from "../_regress.ts";
import { storedMargins } from "../_verdict.ts";
import { gateMargin } from "../../harness/gate/margin.ts";
import type { TimingSample } from "../../harness/gate/judge_timing.ts";
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

/** Runs per commit whose timing windows the gate's rule judges (the newest). */
const WINDOW_RUNS = 12;

/** The timing windows of `metric`'s gate rule, by commit, then measurement name, per run. */
async function windowsByCommit(
  conn: Connection,
  experiment: string,
  backend: string,
  metric: HistoryMetric,
): Promise<Map<string, Map<string, TimingSample[]>>> {
  const rule = HISTORY_RULES[metric];
  const names = rule.kind === "timing" ? rule.metrics.map((m) => m.name) : [];
  const found = await commitWindows(conn, experiment, backend, names, WINDOW_RUNS);
  const envs = await getEnvironments(conn, found.map((w) => w.env_id));
  const out = new Map<string, Map<string, TimingSample[]>>();
  for (const w of found) {
    const byName = out.get(w.git_commit) ?? out.set(w.git_commit, new Map()).get(w.git_commit)!;
    const fingerprint = envs.get(w.env_id)?.fingerprint;
    (byName.get(w.name) ?? byName.set(w.name, []).get(w.name)!).push({
      envId: w.env_id,
      env: typeof fingerprint === "object" && fingerprint
        ? fingerprint as Record<string, unknown>
        : {},
      values: w.values,
    });
  }
  return out;
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
        points = await deps.reader.read(async (conn, snap) => {
          const raw = await metricHistory(conn, experiment, backend, metric);
          const steps = markRegressions(raw, metric, {
            experiment,
            backend,
            margin: gateMargin(await snap.once("margins", () => storedMargins(conn))),
            tolerance: deps.accuracyTolerance(experiment),
            windows: await windowsByCommit(conn, experiment, backend, metric),
          });
          return raw.map((p, i) => ({ ...p, ...steps[i] }));
        });
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
              marked, each commit against the previous one by {ruleText(d.metric)}.
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
