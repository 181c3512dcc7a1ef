/**
 * The static report (`deno task report --out DIR`): the dashboard's pages rendered through
 * the Hono app's `app.request()` with links rewritten to files, the assets they load, the
 * results as Parquet (results/merge/README.md) and an SQL console over them. It needs no
 * server of ours: any static file server (GitHub Pages, `python3 -m http.server`) serves it.
 */
import { join } from "node:path";
import { withDb } from "../../results/db.ts";
import { exportTables } from "../../results/export/mod.ts";
import { createApp } from "../app.tsx";
import { Layout } from "../layout.tsx";
import { copyAssets } from "./assets.ts";
import { type Budget, crawl } from "./crawl.ts";
import { MISSING, rewritePage } from "./rewrite.ts";
import { ReportSqlPage } from "./sql_page.tsx";
import { fileFor } from "./urls.ts";

/** Options of {@linkcode writeReport}. */
export interface ReportOptions {
  db: string;
  out: string;
  /** Pages to render at most (default: 300 run pages, 400 others). */
  budget?: Partial<Budget>;
}

/** What a report holds. */
export interface ReportSummary {
  out: string;
  pages: number;
  runPages: number;
  parquetRows: number;
  assetBytes: number;
}

const DATA = "data";

/**
 * Write the report of `db` into `out` (created; files of an earlier report are overwritten).
 *
 * @example
 * ```ts
 * const r = await writeReport({ db: "merged.duckdb", out: "site" });
 * console.log(`${r.pages} pages`);
 * ```
 */
export async function writeReport(opts: ReportOptions): Promise<ReportSummary> {
  const budget: Budget = { runs: 300, pages: 400, ...opts.budget };
  await Deno.mkdir(opts.out, { recursive: true });
  const manifest = await withDb(
    opts.db,
    "read",
    (conn) => exportTables(conn, join(opts.out, DATA), { format: "parquet" }),
  );
  const app = createApp({ db: opts.db });
  let pages: Map<string, string>;
  try {
    pages = await crawl((url) => app.request(url), budget);
  } finally {
    await app.close();
  }
  const files = new Map<string, string>([["/sql", "sql.html"]]);
  for (const page of pages.keys()) files.set(page, await fileFor(page));
  pages.set("/sql", String(await ReportSqlPage({ manifest, data: DATA })));
  pages.set(`/${MISSING}`, String(await MissingPage()));
  files.set(`/${MISSING}`, MISSING);
  for (const [page, html] of pages) {
    await Deno.writeTextFile(join(opts.out, files.get(page)!), rewritePage(html, files));
  }
  const assetBytes = await copyAssets(opts.out);
  // GitHub Pages runs Jekyll unless told not to, and Jekyll drops files starting with "_".
  await Deno.writeTextFile(join(opts.out, ".nojekyll"), "");
  return {
    out: opts.out,
    pages: pages.size,
    runPages: [...pages.keys()].filter((p) => /^\/runs\/[^/?]+$/.test(p)).length,
    parquetRows: Object.values(manifest.tables).reduce((n, t) => n + (t?.rows ?? 0), 0),
    assetBytes,
  };
}

function MissingPage() {
  return (
    <Layout title="Not in this report" active="error">
      <h1>Not in this report</h1>
      <p class="notice">
        This static report pre-renders the pages near its start (the newest runs, each split plan,
        the claims board, history) and not every page the dashboard can show. Open the{" "}
        <a href="/sql">SQL console</a> to query every result, or serve the results with{" "}
        <code>deno task dashboard</code>.
      </p>
      <p>
        <a href="/runs">Back to the runs</a>
      </p>
    </Layout>
  );
}
