/**
 * Compare: runs side by side — metrics with deltas and verdicts, overlaid curves, differences.
 * The page's sections are in `compare/`.
 */
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
import { gateRules, measurementVerdicts, runData, storedMargins } from "../_verdict.ts";
import { describeMargins } from "../../harness/gate/margin.ts";
import { qs } from "../_view.tsx";
import { Layout } from "../layout.tsx";
import { type DiffRow, diffRows } from "../_diff.ts";
import { PickRuns } from "./compare/pick.tsx";
import { MetricsTable } from "./compare/metrics.tsx";
import { type CandidateVerdicts, VerdictsTable } from "./compare/verdicts.tsx";
import { OverlaidCurves } from "./compare/curves.tsx";
import { DiffTable } from "./compare/diff_table.tsx";

interface CompareData {
  ids: string[];
  runs: RunRow[];
  epochs: EpochRow[];
  /** Per candidate (every run after the first), verdicts against the first run. */
  verdicts: CandidateVerdicts[];
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
              runtime: r.runtime,
              backend: r.backend,
              backend_info: r.backend_info,
              runtime_info: r.runtime_info,
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

function ComparePage(d: CompareData) {
  if (d.runs.length === 0) {
    return (
      <Layout title="Compare" active="compare">
        <h1>Compare runs</h1>
        <PickRuns suites={d.suites ?? []} />
      </Layout>
    );
  }
  return (
    <Layout title="Compare" active="compare" charts>
      <h1>Compare {d.runs.length} runs</h1>
      <p class="muted">Deltas and verdicts are against #1, the first run picked.</p>
      <MetricsTable runs={d.runs} />

      <h2>Repeated measurements: the gate's verdict</h2>
      <VerdictsTable ids={d.ids} verdicts={d.verdicts} margins={d.margins} />

      <h2>Curves</h2>
      <OverlaidCurves runs={d.runs} epochs={d.epochs} />

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
