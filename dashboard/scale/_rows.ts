/** The synthetic rows of synth.ts, one builder per table, in each table's column order. */
import { type DuckDBAppender, timestampValue } from "@duckdb/node-api";
import type { Rng } from "../../harness/core/rng.ts";

export type Cell = string | number | boolean | null;
/** A row by column name, the columns in table order (`results/migrations.ts`). */
export type Row = Record<string, Cell>;

/**
 * Each table's column types, in table order, one letter per column for the appender:
 * v varchar (JSON included), i integer, b bigint, d double, t timestamp (ms), o boolean.
 */
export const KINDS = {
  environments: "vvvvvibvvvvvvt",
  suites: "vvvvttvvovvivivivv",
  runs: "vvvvvvvvvvivvvttdvvvvvvvoiiddddddiibivvi",
  epochs: "viddddddv",
  measurements: "vvvid",
} as const;

/** The runs each synthetic suite holds. */
export const RUNS_PER_SUITE = 15;
/** When the first synthetic run started. */
export const T0 = Date.UTC(2025, 0, 1);

export function put(app: DuckDBAppender, kinds: string, row: Row): void {
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

export const hex = (rng: Rng, n: number) =>
  Array.from({ length: n }, () => Math.floor(rng.next() * 16).toString(16)).join("");

const suiteId = (suite: number) => `suite-${String(suite).padStart(6, "0")}`;

/** Machines of a sharded store: shard i ran on machine i mod 5. */
export const MACHINES = 5;

/** The machine a synthetic run ran on (the one machine, unless the store is sharded). */
export function environment(machine: number | null): Row {
  return {
    ...ENVIRONMENT,
    ...(machine === null ? {} : {
      env_id: `env-synthetic-${machine}`,
      hostname: `synth-host-${machine}`,
      cpu_model: `Synthetic CPU model ${machine}`,
      fingerprint: JSON.stringify({ synthetic: true, machine }),
    }),
  };
}

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

/** A suite that ran one shard of a plan (one plan per commit, split over the shard files). */
export interface ShardOf {
  index: number;
  count: number;
  plan: number;
  planRuns: number;
  keys: string[];
  envId: string;
}

export function suiteRow(
  suite: number | string,
  commit: string,
  start: number,
  shard?: ShardOf,
): Row {
  return {
    suite_id: typeof suite === "string" ? suite : suiteId(suite),
    kind: "bench",
    profile: "quick",
    argv: '["bench"]',
    started_at: start,
    finished_at: start + RUNS_PER_SUITE * 60_000,
    status: "ok",
    git_commit: commit,
    git_dirty: false,
    env_id: shard?.envId ?? "env-synthetic",
    hostname: "synth-host",
    pid: 1000 + (typeof suite === "number" ? suite : 0),
    plan_hash: shard ? `plan-${String(shard.plan).padStart(4, "0")}` : null,
    plan_runs: shard?.planRuns ?? null,
    shard_index: shard?.index ?? null,
    shard_count: shard?.count ?? null,
    shard_group: null,
    shard_keys: shard ? JSON.stringify(shard.keys) : null,
  };
}

/** What one synthetic run is: its place, its outcome and its speed. */
export interface RunDraw {
  r: number;
  runId: string;
  suite: number | string;
  envId: string;
  commit: string;
  exp: string;
  backend: string;
  status: string;
  speed: number;
  epochs: number;
}

/** The run's row; its hashes and results are drawn from `rng`, in column order. */
export function runRow(d: RunDraw, rng: Rng): Row {
  const ok = d.status === "ok";
  const start = T0 + d.r * 60_000;
  return {
    run_id: d.runId,
    suite_id: typeof d.suite === "string" ? d.suite : suiteId(d.suite),
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
    env_id: d.envId,
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
    pid: 1000 + (typeof d.suite === "number" ? d.suite : 0),
  };
}

/** The run's epochs: losses that fall and accuracies that rise, as training curves do. */
export function epochRows(d: RunDraw, rng: Rng): Row[] {
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
export function measurementRows(d: RunDraw, rng: Rng): Row[] {
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
