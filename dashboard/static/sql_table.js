// A query result as an HTML table, shared by the dashboard's SQL console and the static
// report's. Cells are set with textContent, never as markup.
import { columnTexts } from "./cell.js";

/** The most rows a result shows. */
export const MAX_ROWS = 1000;

/** Put an Arrow table into `out` as a table with id "sql-table"; returns shown and total rows. */
export function renderTable(out, table) {
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

/** Wire the console's button and Ctrl+Enter to `query(sql)`, showing its result or error. */
export function wireConsole(ready, query) {
  const root = document.getElementById("sql-console");
  const status = document.getElementById("sql-status");
  const button = document.getElementById("run");
  const input = document.getElementById("sql");
  const out = document.getElementById("sql-result");
  ready.then(() => {
    button.disabled = false;
    status.textContent = "ready";
    root.dataset.ready = "1";
  }, (err) => {
    status.textContent = `DuckDB failed to start: ${err.message ?? err}`;
  });
  async function run() {
    await ready;
    status.textContent = "running…";
    const t0 = performance.now();
    try {
      const { shown, total } = renderTable(out, await query(input.value));
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
}
