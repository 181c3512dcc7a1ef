// The SQL console: duckdb-wasm (served from the dashboard's own node_modules) attaching a
// read-only copy of the results over HTTP.
import * as duckdb from "/static/duckdb/duckdb-browser.mjs";
import { wireConsole } from "./sql_table.js";

const root = document.getElementById("sql-console");

async function start() {
  const base = new URL("/static/duckdb/", location.href).href;
  const bundle = await duckdb.selectBundle({
    mvp: {
      mainModule: base + "duckdb-mvp.wasm",
      mainWorker: base + "duckdb-browser-mvp.worker.js",
    },
    eh: { mainModule: base + "duckdb-eh.wasm", mainWorker: base + "duckdb-browser-eh.worker.js" },
  });
  const worker = new Worker(bundle.mainWorker);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(bundle.mainModule);
  const conn = await db.connect();
  const url = new URL(root.dataset.database, location.href).href;
  await db.registerFileURL("results.duckdb", url, duckdb.DuckDBDataProtocol.HTTP, false);
  await conn.query("ATTACH 'results.duckdb' AS results (READ_ONLY)");
  await conn.query("USE results");
  return conn;
}

const ready = start();
wireConsole(ready, async (sql) => (await ready).query(sql));
