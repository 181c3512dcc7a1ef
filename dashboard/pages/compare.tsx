// deno-lint-ignore-file jsx-key -- rendered once on the server; keys only matter to client-side reconciliation
/** Compare: runs side by side — metrics with deltas and verdicts, overlaid curves, differences. */
import { Hono } from "hono";
import {
  type EpochRow,
  getEnvironments,
  getEpochs,
  getRuns,
  measurementValues,
  recentSuites,
  type RunRow,
  type SuiteSummary,
} from "../../results/queries/mod.ts";
import { answer, type Deps, lookupAids } from "../_deps.ts";
import { badRequest, notFound, runIds } from "../_params.ts";
import {
  gateRules,
  type MeasurementVerdict,
  measurementVerdicts,
  runData,
  storedMargins,
} from "../_verdict.ts";
import { describeMargins } from "../../harness/gate/margin.ts";
import { Badge, Chart, type ChartSpec, num, pct, qs, RunLink, type Series } from "../_view.tsx";
import { Layout } from "../layout.tsx";
import { GateVerdicts } from "./compare_verdicts.tsx";
import { type DiffRow, diffRows } from "../_diff.ts";

const METRICS: [string, string][] = [
  ["test_accuracy", "Test accuracy"],
  ["test_loss", "Test loss"],
  ["steady_samples_per_s", "Steady throughput (samples/s)"],
  ["first_epoch_s", "First epoch (s)"],
  ["latency_b1_ms", "Latency, batch 1 (ms)"],
  ["latency_large_ms", "Latency, large batch (ms)"],
  ["wall_s", "Wall time (s)"],
  ["peak_tensors", "Peak tensors"],
  ["leaked_tensors", "Leaked tensors"],
];

interface CompareData {
  ids: string[];
  runs: RunRow[];
  epochs: EpochRow[];
  /** Per candidate (every run after the first), verdicts against the first run. */
  verdicts: { run_id: string; verdicts: MeasurementVerdict[] }[];
  /** The timing margins the gate's verdicts used. */
  margins: string;
  config: DiffRow[];
  environment: DiffRow[];
  /** When no runs were picked: recent suites to start from. */
  suites?: SuiteSummary[];
}

/** Routes `/compare` and `/api/compare` (`?ids=a&ids=b` or `?ids=a,b`). */
export function compareRoutes(deps: Deps): Hono {
  const app = new Hono();
  for (const path of ["/compare", "/api/compare"]) {
    app.get(path, async (c) => {
      const ids = runIds(c.req.queries("ids") ?? []);
      if (ids.length === 0) {
        const suites = await deps.reader.memo("suites", (conn) => recentSuites(conn, 10));
        const empty: CompareData = {
          ids,
          runs: [],
          epochs: [],
          verdicts: [],
          margins: "",
          config: [],
          environment: [],
          suites,
        };
        return answer(c, empty, ComparePage);
      }
      if (ids.length < 2) badRequest(`Compare needs two or more runs, got ${ids.length}`);
      const data = await deps.reader.read(async (conn, snap) => {
        const runs = await getRuns(conn, ids);
        const missing = ids.filter((id) => !runs.some((r) => r.run_id === id));
        if (missing.length) notFound(`No run ${missing.map((m) => `"${m}"`).join(", ")}`);
        const aids = await lookupAids(conn, snap);
        const units = new Map<string, string>();
        const values = await measurementValues(conn, ids, aids.measurements, units);
        const envIds = [...new Set(runs.map((r) => String(r.env_id ?? "")))].sort();
        const envs = await snap.once(
          `env:${envIds.join(",")}`,
          () => getEnvironments(conn, envIds),
        );
        const margins = await snap.once("margins", () => storedMargins(conn));
        const rules = gateRules(margins, deps.accuracyTolerance);
        const gateRun = (r: RunRow) =>
          runData(
            r,
            values.get(r.run_id) ?? new Map(),
            envs.get(String(r.env_id))?.fingerprint,
          );
        return {
          ids,
          runs,
          epochs: await getEpochs(conn, ids, aids.epochs),
          verdicts: runs.slice(1).map((r) => ({
            run_id: r.run_id,
            verdicts: measurementVerdicts(gateRun(runs[0]), gateRun(r), rules, units),
          })),
          margins: describeMargins(margins),
          config: diffRows(runs.map((r) => r.config)),
          environment: diffRows(runs.map((r) => {
            const { fingerprint: _f, first_seen: _s, ...env } = envs.get(String(r.env_id)) ?? {};
            return {
              backend: r.backend,
              backend_info: r.backend_info,
              profile: r.profile,
              dataset: r.dataset,
              git_commit: r.git_commit,
              git_dirty: r.git_dirty,
              config_hash: r.config_hash,
              declaration_hash: r.declaration_hash,
              weights_sha256: r.weights_sha256,
              host: r.hostname,
              env,
            };
          })),
        } satisfies CompareData;
      });
      return answer(c, data, ComparePage);
    });
  }
  return app;
}

