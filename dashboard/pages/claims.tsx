/** Claims: per article, each claim's printed value, measured value and interval, verdict. */
import { Hono } from "hono";
import { type ClaimVerdict, claimVerdicts } from "../../results/queries/mod.ts";
import { answer, type Deps } from "../_deps.ts";
import { text } from "../_params.ts";
import { Badge, Head, num, qs, RunLink, when } from "../_view.tsx";
import { Layout } from "../layout.tsx";

interface ClaimsData {
  /** Null when no claims were ever checked (no `claim_verdicts` table yet). */
  claims: ClaimVerdict[] | null;
  experiment?: string;
}

/** Routes `/claims` and `/api/claims`. */
export function claimsRoutes(deps: Deps): Hono {
  const app = new Hono();
  for (const path of ["/claims", "/api/claims"]) {
    app.get(path, async (c) => {
      const experiment = text("experiment", c.req.query("experiment"));
      const claims = await deps.reader.read((conn) => claimVerdicts(conn, { experiment }));
      return answer(c, { claims, experiment }, ClaimsPage);
    });
  }
  return app;
}

/** A table of claim verdicts (also used on the Run page). */
export function ClaimsTable(props: { claims: ClaimVerdict[] }) {
  return (
    <table class="claims">
      <Head
        cols={[
          "Claim",
          "Backend",
          "Experiment",
          "Metric",
          "Printed",
          "Kind",
          { num: "Target" },
          { num: "Measured (mean ± sd)" },
          { num: "Interval" },
          { num: "n" },
          "Verdict",
          "Why",
          "Runs",
        ]}
      />
      <tbody>
        {props.claims.map((v) => (
          <tr>
            <td class="mono" title={v.where_printed ?? ""}>{v.claim_id}</td>
            <td>{v.backend ?? "—"}</td>
            <td>
              <a href={`/runs${qs({ experiment: v.experiment_id })}`}>{v.experiment_id}</a>
            </td>
            <td class="mono">{v.metric}</td>
            <td>“{v.printed}”</td>
            <td>{v.kind}</td>
            <td class="num">{num(v.value, 4)}</td>
            <td class="num">
              {num(v.measured_mean, 4)}
              {v.measured_std !== null && ` ± ${num(v.measured_std, 2)}`}
            </td>
            <td class="num">
              {v.ci_low === null && v.ci_high === null
                ? "—"
                : `[${num(v.ci_low, 4)}, ${num(v.ci_high, 4)}]`}
            </td>
            <td class="num">{num(v.n)}</td>
            <td>
              <Badge value={v.verdict} />
            </td>
            <td>
              {v.reason ?? ""}
              {v.interpretation && <span class="muted">· read as: {v.interpretation}</span>}
            </td>
            <td>
              {v.run_ids.length === 0
                ? "—"
                : v.run_ids.length === 1
                ? <RunLink id={v.run_ids[0]} label="run" />
                : (
                  <a href={`/compare${qs({ ids: v.run_ids.slice(0, 12) })}`}>
                    {v.run_ids.length} runs
                  </a>
                )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ClaimsPage(d: ClaimsData) {
  const byArticle = new Map<string, ClaimVerdict[]>();
  for (const v of d.claims ?? []) {
    byArticle.set(v.article, [...(byArticle.get(v.article) ?? []), v]);
  }
  return (
    <Layout title="Claims" active="claims">
      <h1>Claims {d.experiment && <span class="muted">· {d.experiment}</span>}</h1>
      {d.claims === null || (d.claims.length === 0 && !d.experiment)
        ? <p class="notice">No claims checked yet: run `deno task claims`.</p>
        : d.claims.length === 0
        ? <p class="notice">No verdicts match.</p>
        : [...byArticle].map(([article, claims]) => {
          const counts = new Map<string, number>();
          for (const c of claims) counts.set(c.verdict, (counts.get(c.verdict) ?? 0) + 1);
          return (
            <section>
              <h2>{article}</h2>
              <p>
                {[...counts].map(([v, n]) => (
                  <>
                    <Badge value={v} /> {n}
                    {" "}
                  </>
                ))}
                <span class="muted">
                  · newest verdict of each claim · checked {when(claims[0].created_at)}
                </span>
              </p>
              <ClaimsTable claims={claims} />
            </section>
          );
        })}
    </Layout>
  );
}
