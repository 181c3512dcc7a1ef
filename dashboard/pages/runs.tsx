/**
 * Runs: every run, newest first, filterable and paginated, with boxes to pick runs to compare.
 * The page's sections are in `runs/`.
 */
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
import { Layout } from "../layout.tsx";
import { RunsFilterForm } from "./runs/filters.tsx";
import { RunsTable } from "./runs/table.tsx";

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

function RunsPage(d: RunsData) {
  return (
    <Layout title="Runs" active="runs">
      <h1>Runs</h1>
      <RunsFilterForm filters={d.filters} facets={d.facets} />
      {d.total === 0
        ? (
          <p class="notice">
            No runs match.{" "}
            {d.facets.experiments.length === 0 && "Run `deno task bench` to record some."}
          </p>
        )
        : <RunsTable of={d} />}
    </Layout>
  );
}
