/** The dashboard as a Hono app: every page, its JSON twin under /api, static files, errors. */
import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { UserError } from "../harness/core/errors.ts";
import { type Deps, wantsJson } from "./_deps.ts";
import { Layout } from "./layout.tsx";
import { progressPath } from "../results/progress_file.ts";
import { ProgressTail } from "./live/tail.ts";
import { DEFAULT_ACCURACY_TOLERANCE } from "../harness/gate/judge_accuracy.ts";
import { backendsRoutes } from "./pages/backends.tsx";
import { claimsRoutes } from "./pages/claims.tsx";
import { compareRoutes } from "./pages/compare.tsx";
import { historyRoutes } from "./pages/history.tsx";
import { liveRoutes } from "./pages/live.tsx";
import { runRoutes } from "./pages/run.tsx";
import { runsRoutes } from "./pages/runs.tsx";
import { sqlRoutes } from "./pages/sql.tsx";
import { suitesRoutes } from "./pages/suites.tsx";
import { Reader } from "./reader.ts";
import { staticRoutes } from "./static.ts";

/** Options of {@linkcode createApp}. */
export interface AppOptions {
  /** The results database the bench writes (only ever read). */
  db: string;
  /**
   * The accuracy drop each experiment tolerates (its declaration's `tolerance.accuracy`), for
   * the gate's verdicts; default the gate's own default for every experiment.
   */
  accuracyTolerance?: (experimentId: string) => number;
}

/** The dashboard app; `close()` lets go of its snapshot and removes its temporary files. */
export type DashboardApp = Hono & { close(): Promise<void> };

function ErrorPage(props: { status: number; message: string }) {
  const title = props.status === 404
    ? "Not found"
    : props.status === 400
    ? "Bad request"
    : props.status === 503
    ? "No results yet"
    : "Error";
  return (
    <Layout title={title} active="error">
      <h1>{title}</h1>
      <p class={props.status === 503 ? "notice" : "error"}>{props.message}</p>
      <p>
        <a href="/runs">Back to the runs</a>
      </p>
    </Layout>
  );
}

/**
 * Build the dashboard over the results file at `db`.
 *
 * @example
 * ```ts
 * const app = createApp({ db: "results/reprobench.duckdb" });
 * const res = await app.request("http://localhost/api/runs");
 * await app.close();
 * ```
 */
export function createApp(options: AppOptions): DashboardApp {
  const deps: Deps = {
    db: options.db,
    reader: new Reader(options.db),
    tail: new ProgressTail(progressPath(options.db)),
    accuracyTolerance: options.accuracyTolerance ?? (() => DEFAULT_ACCURACY_TOLERANCE),
  };
  const app = new Hono();
  app.use(async (c, next) => {
    await next();
    c.header("x-content-type-options", "nosniff");
    c.header("referrer-policy", "no-referrer");
  });
  for (
    const routes of [
      runsRoutes,
      suitesRoutes,
      runRoutes,
      compareRoutes,
      backendsRoutes,
      historyRoutes,
      claimsRoutes,
      sqlRoutes,
      liveRoutes,
    ]
  ) {
    app.route("/", routes(deps));
  }
  app.route("/", staticRoutes());
  app.get("/favicon.ico", (c) => c.body(null, 204));

  const fail = (
    c: Parameters<Parameters<typeof app.onError>[0]>[1],
    status: number,
    message: string,
  ) => {
    if (wantsJson(c)) return c.json({ error: message, status }, status as 400);
    return c.html(<ErrorPage status={status} message={message} />, status as 400);
  };
  app.notFound((c) => fail(c, 404, `Nothing at "${c.req.path}"`));
  app.onError((err, c) => {
    if (err instanceof HTTPException) return fail(c, err.status, err.message);
    // A missing or incompatible database is the user's to fix: say how, with no trace.
    if (err instanceof UserError) return fail(c, 503, err.message);
    console.error(`dashboard: ${c.req.method} ${c.req.path} failed:`, err);
    return fail(
      c,
      500,
      "The dashboard failed to answer this request; the server log has the details.",
    );
  });
  return Object.assign(app, { close: () => deps.reader.close() });
}
