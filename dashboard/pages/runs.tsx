// deno-lint-ignore-file jsx-key -- rendered once on the server; keys only matter to client-side reconciliation
/** Runs: every run, newest first, filterable and paginated, with boxes to pick runs to compare. */
import { type Context, Hono } from "hono";
import {
  listRuns,
  type RunFacets,
  runFacets,
  type RunFilters,
  RunIndex,
  type RunListRow,
} from "../../results/queries/mod.ts";
import { answer, type Deps } from "../_deps.ts";
import { int, text } from "../_params.ts";
import { Badge, Commit, num, qs, RunLink, when } from "../_view.tsx";
import { Layout } from "../layout.tsx";

const PAGE_SIZE = 50;

interface RunsData {
  filters: RunFilters;
  page: number;
  pageSize: number;
  total: number;
  pages: number;
  runs: RunListRow[];
  facets: RunFacets;
}

/** Routes `/`, `/runs` and `/api/runs`. */
export function runsRoutes(deps: Deps): Hono {
  const app = new Hono();
  const handler = async (c: Context) => {
    const q = c.req.query();
    const filters: RunFilters = {
      experiment: text("experiment", q.experiment),
      backend: text("backend", q.backend),
      status: text("status", q.status),
      commit: text("commit", q.commit),
      suite: text("suite", q.suite),
    };
    const page = int("page", q.page, 1, 1, 100_000);
    const pageSize = int("size", q.size, PAGE_SIZE, 1, 500);
    const facets = await deps.reader.memo("facets", runFacets);
    const { total, runs } = await deps.reader.read(async (conn, snap) => {
      const index = await snap.once("run-index", () => RunIndex.load(conn));
      return listRuns(conn, filters, { limit: pageSize, offset: (page - 1) * pageSize }, index);
    });
    const data: RunsData = {
      filters,
      page,
      pageSize,
      total,
      pages: Math.max(1, Math.ceil(total / pageSize)),
      runs,
      facets,
    };
    return answer(c, data, RunsPage);
  };
  app.get("/", handler);
  app.get("/runs", handler);
  app.get("/api/runs", handler);
  return app;
}

function Select(
  props: { name: string; label: string; value?: string; options: [string, string][] },
) {
  return (
    <label>
      {props.label}
      <select name={props.name}>
        <option value="">all</option>
        {props.options.map(([v, l]) => <option value={v} selected={v === props.value}>{l}</option>)}
      </select>
    </label>
  );
}

function RunsPage(d: RunsData) {
  const f = d.filters;
  const link = (page: number) => `/runs${qs({ ...f, page })}`;
  return (
    <Layout title="Runs" active="runs">
      <h1>Runs</h1>
      <form class="filters" method="get" action="/runs">
        <Select
          name="experiment"
          label="Experiment"
          value={f.experiment}
          options={d.facets.experiments.map((
            e,
          ) => [e.experiment_id, `${e.experiment_id} (${e.n})`])}
        />
        <Select
          name="backend"
          label="Backend"
          value={f.backend}
          options={d.facets.backends.map((b) => [b, b])}
        />
        <Select
          name="status"
          label="Status"
          value={f.status}
          options={d.facets.statuses.map((s) => [s, s])}
        />
        <label>
          Commit
          <input
            name="commit"
            value={f.commit ?? ""}
            list="commits"
            placeholder="sha prefix"
            size={12}
          />
        </label>
        <label>
          Suite
          <input
            name="suite"
            value={f.suite ?? ""}
            list="suites"
            placeholder="suite id"
            size={18}
          />
        </label>
        <datalist id="commits">{d.facets.commits.map((c) => <option value={c} />)}</datalist>
        <datalist id="suites">{d.facets.suites.map((s) => <option value={s} />)}</datalist>
        <button type="submit">Filter</button>
        <a href="/runs">clear</a>
      </form>
      {d.total === 0
        ? (
          <p class="notice">
            No runs match.{" "}
            {d.facets.experiments.length === 0 && "Run `deno task bench` to record some."}
          </p>
        )
        : (
          <form method="get" action="/compare">
            <div class="pager">
              <span>
                {num(d.total)} runs · page {d.page} of {num(d.pages)}
              </span>
              {d.page > 1 && <a href={link(d.page - 1)}>← newer</a>}
              {d.page < d.pages && <a href={link(d.page + 1)}>older →</a>}
              <button type="submit">Compare selected</button>
              <span class="muted">tick two or more runs</span>
            </div>
            <table id="runs">
              <thead>
                <tr>
                  <th></th>
                  <th>Started</th>
                  <th>Run</th>
                  <th>Experiment</th>
                  <th>Backend</th>
                  <th class="num">Seed</th>
                  <th>Status</th>
                  <th class="num">Test acc.</th>
                  <th class="num">Samples/s</th>
                  <th class="num">Latency b1 (ms)</th>
                  <th class="num">Wall (s)</th>
                  <th>Commit</th>
                  <th>Suite</th>
                </tr>
              </thead>
              <tbody>
                {d.runs.map((r) => (
                  <tr>
                    <td>
                      <input
                        type="checkbox"
                        name="ids"
                        value={r.run_id}
                        aria-label={`select ${r.run_id}`}
                      />
                    </td>
                    <td>{when(r.started_at)}</td>
                    <td>
                      <RunLink
                        id={r.run_id}
                        label={r.run_id.length > 28 ? `${r.run_id.slice(0, 26)}…` : r.run_id}
                      />
                    </td>
                    <td title={r.experiment_title}>
                      <a href={`/runs${qs({ experiment: r.experiment_id })}`}>{r.experiment_id}</a>
                    </td>
                    <td>{r.backend}</td>
                    <td class="num">{r.seed}</td>
                    <td>
                      <Badge value={r.status} />
                    </td>
                    <td class="num">{num(r.test_accuracy)}</td>
                    <td class="num">{num(r.steady_samples_per_s)}</td>
                    <td class="num">{num(r.latency_b1_ms)}</td>
                    <td class="num">{num(r.wall_s)}</td>
                    <td>
                      <Commit sha={r.git_commit} dirty={r.git_dirty} />
                    </td>
                    <td>
                      <a class="mono" href={`/runs${qs({ suite: r.suite_id })}`}>{r.suite_id}</a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </form>
        )}
    </Layout>
  );
}
