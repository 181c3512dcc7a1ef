// deno-lint-ignore-file jsx-key -- rendered once on the server; keys only matter to client-side reconciliation
/** History: one metric of an experiment on a backend across commits, regressions marked. */
import { Hono } from "hono";
import {
  type CommitPoint,
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
import { HISTORY_RULES, markRegressions, ruleText, type Step } from "../_regress.ts";
import { storedMargins } from "../_verdict.ts";
import { gateMargin } from "../../harness/gate/margin.ts";
import type { TimingSample } from "../../harness/gate/judge_timing.ts";
import { Badge, Chart, type ChartSpec, Commit, num, pct, qs, RunLink, when } from "../_view.tsx";
import { Layout } from "../layout.tsx";

interface HistoryData {
  experiment?: string;
  backend?: string;
  metric: HistoryMetric;
  choices: { experiment_id: string; backend: string; n: number }[];
  points: (CommitPoint & Step)[];
}

const METRIC_NAMES = Object.keys(HISTORY_METRICS) as HistoryMetric[];

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
  const experiments = [...new Set(d.choices.map((c) => c.experiment_id))];
  const backends = [
    ...new Set(d.choices.filter((c) => c.experiment_id === d.experiment).map((c) => c.backend)),
  ];
  const regressions = d.points.filter((p) => p.regressed).length;
  return (
    <Layout title="History" active="history" charts>
      <h1>History</h1>
      <form class="filters" method="get" action="/history">
        <label>
          Experiment
          <select name="experiment">
            {experiments.map((e) => <option value={e} selected={e === d.experiment}>{e}</option>)}
          </select>
        </label>
        <label>
          Backend
          <select name="backend">
            {(backends.length ? backends : [...new Set(d.choices.map((c) => c.backend))]).map((
              b,
            ) => <option value={b} selected={b === d.backend}>{b}</option>)}
          </select>
        </label>
        <label>
          Metric
          <select name="metric">
            {METRIC_NAMES.map((m) => (
              <option value={m} selected={m === d.metric}>{HISTORY_METRICS[m].label}</option>
            ))}
          </select>
        </label>
        <button type="submit">Show</button>
      </form>
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
            <table id="history">
              <thead>
                <tr>
                  <th>Commit</th>
                  <th>First run</th>
                  <th class="num">Runs</th>
                  <th class="num">Median</th>
                  <th class="num">Min</th>
                  <th class="num">Max</th>
                  <th class="num">Change</th>
                  <th>Mark</th>
                  <th>Runs</th>
                </tr>
              </thead>
              <tbody>
                {[...d.points].reverse().map((p) => (
                  <tr class={p.regressed ? "diff" : ""}>
                    <td>
                      <a
                        href={`/runs${
                          qs({ commit: p.git_commit, experiment: d.experiment, backend: d.backend })
                        }`}
                      >
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
                    <td>
                      {p.regressed
                        ? <Badge value="regressed" />
                        : p.improved
                        ? <Badge value="improved" />
                        : ""} <span class="muted" title={p.reason}>{p.how}</span>
                    </td>
                    <td>
                      {p.run_ids.length === 1
                        ? <RunLink id={p.run_ids[0]} label="run" />
                        : (
                          <a href={`/compare${qs({ ids: p.run_ids.slice(-12) })}`}>
                            compare {Math.min(12, p.run_ids.length)}
                          </a>
                        )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
    </Layout>
  );
}
