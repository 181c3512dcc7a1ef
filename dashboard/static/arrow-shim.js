// duckdb-wasm's browser module imports "apache-arrow"; the page maps that name here (import
// map) and loads Arrow's own browser build first, which defines the global `Arrow`.
const A = globalThis.Arrow;
export const { Type, Table, RecordBatchReader, tableToIPC, tableFromIPC } = A;
export default A;
