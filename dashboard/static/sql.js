// The SQL console: duckdb-wasm (served from the dashboard's own node_modules) attaching a
// read-only copy of the results over HTTP. Cells are set with textContent, never as markup.
import * as duckdb from "/static/duckdb/duckdb-browser.mjs";
import { columnTexts } from "./cell.js";

const root = document.getElementById("sql-console");
const status = document.getElementById("sql-status");
const button = document.getElementById("run");
const input = document.getElementById("sql");
const out = document.getElementById("sql-result");
const MAX_ROWS = 1000;

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

function render(table) {
  const names = table.schema.fields.map((f) => f.name);
  const t = document.createElement("table");
  t.id = "sql-table";
  const head = t.createTHead().insertRow();
  for (const n of names) {
    const th = document.createElement("th");
    th.textContent = n;
    head.appendChild(th);
  }
  // Column by column, each by its Arrow type (cell.js): decimals, timestamps and dates as
  // DuckDB prints them, not as Arrow's raw numbers.
  const shown = Math.min(table.numRows, MAX_ROWS);
  const columns = names.map((_, c) => columnTexts(table.getChildAt(c), shown));
  const body = t.createTBody();
  for (let r = 0; r < shown; r++) {
    const tr = body.insertRow();
    for (const texts of columns) tr.insertCell().textContent = texts[r];
  }
  out.replaceChildren(t);
  return { shown, total: table.numRows };
}

const ready = start();
ready.then(() => {
  button.disabled = false;
  status.textContent = "ready";
  root.dataset.ready = "1";
}, (err) => {
  status.textContent = `DuckDB failed to start: ${err.message ?? err}`;
});

async function run() {
  const conn = await ready;
  status.textContent = "running…";
  const t0 = performance.now();
  try {
    const result = await conn.query(input.value);
    const { shown, total } = render(result);
    status.textContent = `${total} row${total === 1 ? "" : "s"}${
      shown < total ? ` (first ${shown} shown)` : ""
    } in ${Math.round(performance.now() - t0)} ms`;
    root.dataset.rows = String(total);
  } catch (err) {
    out.replaceChildren();
    const p = document.createElement("p");
    p.className = "error";
    p.textContent = err.message ?? String(err);
    out.appendChild(p);
    status.textContent = "error";
    root.dataset.rows = "error";
  }
}

button.addEventListener("click", run);
input.addEventListener("keydown", (e) => {
  if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) run();
});
