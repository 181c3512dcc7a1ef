// deno-lint-ignore-file jsx-key -- rendered once on the server; keys only matter to client-side reconciliation
/** Run: one run's configuration, provenance, curves, metrics, kernels and claims. */
import { Hono } from "hono";
import {
  type ClaimVerdict,
  claimVerdicts,
  type EpochRow,
  getEnvironments,
  getEpochs,
  getRuns,
  measurementSummaries,
  type MeasurementSummary,
  RunIndex,
  type RunRow,
} from "../../results/queries/mod.ts";
import { answer, type Deps, lookupAids } from "../_deps.ts";
import { notFound, runIds } from "../_params.ts";
import { Badge, Chart, type ChartSpec, Commit, num, qs, when } from "../_view.tsx";
import { Layout } from "../layout.tsx";
import { ClaimsTable } from "./claims.tsx";

interface RunData {
  run: RunRow;
  epochs: EpochRow[];
  measurements: MeasurementSummary[];
  environment: Record<string, unknown> | null;
  /** Other runs of the same experiment in the same suite (at most 11, for Compare). */
  siblings: string[];
  /** Verdicts on the run's experiment; null when no claims were checked yet. */
  claims: ClaimVerdict[] | null;
}

/** Routes `/runs/:id` and `/api/runs/:id`. */
export function runRoutes(deps: Deps): Hono {
  const app = new Hono();
  for (const path of ["/runs/:id", "/api/runs/:id"]) {
    app.get(path, async (c) => {
      const [id] = runIds([c.req.param("id") ?? ""]);
      if (!id) notFound("No run id given");
      const data = await deps.reader.read(async (conn, snap): Promise<RunData | null> => {
        const [run] = await getRuns(conn, [id]);
        if (!run) return null;
        const aids = await lookupAids(conn, snap);
        // Per-snapshot caches: the same environment, suite and claims serve many runs.
        const envId = String(run.env_id ?? "");
        const envs = await snap.once(`env:${envId}`, () => getEnvironments(conn, [envId]));
        const index = await snap.once("run-index", () => RunIndex.load(conn));
        const suite = { suite: String(run.suite_id ?? ""), experiment: run.experiment_id };
        return {
          run,
          epochs: await getEpochs(conn, [id], aids.epochs),
          measurements: await measurementSummaries(conn, [id], aids.measurements),
          environment: envs.get(String(run.env_id)) ?? null,
          siblings: index.page(suite, 12, 0).ids.filter((x) => x !== id).slice(0, 11),
          claims: await snap.once(
            `claims:${run.experiment_id}`,
            () => claimVerdicts(conn, { experiment: run.experiment_id }),
          ),
        };
      });
      if (!data) notFound(`No run "${id}"`);
      return answer(c, data, RunPage);
    });
  }
  return app;
}

/** Loss and accuracy charts (train and validation) of one run's epochs. */
export function curveSpecs(epochs: EpochRow[]): ChartSpec[] {
  const x = epochs.map((e) => e.epoch);
  const col = (k: keyof EpochRow) =>
    epochs.map((e) => (typeof e[k] === "number" ? e[k] as number : null));
  return [
    {
      title: "Loss",
      xLabel: "epoch",
      yLabel: "loss",
      x,
      series: [{ label: "train loss", values: col("loss") }, {
        label: "validation loss",
        values: col("val_loss"),
        dash: true,
      }],
    },
    {
      title: "Accuracy",
      xLabel: "epoch",
      yLabel: "accuracy",
      x,
      series: [
        { label: "train accuracy", values: col("accuracy") },
        { label: "validation accuracy", values: col("val_accuracy"), dash: true },
      ],
    },
    {
      title: "Throughput per epoch",
      xLabel: "epoch",
      yLabel: "samples/s",
      x,
      series: [{ label: "samples/s", values: col("samples_per_s") }],
    },
  ];
}

const METRICS: [keyof RunRow & string, string][] = [
  ["test_accuracy", "Test accuracy"],
  ["test_loss", "Test loss"],
  ["steady_samples_per_s", "Steady throughput (samples/s)"],
  ["first_epoch_s", "First epoch (s)"],
  ["latency_b1_ms", "Latency, batch 1 (ms)"],
  ["latency_large_ms", "Latency, large batch (ms)"],
  ["large_batch", "Large batch size"],
  ["wall_s", "Wall time (s)"],
  ["train_samples", "Training samples"],
  ["test_samples", "Test samples"],
  ["peak_tensors", "Peak tensors"],
  ["peak_bytes", "Peak bytes"],
  ["leaked_tensors", "Leaked tensors"],
];

function Kv(props: { items: [string, unknown][] }) {
  return (
    <dl class="kv">
      {props.items.map(([k, v]) => (
        <>
          <dt>{k}</dt>
          <dd>
            {v === null || v === undefined || v === "" ? <span class="muted">—</span> : v as string}
          </dd>
        </>
      ))}
    </dl>
  );
}

