/**
 * The report's SQL console: duckdb-wasm in the page over the report's Parquet files, which
 * hyparquet reads in JavaScript (duckdb-wasm 1.32 fetches its Parquet extension from the
 * internet, which a report may not reach). A table is loaded the first time a query names it.
 */
import type { ExportManifest } from "../../results/export/mod.ts";
import { Layout } from "../layout.tsx";
import { SqlConsole, SqlHead } from "../pages/sql.tsx";

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
      <SqlConsole
        tables={tables.map(([name, t]) => ({
          name,
          rows: t!.rows,
          href: `${props.data}/${t!.file}`,
        }))}
        source={{ "data-parquet": `${props.data}/manifest.json` }}
      />
    </Layout>
  );
}
