// deno-lint-ignore-file jsx-key -- rendered once on the server; keys only matter to client-side reconciliation
/** Where a run comes from: its kernels, commit, data, environment, backend and configuration. */
import type { RunRow } from "../../../results/queries/mod.ts";
import { Commit, num, when } from "../../_view.tsx";

function Kv(props: { items: [string, unknown][] }) {
  return (
    <dl class="kv">
      {props.items.map(([k, v]) => (
        <>
          <dt>{k}</dt>
          <dd>
            {v === null || v === undefined || v === "" ? <span class="muted">—</span> : v as string}
          </dd>
        </>
      ))}
    </dl>
  );
}

function environmentItems(r: RunRow, env: Record<string, unknown> | null): [string, unknown][] {
  if (!env) return [["Environment", r.env_id]];
  return [
    ["Environment", env.env_id],
    ["OS / arch", `${env.os} / ${env.arch}`],
    ["CPU", `${env.cpu_model} (${env.cores} cores)`],
    ["Memory", `${num(Number(env.memory_bytes) / 2 ** 30)} GiB`],
    ["Deno / V8 / TS", `${env.deno} / ${env.v8} / ${env.typescript}`],
    ["TensorFlow.js", env.tfjs],
    ["DuckDB", env.duckdb],
  ];
}

/** The kernels section, the provenance grid, the backend and the configuration as JSON. */
export function Provenance(props: { run: RunRow; environment: Record<string, unknown> | null }) {
  const r = props.run;
  const kernels = Array.isArray(r.kernels) ? r.kernels.map(String) : [];
  return (
    <>
      <h2>Kernels used ({kernels.length})</h2>
      {kernels.length === 0
        ? <p class="muted">None recorded.</p>
        : <p class="mono">{kernels.join(", ")}</p>}

      <h2>Provenance</h2>
      <div class="grid">
        <Kv
          items={[
            ["Started", when(r.started_at)],
            ["Finished", when(r.finished_at)],
            ["Commit", <Commit sha={r.git_commit} dirty={r.git_dirty} />],
            ["Profile", r.profile],
            ["Runtime", r.runtime],
            ["Article", r.article],
            ["Section", r.section],
            ["Variant of", r.variant_of],
            ["Dataset", r.dataset],
            ["Dataset provenance", r.dataset_provenance],
            ["Config hash", r.config_hash],
            ["Declaration hash", r.declaration_hash],
            ["Host / pid", `${r.hostname ?? "?"} / ${r.pid ?? "?"}`],
          ]}
        />
        <Kv items={environmentItems(r, props.environment)} />
      </div>
      <h2>Backend and adapter</h2>
      <pre>{JSON.stringify(r.backend_info ?? null, null, 2)}</pre>
      {r.runtime_info
        ? (
          <>
            <h2>Browser</h2>
            <pre>{JSON.stringify(r.runtime_info, null, 2)}</pre>
          </>
        )
        : null}
      <h2>Configuration</h2>
      <pre>{JSON.stringify(r.config ?? null, null, 2)}</pre>
    </>
  );
}
