// deno-lint-ignore-file jsx-key -- rendered once on the server; keys only matter to client-side reconciliation
/** Backends: the experiment x backend matrix of throughput, accuracy and status, with adapters. */
import { Hono } from "hono";
import { backendMatrix, type MatrixCell } from "../../results/queries/mod.ts";
import { answer, type Deps } from "../_deps.ts";
import { oneOf, text } from "../_params.ts";
import { Badge, num, qs, RunLink } from "../_view.tsx";
import { Layout } from "../layout.tsx";

interface BackendsData {
  profile?: string;
  /** "machine": one matrix per machine (environment) the runs ran on. */
  by?: "machine";
  backends: { backend: string; adapter: string }[];
  experiments: { experiment_id: string; experiment_title: string }[];
  cells: MatrixCell[];
}

/** What a run's backend info says about the adapter behind it, in one line. */
function adapterOf(info: unknown): string {
  if (info === null || typeof info !== "object") return typeof info === "string" ? info : "";
  const o = info as Record<string, unknown>;
  const pick = (...ks: string[]) =>
    ks.map((k) => o[k]).find((v) => typeof v === "string" && v) as string | undefined;
  // A browser's WebGL names its renderer (SwiftShader on a machine without a GPU).
  const nested = [o.adapter, o.webgl].find((v) => v && typeof v === "object");
  const adapter = nested
    ? adapterOf(nested)
    : pick("adapter", "renderer", "description", "details", "device", "name");
  const extra = ["simd", "threads", "threadsCount", "vendor", "architecture"]
    .filter((k) => o[k] !== undefined && typeof o[k] !== "object")
    .map((k) => `${k} ${String(o[k])}`);
  return [adapter, ...extra].filter(Boolean).join(", ") || JSON.stringify(info).slice(0, 120);
}

/** Routes `/backends` and `/api/backends`. */
export function backendsRoutes(deps: Deps): Hono {
  const app = new Hono();
  for (const path of ["/backends", "/api/backends"]) {
    app.get(path, async (c) => {
      const profile = text("profile", c.req.query("profile"));
      const picked = oneOf("by", c.req.query("by"), ["machine", "backend"] as const, "backend");
      const by = picked === "machine" ? picked : undefined;
      const cells = await deps.reader.memo(
        `matrix:${profile ?? ""}:${by ?? ""}`,
        (conn) => backendMatrix(conn, { profile, byMachine: by === "machine" }),
      );
      const backends = [...new Set(cells.map((x) => x.backend))].sort().map((backend) => {
        const newest = cells.filter((x) => x.backend === backend && x.backend_info !== null)
          .sort((a, b) => b.latest_at.localeCompare(a.latest_at))[0];
        return { backend, adapter: newest ? adapterOf(newest.backend_info) : "" };
      });
      const experiments = [
        ...new Map(cells.map((x) => [x.experiment_id, x.experiment_title])).entries(),
      ]
        .map(([experiment_id, experiment_title]) => ({ experiment_id, experiment_title }));
      return answer(c, { profile, by, backends, experiments, cells }, BackendsPage);
    });
  }
  return app;
}

function Cell(props: { cell?: MatrixCell }) {
  const x = props.cell;
  if (!x) return <td class="muted">not run</td>;
  return (
    <td>
      <span class="cell-line">
        <Badge value={x.latest_status} /> <RunLink id={x.latest_run_id} label="latest" />
      </span>
      {x.ok_run_id
        ? (
          <>
            <span class="cell-line">{num(x.samples_per_s)} samples/s</span>
            <span class="cell-line">accuracy {num(x.test_accuracy)}</span>
          </>
        )
        : x.latest_reason && (
          <span class="cell-line muted" title={x.latest_reason}>
            {x.latest_reason.slice(0, 80)}
          </span>
        )}
      <span class="cell-line muted">
        <a href={`/runs${qs({ experiment: x.experiment_id, backend: x.backend })}`}>
          {x.runs} runs
        </a>: {x.ok} ok
        {x.failed > 0 && `, ${x.failed} failed`}
        {x.unsupported > 0 && `, ${x.unsupported} unsupported`}
      </span>
    </td>
  );
}

function BackendsPage(d: BackendsData) {
  const machines = d.by === "machine"
    ? [...new Map(d.cells.map((x) => [x.env_id ?? "", x.machine ?? "unknown machine"])).entries()]
    : [["", ""]];
  return (
    <Layout title="Backends" active="backends">
      <h1>Backends {d.profile && <span class="muted">· profile {d.profile}</span>}</h1>
      <p class="hint">
        The newest run of each experiment on each backend; throughput and accuracy from its newest
        run that finished ok. {d.by === "machine"
          ? <a href={`/backends${qs({ profile: d.profile })}`}>All machines together</a>
          : (
            <a href={`/backends${qs({ profile: d.profile, by: "machine" })}`}>
              Grouped by machine
            </a>
          )}
      </p>
      {d.cells.length === 0
        ? <p class="notice">No runs yet: run `deno task bench`.</p>
        : machines.map(([env, name]) => (
          <section class="machine" data-env={env}>
            {d.by === "machine" && <h2>{name}</h2>}
            <Matrix
              d={d}
              cells={d.cells.filter((x) =>
                d.by !== "machine" || x.env_id === env || (!x.env_id && !env)
              )}
            />
          </section>
        ))}
    </Layout>
  );
}

function Matrix(props: { d: BackendsData; cells: MatrixCell[] }) {
  const { d, cells } = props;
  const at = new Map(cells.map((x) => [`${x.experiment_id}\u0000${x.backend}`, x]));
  const experiments = d.experiments.filter((e) =>
    cells.some((x) => x.experiment_id === e.experiment_id)
  );
  return (
    <table class="matrix" id={d.by === "machine" ? undefined : "matrix"}>
      <thead>
        <tr>
          <th>Experiment</th>
          {d.backends.map((b) => (
            <th>
              {b.backend}
              <br />
              <span class="muted" style="font-weight: normal">{b.adapter}</span>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {experiments.map((e) => (
          <tr>
            <th title={e.experiment_title}>
              {e.experiment_id}
              <br />
              <span class="muted" style="font-weight: normal">{e.experiment_title}</span>
            </th>
            {d.backends.map((b) => <Cell cell={at.get(`${e.experiment_id}\u0000${b.backend}`)} />)}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
