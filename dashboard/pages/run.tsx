/**
 * Run: one run's configuration, provenance, curves, metrics, kernels and claims. The page's
 * sections are in `run/`.
 */
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
import { Layout } from "../layout.tsx";
import { RunMetrics, RunTitle } from "./run/summary.tsx";
import { RunCurves } from "./run/curves.tsx";
import { Measurements } from "./run/measurements.tsx";
import { RunClaims } from "./run/claims.tsx";
import { Provenance } from "./run/provenance.tsx";

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

function RunPage(d: RunData) {
  const r = d.run;
  return (
    <Layout title={`Run ${r.run_id}`} active="runs" charts>
      <RunTitle run={r} siblings={d.siblings} />

      <h2>Test metrics and latency</h2>
      <RunMetrics run={r} />

      <h2>Curves</h2>
      <RunCurves epochs={d.epochs} />

      <h2>Repeated measurements</h2>
      <Measurements measurements={d.measurements} />

      <h2>Claims this run bears on</h2>
      <RunClaims run={r} claims={d.claims} />

      <Provenance run={r} environment={d.environment} />
      <p class="muted">
        JSON: <a href={`/api/runs/${encodeURIComponent(r.run_id)}`}>/api/runs/{r.run_id}</a>
      </p>
    </Layout>
  );
}
