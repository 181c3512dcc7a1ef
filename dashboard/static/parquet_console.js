// The static report's SQL console: duckdb-wasm in the page, over the report's Parquet files
// read by hyparquet (duckdb-wasm 1.32 would fetch its Parquet extension from the internet).
// A table is loaded the first time a query names it, so a large report starts at once.
// Every URL is relative to this script or the page: a report may live under any path.
import { wireConsole } from "./sql_table.js";

const here = (p) => new URL(p, import.meta.url).href;
const root = document.getElementById("sql-console");
const manifestUrl = new URL(root.dataset.parquet, location.href);
const loaded = new Map();

async function start() {
  const duckdb = await import(here("../duckdb/duckdb-browser.mjs"));
  const worker = new Worker(here("../duckdb/duckdb-browser-eh.worker.js"));
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(here("../duckdb/duckdb-eh.wasm"));
  const conn = await db.connect();
  const manifest = await (await fetch(manifestUrl)).json();
  return { conn, manifest };
}

/** The Arrow type and value conversion of a Parquet column as DuckDB wrote it. */
function columnType(col) {
  const A = globalThis.Arrow;
  const logical = col.logical_type?.type ?? col.converted_type ?? "";
  if (col.type === "BOOLEAN") return [new A.Bool(), "BOOLEAN", (v) => v];
  if (col.type === "INT32") return [new A.Int32(), "INTEGER", (v) => v];
  if (col.type === "INT64" && /TIMESTAMP/.test(logical)) {
    return [
      new A.TimestampMillisecond(),
      "TIMESTAMP",
      (v) => (v instanceof Date ? v.getTime() : v),
    ];
  }
  if (col.type === "INT64" || col.type === "FLOAT" || col.type === "DOUBLE") {
    return [new A.Float64(), "DOUBLE", (v) => Number(v)];
  }
  const text = (v) =>
    typeof v === "string" ? v : JSON.stringify(v, (_k, x) => typeof x === "bigint" ? Number(x) : x);
  return [new A.Utf8(), "VARCHAR", text];
}

async function loadTable(conn, name, entry) {
  const { parquetMetadata, parquetReadObjects } = await import(here("../hyparquet/index.js"));
  // The whole file at once: a plain static server need not answer range requests.
  const buf = await (await fetch(new URL(entry.file, manifestUrl))).arrayBuffer();
  const cols = parquetMetadata(buf).schema.slice(1).map((c) => ({
    name: c.name,
    t: columnType(c),
  }));
  const q = (n) => `"${n.replaceAll('"', '""')}"`;
  await conn.query(
    `CREATE TABLE ${q(name)} (${cols.map((c) => `${q(c.name)} ${c.t[1]}`).join(", ")})`,
  );
  const rows = await parquetReadObjects({ file: buf });
  if (rows.length === 0) return;
  const A = globalThis.Arrow;
  const vectors = Object.fromEntries(cols.map((c) => [
    c.name,
    A.vectorFromArray(rows.map((r) => (r[c.name] == null ? null : c.t[2](r[c.name]))), c.t[0]),
  ]));
  await conn.insertArrowTable(new A.Table(vectors), { name, create: false });
}

const ready = start();
wireConsole(ready, async (sql) => {
  const { conn, manifest } = await ready;
  for (const [name, entry] of Object.entries(manifest.tables)) {
    if (!new RegExp(`\\b${name}\\b`, "i").test(sql)) continue;
    if (!loaded.has(name)) loaded.set(name, loadTable(conn, name, entry));
    await loaded.get(name);
  }
  return await conn.query(sql);
});
