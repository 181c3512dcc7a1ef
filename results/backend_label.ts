/**
 * A run's backend as readers group and show it, in SQL: `backend` for a Deno run (as every
 * run was stored before runtimes existed), `runtime:backend` for a browser's, so Deno's wasm
 * and Chromium's never pool. The same rule as `backendLabel` in harness/core/runtime.ts (a
 * test holds them together).
 */

/** The label of the runs table's row, as an SQL expression over its columns. */
export const BACKEND_LABEL_SQL =
  "(CASE WHEN coalesce(runtime, 'deno') = 'deno' THEN backend ELSE runtime || ':' || backend END)";

/** The same over a table alias (`r.` for `runs r`). */
export function backendLabelSql(alias: string): string {
  return BACKEND_LABEL_SQL.replaceAll("runtime", `${alias}.runtime`)
    .replaceAll("backend", `${alias}.backend`);
}