function RunPage(d: RunData) {
  const r = d.run;
  const kernels = Array.isArray(r.kernels) ? r.kernels.map(String) : [];
  const env = d.environment;
  const mine = (d.claims ?? []).filter((c) => c.run_ids.includes(r.run_id));
  const others = (d.claims ?? []).filter((c) => !c.run_ids.includes(r.run_id));
  return (
    <Layout title={`Run ${r.run_id}`} active="runs" charts>
      <h1>
        {String(r.experiment_title ?? r.experiment_id)}{" "}
        <span class="muted">· {r.backend} · seed {String(r.seed)}</span> <Badge value={r.status} />
      </h1>
      <p class="muted mono">{r.run_id}</p>
      {r.reason ? <p class="error">{String(r.reason)}</p> : null}
      <p>
        Experiment <a href={`/runs${qs({ experiment: r.experiment_id })}`}>{r.experiment_id}</a>
        {" "}
        · suite{" "}
        <a href={`/runs${qs({ suite: String(r.suite_id) })}`} class="mono">{String(r.suite_id)}</a>
        {" "}
        · <a href={`/history${qs({ experiment: r.experiment_id, backend: r.backend })}`}>history</a>
        {d.siblings.length > 0 && (
          <>
            {" "}· compare with{" "}
            <a href={`/compare${qs({ ids: [r.run_id, ...d.siblings] })}`}>
              the {d.siblings.length} other run{d.siblings.length > 1 ? "s" : ""} of this suite
            </a>
          </>
        )}
      </p>

      <h2>Test metrics and latency</h2>
      <table>
        <tbody>
          {METRICS.map(([k, label]) => (
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

      <h2>Curves</h2>
      {d.epochs.length === 0
        ? <p class="muted">No epochs recorded.</p>
        : <div class="charts">{curveSpecs(d.epochs).map((s) => <Chart spec={s} />)}</div>}
      {d.epochs.length > 0 && (
        <details>
          <summary>Epoch table ({d.epochs.length})</summary>
          <table>
            <thead>
              <tr>
                <th class="num">Epoch</th>
                <th class="num">Loss</th>
                <th class="num">Accuracy</th>
                <th class="num">Val. loss</th>
                <th class="num">Val. accuracy</th>
                <th class="num">Wall (s)</th>
                <th class="num">Samples/s</th>
                <th>Weights</th>
              </tr>
            </thead>
            <tbody>
              {d.epochs.map((e) => (
                <tr>
                  <td class="num">{e.epoch}</td>
                  <td class="num">{num(e.loss, 4)}</td>
                  <td class="num">{num(e.accuracy, 4)}</td>
                  <td class="num">{num(e.val_loss, 4)}</td>
                  <td class="num">{num(e.val_accuracy, 4)}</td>
                  <td class="num">{num(e.wall_s)}</td>
                  <td class="num">{num(e.samples_per_s)}</td>
                  <td class="mono">{String(e.weights_sha256 ?? "").slice(0, 16)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}

      <h2>Repeated measurements</h2>
      {d.measurements.length === 0 ? <p class="muted">None recorded.</p> : (
        <table>
          <thead>
            <tr>
              <th>Name</th>
              <th>Unit</th>
              <th class="num">n</th>
              <th class="num">Median</th>
              <th class="num">Mean</th>
              <th class="num">Min</th>
              <th class="num">Max</th>
            </tr>
          </thead>
          <tbody>
            {d.measurements.map((m) => (
              <tr>
                <td class="mono">{m.name}</td>
                <td>{m.unit}</td>
                <td class="num">{m.n}</td>
                <td class="num">{num(m.median)}</td>
                <td class="num">{num(m.mean)}</td>
                <td class="num">{num(m.min)}</td>
                <td class="num">{num(m.max)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2>Claims this run bears on</h2>
      {d.claims === null
        ? <p class="muted">No claims checked yet: run `deno task claims`.</p>
        : d.claims.length === 0
        ? <p class="muted">No claims recorded for experiment {r.experiment_id}.</p>
        : (
          <>
            {mine.length > 0
              ? <ClaimsTable claims={mine} />
              : <p class="muted">No verdict used this run.</p>}
            {others.length > 0 && (
              <details>
                <summary>Other verdicts on {r.experiment_id} ({others.length})</summary>
                <ClaimsTable claims={others} />
              </details>
            )}
          </>
        )}

      <h2>Kernels used ({kernels.length})</h2>
      {kernels.length === 0
        ? <p class="muted">None recorded.</p>
        : <p class="mono">{kernels.join(", ")}</p>}

      <h2>Provenance</h2>
      <div class="grid">
        <Kv
          items={[
            ["Started", when(r.started_at)],
            ["Finished", when(r.finished_at)],
            ["Commit", <Commit sha={r.git_commit} dirty={r.git_dirty} />],
            ["Profile", r.profile],
            ["Article", r.article],
            ["Section", r.section],
            ["Variant of", r.variant_of],
            ["Dataset", r.dataset],
            ["Dataset provenance", r.dataset_provenance],
            ["Config hash", r.config_hash],
            ["Declaration hash", r.declaration_hash],
            ["Host / pid", `${r.hostname ?? "?"} / ${r.pid ?? "?"}`],
          ]}
        />
        <Kv
          items={env
            ? [
              ["Environment", env.env_id],
              ["OS / arch", `${env.os} / ${env.arch}`],
              ["CPU", `${env.cpu_model} (${env.cores} cores)`],
              ["Memory", `${num(Number(env.memory_bytes) / 2 ** 30)} GiB`],
              ["Deno / V8 / TS", `${env.deno} / ${env.v8} / ${env.typescript}`],
              ["TensorFlow.js", env.tfjs],
              ["DuckDB", env.duckdb],
            ]
            : [["Environment", r.env_id]]}
        />
      </div>
      <h2>Backend and adapter</h2>
      <pre>{JSON.stringify(r.backend_info ?? null, null, 2)}</pre>
      <h2>Configuration</h2>
      <pre>{JSON.stringify(r.config ?? null, null, 2)}</pre>
      <p class="muted">
        JSON: <a href={`/api/runs/${encodeURIComponent(r.run_id)}`}>/api/runs/{r.run_id}</a>
      </p>
    </Layout>
  );
}
