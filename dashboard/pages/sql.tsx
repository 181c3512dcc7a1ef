/**
 * SQL: a console in the browser. duckdb-wasm runs in the page and attaches, read-only and over
 * HTTP range requests, a copy of the dashboard's snapshot: it never sees the bench's file, so
 * nothing typed here can change the results (read-only by construction). Each table is also
 * offered as a Parquet download.
 *
 * Why the console attaches a DuckDB copy rather than the Parquet exports: duckdb-wasm 1.32
 * does not build Parquet in; it downloads the extension from the internet on first use, which
 * these machines cannot reach. Its core reads DuckDB files (measured: a file written by
 * DuckDB 1.5.5 opens in duckdb-wasm's 1.4.3).
 */
import { Hono } from "hono";
import { join } from "node:path";
import { EXPORT_TABLES, exportableTables } from "../../results/queries/mod.ts";
import { type ExportedTable, exportTables } from "../../results/export/mod.ts";
import { answer, type Deps } from "../_deps.ts";
import { notFound } from "../_params.ts";
import { num } from "../_view.tsx";
import { sendFile } from "../static.ts";
import { Layout } from "../layout.tsx";

interface Table {
  name: string;
  rows: number;
  /** A Parquet export of the table. */
  parquet: string;
}

interface SqlData {
  /** The database copy the console attaches. */
  database: string;
  tables: Table[];
}

/** Console copies kept alive after newer ones appear (a page open a while still reads). */
const KEEP_COPIES = 3;

/** Routes `/sql`, `/api/sql`, `/sql/db/<n>.duckdb` and `/sql/parquet/<table>.parquet`. */
export function sqlRoutes(deps: Deps): Hono {
  const app = new Hono();
  // Hard links to snapshot files, by number: a link outlives its snapshot, so a console page
  // keeps reading the same bytes while newer snapshots come and go.
  const copies = new Map<string, string>();
  let counter = 0;
  const load = () =>
    deps.reader.read(async (conn, snap): Promise<SqlData> => {
      const found = await snap.once("tables", () => exportableTables(conn));
      const n = await snap.once("console-copy", async () => {
        const id = String(++counter);
        const dir = join(snap.root, "console");
        await Deno.mkdir(dir, { recursive: true });
        const path = join(dir, `${id}.duckdb`);
        await Deno.link(snap.file, path).catch(() => Deno.copyFile(snap.file, path));
        copies.set(id, path);
        for (const old of [...copies.keys()].slice(0, Math.max(0, copies.size - KEEP_COPIES))) {
          await Deno.remove(copies.get(old)!).catch(() => {});
          copies.delete(old);
        }
        return id;
      });
      const v = encodeURIComponent(snap.key);
      return {
        database: `/sql/db/${n}.duckdb`,
        tables: found.map((t) => ({ ...t, parquet: `/sql/parquet/${t.name}.parquet?v=${v}` })),
      };
    });
  app.get("/sql", async (c) => answer(c, await load(), SqlPage));
  app.get("/api/sql", async (c) => c.json(await load()));
  app.get("/sql/db/:file", (c) => {
    const id = /^(\d{1,9})\.duckdb$/.exec(c.req.param("file"))?.[1];
    const path = id ? copies.get(id) : undefined;
    if (!path) notFound("This copy of the results has expired: reload the SQL page");
    // Immutable: the same number always names the same bytes.
    return sendFile(c, path, "private, max-age=86400, immutable");
  });
  app.get("/sql/parquet/:file", async (c) => {
    const m = /^([a-z_]+)\.parquet$/.exec(c.req.param("file"));
    const table = m?.[1] ?? "";
    if (!(EXPORT_TABLES as readonly string[]).includes(table)) {
      notFound(`No table "${c.req.param("file")}"`);
    }
    const opened = await deps.reader.read(async (conn, snap) => {
      const present = await snap.once("tables", () => exportableTables(conn));
      if (!present.some((t) => t.name === table)) notFound(`No table "${table}" in this database`);
      const path = join(snap.dir, `${table}.parquet`);
      await snap.once(
        `export:${table}`,
        () => exportTables(conn, snap.dir, { format: "parquet", tables: [table as ExportedTable] }),
      );
      // Opened while the snapshot is held: the handle outlives a refresh that removes the file.
      return { path, file: await Deno.open(path, { read: true }) };
    });
    c.header("content-disposition", `attachment; filename="${table}.parquet"`);
    return sendFile(c, opened.path, "no-cache", opened.file);
  });
  return app;
}

/** The query a console starts with. */
export const SQL_EXAMPLE = `SELECT experiment_id, backend, status, count(*) AS runs,
       round(median(steady_samples_per_s), 1) AS median_samples_per_s
FROM runs
GROUP BY ALL
ORDER BY ALL`;

/** duckdb-wasm's module imports "apache-arrow": map it to a shim over Arrow's browser build. */
const IMPORT_MAP = JSON.stringify({ imports: { "apache-arrow": "/static/app/arrow-shim.js" } });

/** duckdb-wasm's Arrow: the import map to the shim and Arrow's browser build. */
export function SqlHead() {
  return (
    <>
      <script type="importmap" dangerouslySetInnerHTML={{ __html: IMPORT_MAP }}></script>
      <script src="/static/arrow/Arrow.es2015.min.js"></script>
    </>
  );
}

/** A table the console can query, and where its Parquet file is. */
export interface ConsoleTable {
  name: string;
  rows: number;
  href: string;
}

/**
 * The console both SQL pages share (the dashboard's and the static report's): the tables with
 * their Parquet files, the query box and the result; `source` tells the page's script where the
 * data is (`data-database` or `data-parquet`).
 */
export function SqlConsole(props: { tables: ConsoleTable[]; source: Record<string, string> }) {
  return (
    <>
      <ul>
        {props.tables.map((t) => (
          <li>
            <code>{t.name}</code> <span class="muted">({num(t.rows)} rows)</span> ·{" "}
            <a href={t.href}>Parquet</a>
          </li>
        ))}
      </ul>
      <div id="sql-console" {...props.source}>
        <textarea id="sql" spellcheck={false}>{SQL_EXAMPLE}</textarea>
        <p>
          <button id="run" type="button" disabled>Run (Ctrl+Enter)</button>{" "}
          <span id="sql-status" class="muted">loading DuckDB…</span>
        </p>
        <div id="sql-result"></div>
      </div>
    </>
  );
}

function SqlPage(d: SqlData) {
  return (
    <Layout title="SQL" active="sql" scripts={["sql.js"]} head={<SqlHead />}>
      <h1>SQL console</h1>
      <p class="hint">
        DuckDB running in this page over a read-only copy of the results; nothing typed here can
        change them. Tables:
      </p>
      <SqlConsole
        tables={d.tables.map((t) => ({ name: t.name, rows: t.rows, href: t.parquet }))}
        source={{ "data-database": d.database }}
      />
    </Layout>
  );
}
