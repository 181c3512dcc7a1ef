// deno-lint-ignore-file jsx-key -- rendered once on the server; keys only matter to client-side reconciliation
/**
 * Suites: each plan split over machines (`--shard i/N`) as one logical suite, its shards with
 * the machine each ran on, and what is missing: shards no store here holds, planned runs a
 * present shard did not record.
 */
import { Hono } from "hono";
import { type SplitPlan, splitPlans } from "../../results/queries/mod.ts";
import { answer, type Deps } from "../_deps.ts";
import { int } from "../_params.ts";
import { Badge, Head, num, qs, when } from "../_view.tsx";
import { Layout } from "../layout.tsx";

/** Split plans per page: one of 50 shards renders 50 rows. */
const PAGE_SIZE = 20;

interface SuitesData {
  plans: SplitPlan[];
  page: number;
  pages: number;
  total: number;
}

/** Routes `/suites` and `/api/suites`. */
export function suitesRoutes(deps: Deps): Hono {
  const app = new Hono();
  for (const path of ["/suites", "/api/suites"]) {
    app.get(path, async (c) => {
      const all = await deps.reader.memo("split-plans", (conn) => splitPlans(conn, 100_000));
      const pages = Math.max(1, Math.ceil(all.length / PAGE_SIZE));
      const page = int("page", c.req.query("page"), 1, 1, pages);
      const plans = all.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
      return answer(c, { plans, page, pages, total: all.length }, SuitesPage);
    });
  }
  return app;
}

function Plan(props: { p: SplitPlan }) {
  const p = props.p;
  const complete = p.missingShards.length === 0 && p.missingRuns === 0;
  return (
    <section class="split-plan" data-plan={p.planHash}>
      <h2>
        {p.kind} · {p.profile} · {p.count} shards{p.group && ` · ${p.group}`}{" "}
        <Badge value={complete ? "complete" : "incomplete"} />
      </h2>
      <p class="muted">
        plan <code>{p.planHash.slice(0, 16)}</code>, {num(p.planRuns)} runs, started{" "}
        {when(p.startedAt)}
      </p>
      {p.missingShards.length > 0 && (
        <p class="error missing-shards">
          Missing shards: {p.missingShards.map((i) => `${i}/${p.count}`).join(", ")}
        </p>
      )}
      {p.missingRuns > 0 && (
        <p class="error">
          {num(p.missingRuns)} planned runs of present shards not recorded:{" "}
          {p.missingRunKeys.join(", ")}
          {p.missingRuns > p.missingRunKeys.length && ", ..."}
        </p>
      )}
      {p.repeatedShards.length > 0 && (
        <p class="notice">
          Shards run more than once: {p.repeatedShards.map((i) => `${i}/${p.count}`).join(", ")}
        </p>
      )}
      <table>
        <Head
          cols={[
            "Shard",
            "Status",
            "Machine",
            "Started",
            "Finished",
            { num: "Planned" },
            {
              num: "Recorded",
            },
            { num: "OK" },
            "Runs",
          ]}
        />
        <tbody>
          {p.shards.map((s) => (
            <tr>
              <td>{s.index}/{p.count}</td>
              <td>
                <Badge value={s.status} />
              </td>
              <td>{[s.cpuModel, s.hostname].filter(Boolean).join(", ") || "—"}</td>
              <td>{when(s.startedAt)}</td>
              <td>{when(s.finishedAt)}</td>
              <td class="num">{num(s.planned)}</td>
              <td class="num">{num(s.recorded)}</td>
              <td class="num">{num(s.ok)}</td>
              <td>
                <a href={`/runs${qs({ suite: s.suiteId })}`}>runs</a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function SuitesPage(d: SuitesData) {
  return (
    <Layout title="Suites" active="suites">
      <h1>Split suites</h1>
      <p class="hint">
        Plans run as shards (<code>--shard i/N</code>) on several machines and merged (<code>
          deno task merge
        </code>): one logical suite per plan, its shards, and what is missing.
      </p>
      {d.plans.length === 0
        ? <p class="notice">No split plan here: every suite ran whole.</p>
        : d.plans.map((p) => <Plan p={p} />)}
      {d.pages > 1 && (
        <p class="pager">
          {d.page > 1 && <a href={`/suites${qs({ page: d.page - 1 })}`}>newer</a>} page {d.page} of
          {" "}
          {d.pages} ({num(d.total)} split plans){" "}
          {d.page < d.pages && <a href={`/suites${qs({ page: d.page + 1 })}`}>older</a>}
        </p>
      )}
    </Layout>
  );
}
