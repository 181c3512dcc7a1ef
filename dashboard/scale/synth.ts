/**
 * Generate a synthetic results database for the dashboard's scale benchmark: many runs with
 * realistic columns, epochs and raw measurements. Writes through DuckDB's Appender (no SQL),
 * into a fresh file migrated by `results/db.ts`.
 *
 * @example
 * ```sh
 * deno run -A dashboard/scale/synth.ts --db .out/synth.duckdb --runs 100000 --epochs 50
 * ```
 */
import { parseArgs } from "node:util";
import { type DuckDBAppender, timestampValue } from "@duckdb/node-api";
import { withDb } from "../../results/db.ts";
import { Rng } from "../../harness/core/rng.ts";

type Cell = string | number | boolean | null;
/** A row by column name, the columns in table order (`results/migrations.ts`). */
type Row = Record<string, Cell>;

/**
 * Each table's column types, in table order, one letter per column for the appender:
 * v varchar (JSON included), i integer, b bigint, d double, t timestamp (ms), o boolean.
 */
const KINDS = {
  environments: "vvvvvibvvvvvvt",
  suites: "vvvvttvvovvi",
  runs: "vvvvvvvvvvivvvttdvvvvvvvoiiddddddiibivvi",
  epochs: "viddddddv",
  measurements: "vvvid",
} as const;

/** Where synth.ts writes, and latency.ts reads, unless told otherwise. */
export const SYNTH_DB = ".out/synth.duckdb";

/** The scale tools' flags, all strings: `--db` (default {@link SYNTH_DB}) and the tool's own. */
export function scaleFlags<K extends string>(
  defaults: Record<K, string>,
): Record<K | "db", string> {
  const all: Record<string, string> = { db: SYNTH_DB, ...defaults };
  const options = Object.fromEntries(
    Object.entries(all).map(([k, v]) => [k, { type: "string" as const, default: v }]),
  );
  return parseArgs({ args: Deno.args, strict: true, options }).values as Record<K | "db", string>;
}

/** The runs each synthetic suite holds. */
const RUNS_PER_SUITE = 15;
/** When the first synthetic run started. */
const T0 = Date.UTC(2025, 0, 1);

function put(app: DuckDBAppender, kinds: string, row: Row): void {
  const values = Object.values(row);
  if (values.length !== kinds.length) {
    throw new RangeError(`A row of ${values.length} columns for ${kinds.length} column types`);
  }
  values.forEach((v, i) => {
    if (v === null) app.appendNull();
    else if (kinds[i] === "v") app.appendVarchar(String(v));
    else if (kinds[i] === "i") app.appendInteger(Number(v));
    else if (kinds[i] === "b") app.appendBigInt(BigInt(Math.round(Number(v))));
    else if (kinds[i] === "d") app.appendDouble(Number(v));
    else if (kinds[i] === "o") app.appendBoolean(Boolean(v));
    else app.appendValue(timestampValue(BigInt(Math.round(Number(v))) * 1000n));
  });
  app.endRow();
}

const hex = (rng: Rng, n: number) =>
  Array.from({ length: n }, () => Math.floor(rng.next() * 16).toString(16)).join("");

const suiteId = (suite: number) => `suite-${String(suite).padStart(6, "0")}`;

/** The one machine every synthetic run ran on. */
const ENVIRONMENT: Row = {
  env_id: "env-synthetic",
  hostname: "synth-host",
  os: "linux",
  arch: "x86_64",
  cpu_model: "Synthetic CPU",
  cores: 2,
  memory_bytes: 24e9,
  deno: "2.9.6",
  v8: "15.0",
  typescript: "6.0",
  tfjs: "4.22.0",
  duckdb: "1.5.5",
  fingerprint: JSON.stringify({ synthetic: true }),
  first_seen: T0,
};

function suiteRow(suite: number, commit: string, start: number): Row {
  return {
    suite_id: suiteId(suite),
    kind: "bench",
    profile: "quick",
    argv: '["bench"]',
    started_at: start,
    finished_at: start + RUNS_PER_SUITE * 60_000,
    status: "ok",
    git_commit: commit,
    git_dirty: false,
    env_id: "env-synthetic",
    hostname: "synth-host",
    pid: 1000 + suite,
  };
}

/** What one synthetic run is: its place, its outcome and its speed. */
interface RunDraw {
  r: number;
  runId: string;
  suite: number;
  commit: string;
  exp: string;
  backend: string;
  status: string;
  speed: number;
  epochs: number;
}