function overlay(
  runs: RunRow[],
  epochs: EpochRow[],
  title: string,
  train: keyof EpochRow,
  val: keyof EpochRow,
): ChartSpec {
  const max = Math.max(0, ...epochs.map((e) => e.epoch));
  const x = Array.from({ length: max }, (_, i) => i + 1);
  const series: Series[] = [];
  for (const [i, r] of runs.entries()) {
    const mine = new Map(epochs.filter((e) => e.run_id === r.run_id).map((e) => [e.epoch, e]));
    const pick = (k: keyof EpochRow) =>
      x.map((n) => (typeof mine.get(n)?.[k] === "number" ? mine.get(n)![k] as number : null));
    const tag = `#${i + 1} ${r.backend}`;
    series.push({ label: `${tag} train`, values: pick(train) });
    if (pick(val).some((v) => v !== null)) {
      series.push({ label: `${tag} val`, values: pick(val), dash: true });
    }
  }
  return { title, xLabel: "epoch", yLabel: title.toLowerCase(), x, series };
}

function DiffTable(props: { rows: DiffRow[]; runs: RunRow[] }) {
  const differing = props.rows.filter((r) => r.differs);
  const same = props.rows.filter((r) => !r.differs);
  const table = (rows: DiffRow[]) => (
    <table>
      <thead>
        <tr>
          <th>Key</th>
          {props.runs.map((_, i) => <th>#{i + 1}</th>)}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr class={r.differs ? "diff" : ""}>
            <td class="mono">{r.key}</td>
            {r.values.map((v) => <td class="mono">{v ?? "—"}</td>)}
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <>
      {differing.length === 0 ? <p class="muted">No differences.</p> : table(differing)}
      {same.length > 0 && (
        <details>
          <summary>{same.length} identical</summary>
          {table(same)}
        </details>
      )}
    </>
  );
}

function ComparePage(d: CompareData) {
  if (d.runs.length === 0) {
    return (
      <Layout title="Compare" active="compare">
        <h1>Compare runs</h1>
        <p class="notice">
          Pick two or more runs: tick them on the <a href="/runs">Runs</a>{" "}
          page and press “Compare selected”, or start from a recent suite below.
        </p>
        {(d.suites ?? []).length > 0 && (
          <table>
            <thead>
              <tr>
                <th>Suite</th>
                <th>Started</th>
                <th class="num">Runs</th>
                <th>Experiments</th>
                <th>Backends</th>
                <th></th>
              </tr>
            </thead>
            <tbody>
              {(d.suites ?? []).map((s) => (
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
      </Layout>
    );
  }
  const base = d.runs[0];
  return (
    <Layout title="Compare" active="compare" charts>
      <h1>Compare {d.runs.length} runs</h1>
      <p class="muted">Deltas and verdicts are against #1, the first run picked.</p>
      <table id="compare-metrics">
        <thead>
          <tr>
            <th>Metric</th>
            {d.runs.map((r, i) => (
              <th>
                #{i + 1}{" "}
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
            ))}
          </tr>
        </thead>
        <tbody>
          {METRICS.map(([k, label]) => (
            <tr>
              <th>{label}</th>
              {d.runs.map((r, i) => {
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

      <GateVerdicts ids={d.ids} verdicts={d.verdicts} margins={d.margins} />

      <h2>Curves</h2>
      {d.epochs.length === 0 ? <p class="muted">No epochs recorded.</p> : (
        <div class="charts">
          <Chart spec={overlay(d.runs, d.epochs, "Loss", "loss", "val_loss")} />
          <Chart spec={overlay(d.runs, d.epochs, "Accuracy", "accuracy", "val_accuracy")} />
        </div>
      )}

      <h2>Configuration differences</h2>
      <DiffTable rows={d.config} runs={d.runs} />
      <h2>Environment and provenance differences</h2>
      <DiffTable rows={d.environment} runs={d.runs} />
      <p class="muted">
        JSON: <a href={`/api/compare${qs({ ids: d.ids })}`}>/api/compare</a>
      </p>
    </Layout>
  );
}
