// deno-lint-ignore-file jsx-key -- rendered once on the server; keys only matter to client-side reconciliation
/** Keys that differ between the runs first, the identical ones folded away. */
import type { RunRow } from "../../../results/queries/mod.ts";
import type { DiffRow } from "../../_diff.ts";

/** One table of differing keys (one column per run) and a folded one of identical keys. */
export function DiffTable(props: { rows: DiffRow[]; runs: RunRow[] }) {
  const differing = props.rows.filter((r) => r.differs);
  const same = props.rows.filter((r) => !r.differs);
  const table = (rows: DiffRow[]) => (
    <table>
      <thead>
        <tr>
          <th>Key</th>
          {props.runs.map((_, i) => <th>#{i + 1}</th>)}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr class={r.differs ? "diff" : ""}>
            <td class="mono">{r.key}</td>
            {r.values.map((v) => <td class="mono">{v ?? "—"}</td>)}
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <>
      {differing.length === 0 ? <p class="muted">No differences.</p> : table(differing)}
      {same.length > 0 && (
        <details>
          <summary>{same.length} identical</summary>
          {table(same)}
        </details>
      )}
    </>
  );
}