/** The run's row; its hashes and results are drawn from `rng`, in column order. */
function runRow(d: RunDraw, rng: Rng): Row {
  const ok = d.status === "ok";
  const start = T0 + d.r * 60_000;
  return {
    run_id: d.runId,
    suite_id: suiteId(d.suite),
    experiment_id: d.exp,
    experiment_title: `Synthetic experiment ${d.exp}`,
    article: "synthetic-article",
    section: "2.1",
    variant_of: null,
    dataset: "mnist",
    dataset_provenance: "synthetic",
    backend: d.backend,
    seed: d.r % 5,
    profile: "quick",
    status: d.status,
    reason: ok ? null : "synthetic failure",
    started_at: start,
    finished_at: start + 50_000,
    wall_s: 50,
    env_id: "env-synthetic",
    backend_info: JSON.stringify({ backend: d.backend }),
    kernels: JSON.stringify(["MatMul", "Relu", "Softmax"]),
    config: JSON.stringify({ epochs: d.epochs, batchSize: 64, seed: d.r % 5 }),
    config_hash: hex(rng, 16),
    declaration_hash: hex(rng, 16),
    git_commit: d.commit,
    git_dirty: false,
    train_samples: 1024,
    test_samples: 256,
    test_loss: ok ? 0.1 + rng.next() * 0.1 : null,
    test_accuracy: ok ? 0.9 + rng.next() * 0.09 : null,
    first_epoch_s: ok ? 2 + rng.next() : null,
    steady_samples_per_s: ok ? d.speed : null,
    latency_b1_ms: ok ? 1 + rng.next() : null,
    latency_large_ms: ok ? 10 + rng.next() * 5 : null,
    large_batch: 256,
    peak_tensors: 40,
    peak_bytes: 1e6,
    leaked_tensors: 0,
    weights_sha256: ok ? hex(rng, 64) : null,
    hostname: "synth-host",
    pid: 1000 + d.suite,
  };
}

/** The run's epochs: losses that fall and accuracies that rise, as training curves do. */
function epochRows(d: RunDraw, rng: Rng): Row[] {
  return Array.from({ length: d.epochs }, (_, e) => {
    const decay = Math.exp(-e / 10);
    return {
      run_id: d.runId,
      epoch: e + 1,
      loss: 0.1 + 2 * decay,
      accuracy: 0.98 - 0.8 * decay,
      val_loss: 0.15 + 2 * decay,
      val_accuracy: 0.97 - 0.8 * decay,
      wall_s: 1 + rng.next() * 0.1,
      samples_per_s: d.speed,
      weights_sha256: `${d.runId.slice(0, 8)}${e}`,
    };
  });
}

/** Ten training windows' throughput and ten batch-1 latencies, interleaved as drawn. */
function measurementRows(d: RunDraw, rng: Rng): Row[] {
  const row = (name: string, unit: string, idx: number, value: number) => ({
    run_id: d.runId,
    name,
    unit,
    idx,
    value,
  });
  return Array.from({ length: 10 }, (_, i) => [
    row("train_window_samples_per_s", "samples/s", i, d.speed * (0.95 + 0.1 * rng.next())),
    row("latency_b1_ms", "ms", i, 1 + rng.next()),
  ]).flat();
}

/** Fill `path` (which must not exist) with `runs` runs of `epochs` epochs each. */
export async function synthesize(path: string, runs: number, epochs: number): Promise<void> {
  const rng = new Rng(20240601);
  const backends = ["cpu", "wasm", "webgpu"];
  const experiments = Array.from({ length: 24 }, (_, i) => `exp-${String(i).padStart(3, "0")}`);
  const commits = Array.from({ length: 400 }, () => hex(rng, 40));
  await withDb(path, "write", async (conn) => {
    const env = await conn.createAppender("environments");
    put(env, KINDS.environments, ENVIRONMENT);
    env.closeSync();
    const app = {
      suites: await conn.createAppender("suites"),
      runs: await conn.createAppender("runs"),
      epochs: await conn.createAppender("epochs"),
      measurements: await conn.createAppender("measurements"),
    };
    for (let r = 0; r < runs; r++) {
      const suite = Math.floor(r / RUNS_PER_SUITE);
      const commit = commits[Math.floor((r / runs) * commits.length)];
      if (r % RUNS_PER_SUITE === 0) {
        put(app.suites, KINDS.suites, suiteRow(suite, commit, T0 + r * 60_000));
      }
      const exp = experiments[Math.floor(rng.next() * experiments.length)];
      const backend = backends[r % 3];
      const status = rng.next() < 0.9 ? "ok" : rng.next() < 0.5 ? "failed" : "unsupported";
      const speed = (backend === "cpu" ? 900 : backend === "wasm" ? 3000 : 5000) *
        (0.9 + 0.2 * rng.next());
      const runId = `${hex(rng, 8)}-${exp}-${backend}`;
      const d: RunDraw = { r, runId, suite, commit, exp, backend, status, speed, epochs };
      put(app.runs, KINDS.runs, runRow(d, rng));
      if (status !== "ok") continue;
      for (const row of epochRows(d, rng)) put(app.epochs, KINDS.epochs, row);
      for (const row of measurementRows(d, rng)) put(app.measurements, KINDS.measurements, row);
      if (r % 10_000 === 9_999) console.error(`${r + 1} runs`);
    }
    for (const a of Object.values(app)) a.closeSync();
  });
}

if (import.meta.main) {
  const values = scaleFlags({ runs: "100000", epochs: "50" });
  await Deno.remove(values.db, { recursive: true }).catch(() => {});
  await Deno.remove(`${values.db}.wal`).catch(() => {});
  const t = performance.now();
  await synthesize(values.db, Number(values.runs), Number(values.epochs));
  console.log(
    `${values.db}: ${values.runs} runs x ${values.epochs} epochs in ${
      ((performance.now() - t) / 1000).toFixed(1)
    } s`,
  );
}
