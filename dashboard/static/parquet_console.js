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

/**
 * How a Parquet column (as DuckDB writes them) is carried: an Arrow vector built straight
 * from typed arrays (Arrow's element-by-element builders took 6.5 s of 8 for 100,000 runs),
 * and the SQL that gives the column its type back in DuckDB.
 */
function columnKind(col) {
  const logical = col.logical_type?.type ?? col.converted_type ?? "";
  if (col.type === "BOOLEAN") return { arrow: "int32", sql: (c) => `${c}::BOOLEAN` };
  if (col.type === "INT32") return { arrow: "int32", sql: (c) => c };
  if (col.type === "INT64" && /TIMESTAMP/.test(logical)) {
    return { arrow: "float64", sql: (c) => `make_timestamp(CAST(${c} * 1000 AS BIGINT))` };
  }
  if (["INT64", "FLOAT", "DOUBLE"].includes(col.type)) return { arrow: "float64", sql: (c) => c };
  return { arrow: "utf8", sql: (c) => c };
}

function number(v) {
  if (v instanceof Date) return v.getTime();
  if (typeof v === "boolean") return v ? 1 : 0;
  return Number(v);
}

function text(v) {
  if (typeof v === "string") return v;
  return JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? Number(x) : x));
}

/** An Arrow vector of `values` (null where absent) as `kind` says. */
function vector(values, kind) {
  const A = globalThis.Arrow;
  const n = values.length;
  const valid = new Uint8Array((n + 7) >> 3);
  let nulls = 0;
  for (let i = 0; i < n; i++) {
    if (values[i] == null) nulls++;
    else valid[i >> 3] |= 1 << (i & 7);
  }
  const nullBitmap = nulls > 0 ? valid : undefined;
  if (kind !== "utf8") {
    const data = kind === "int32" ? new Int32Array(n) : new Float64Array(n);
    for (let i = 0; i < n; i++) if (values[i] != null) data[i] = number(values[i]);
    const type = kind === "int32" ? new A.Int32() : new A.Float64();
    return A.makeVector(A.makeData({ type, length: n, nullCount: nulls, nullBitmap, data }));
  }
  const enc = new TextEncoder();
  const parts = new Array(n);
  const valueOffsets = new Int32Array(n + 1);
  let size = 0;
  for (let i = 0; i < n; i++) {
    parts[i] = values[i] == null ? null : enc.encode(text(values[i]));
    size += parts[i]?.length ?? 0;
    valueOffsets[i + 1] = size;
  }
  const data = new Uint8Array(size);
  for (let i = 0; i < n; i++) if (parts[i]) data.set(parts[i], valueOffsets[i]);
  return A.makeVector(
    A.makeData({ type: new A.Utf8(), length: n, nullCount: nulls, nullBitmap, valueOffsets, data }),
  );
}

async function loadTable(conn, name, entry) {
  const { parquetMetadata, parquetRead } = await import(here("../hyparquet/index.js"));
  // The whole file at once: a plain static server need not answer range requests.
  const buf = await (await fetch(new URL(entry.file, manifestUrl))).arrayBuffer();
  const meta = parquetMetadata(buf);
  const cols = meta.schema.slice(1).map((c) => ({ name: c.name, kind: columnKind(c) }));
  // Column by column, never an object per row.
  const data = new Map(cols.map((c) => [c.name, new Array(Number(meta.num_rows))]));
  await parquetRead({
    file: buf,
    metadata: meta,
    onChunk: ({ columnName, columnData, rowStart }) => {
      const out = data.get(columnName);
      for (let i = 0; i < columnData.length; i++) out[rowStart + i] = columnData[i];
    },
  });
  const q = (n) => `"${n.replaceAll('"', '""')}"`;
  const staging = `${name}__parquet`;
  const A = globalThis.Arrow;
  const table = new A.Table(
    Object.fromEntries(cols.map((c) => [c.name, vector(data.get(c.name), c.kind.arrow)])),
  );
  await conn.insertArrowTable(table, { name: staging, create: true });
  await conn.query(
    `CREATE TABLE ${q(name)} AS SELECT ${
      cols.map((c) => `${c.kind.sql(q(c.name))} AS ${q(c.name)}`).join(", ")
    } FROM ${q(staging)}`,
  );
  await conn.query(`DROP TABLE ${q(staging)}`);
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
