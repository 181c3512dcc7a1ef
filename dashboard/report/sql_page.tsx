/**
 * The report's SQL console: duckdb-wasm in the page over the report's Parquet files, which
 * hyparquet reads in JavaScript (duckdb-wasm 1.32 fetches its Parquet extension from the
 * internet, which a report may not reach). A table is loaded the first time a query names it.
 */
import type { ExportManifest } from "../../results/export/mod.ts";
import { num } from "../_view.tsx";
import { Layout } from "../layout.tsx";
import { SQL_EXAMPLE, SqlHead } from "../pages/sql.tsx";

/** The page, with links written for the dashboard (the report rewrites them). */
export function ReportSqlPage(props: { manifest: ExportManifest; data: string }) {
  const tables = Object.entries(props.manifest.tables);
  return (
    <Layout
      title="SQL"
      active="sql"
      scripts={["parquet_console.js"]}
      head={<SqlHead />}
    >
      <h1>SQL console</h1>
      <p class="hint">
        DuckDB running in this page over the report's Parquet files (schema version{" "}
        {props.manifest.schemaVersion}); a table loads when a query first names it. Tables:
      </p>
      <ul>
        {tables.map(([name, t]) => (
          <li>
            <code>{name}</code> <span class="muted">({num(t!.rows)} rows)</span> ·{" "}
            <a href={`${props.data}/${t!.file}`}>Parquet</a>
          </li>
        ))}
      </ul>
      <div id="sql-console" data-parquet={`${props.data}/manifest.json`}>
        <textarea id="sql" spellcheck={false}>{SQL_EXAMPLE}</textarea>
        <p>
          <button id="run" type="button" disabled>Run (Ctrl+Enter)</button>{" "}
          <span id="sql-status" class="muted">loading DuckDB…</span>
        </p>
        <div id="sql-result"></div>
      </div>
    </Layout>
  );
}
