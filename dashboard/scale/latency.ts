/**
 * The dashboard's latency at scale: answers the runs, run, compare and backends pages (HTML,
 * through `app.request`, so no network in the timing) over a database, and prints percentiles.
 * A benchmark that reports, not a test that fails. Fill a database first with `synth.ts`.
 *
 * @example
 * ```sh
 * deno run -A dashboard/scale/synth.ts --db .out/synth.duckdb --runs 100000 --epochs 50
 * deno run -A dashboard/scale/latency.ts --db .out/synth.duckdb
 * ```
 */
import { createApp } from "../app.tsx";
import { Rng } from "../../harness/core/rng.ts";
import { quantile } from "../../harness/core/stats/mod.ts";
import { scaleFlags } from "./synth.ts";

const values = scaleFlags({ requests: "200" });
const n = Number(values.requests);
const app = createApp({ db: values.db });
const rng = new Rng(1);

async function get(path: string): Promise<number> {
  const t = performance.now();
  const res = await app.request(`http://localhost${path}`);
  await res.text();
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status}`);
  return performance.now() - t;
}

// The first request takes the snapshot (a copy of the file): report it, then time warm pages.
const first = await get("/runs");
const meta = await (await app.request("http://localhost/api/runs?size=500")).json();
const facets = meta.facets;
const total: number = meta.total;
const ids: string[] = meta.runs.map((r: { run_id: string }) => r.run_id);
const okIds: string[] = meta.runs.filter((r: { status: string }) => r.status === "ok").map((
  r: { run_id: string },
) => r.run_id);
const pick = <T>(xs: T[]) => xs[rng.int(xs.length)];

const pages: Record<string, () => string> = {
  "runs (filtered, random page)": () => {
    const f = rng.int(3);
    const q = f === 0
      ? `experiment=${pick(facets.experiments as { experiment_id: string }[]).experiment_id}`
      : f === 1
      ? `backend=${pick(facets.backends as string[])}&status=ok`
      : `commit=${pick(facets.commits as string[]).slice(0, 8)}`;
    return `/runs?${q}&page=${1 + rng.int(20)}`;
  },
  "runs (unfiltered, deep page)": () => `/runs?page=${1 + rng.int(Math.floor(total / 50))}`,
  "run": () => `/runs/${encodeURIComponent(pick(ids))}`,
  "compare (3 runs)": () =>
    `/compare?${
      [pick(okIds), pick(okIds), pick(okIds)].map((i) => `ids=${encodeURIComponent(i)}`).join("&")
    }`,
  "backends": () => "/backends",
};

const pct = (xs: number[], p: number) => quantile(xs, p / 100);
console.log(
  `${values.db}: ${total.toLocaleString("en-US")} runs; first request (snapshot copy) ${
    first.toFixed(0)
  } ms`,
);
console.log(
  `${"page".padEnd(30)} ${"n".padStart(5)} ${"p50".padStart(8)} ${"p95".padStart(8)} ${
    "p99".padStart(8)
  } ${"max".padStart(8)}  (ms)`,
);
for (const [name, path] of Object.entries(pages)) {
  for (let i = 0; i < 5; i++) await get(path()); // warm-up
  const times: number[] = [];
  for (let i = 0; i < n; i++) times.push(await get(path()));
  const f = (x: number) => x.toFixed(1).padStart(8);
  console.log(
    `${name.padEnd(30)} ${String(n).padStart(5)} ${f(pct(times, 50))} ${f(pct(times, 95))} ${
      f(pct(times, 99))
    } ${f(Math.max(...times))}`,
  );
}
await app.close();
