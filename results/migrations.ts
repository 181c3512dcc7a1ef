/**
 * The schema, as numbered migrations. Each step is applied once, in order, inside one
 * transaction with the version bump. Never edit a released step: add a new one.
 */

/** One schema step. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: "suites, runs, epochs, measurements, environments",
    sql: `
CREATE TABLE environments (
  env_id VARCHAR PRIMARY KEY,   -- SHA-256 of the fingerprint JSON
  hostname VARCHAR, os VARCHAR, arch VARCHAR, cpu_model VARCHAR, cores INTEGER,
  memory_bytes BIGINT, deno VARCHAR, v8 VARCHAR, typescript VARCHAR, tfjs VARCHAR,
  duckdb VARCHAR, fingerprint JSON, first_seen TIMESTAMP
);
CREATE TABLE suites (
  suite_id VARCHAR PRIMARY KEY, kind VARCHAR, profile VARCHAR, argv JSON,
  started_at TIMESTAMP, finished_at TIMESTAMP, status VARCHAR,
  git_commit VARCHAR, git_dirty BOOLEAN, env_id VARCHAR, hostname VARCHAR, pid INTEGER
);
CREATE TABLE runs (
  run_id VARCHAR PRIMARY KEY, suite_id VARCHAR, experiment_id VARCHAR, experiment_title VARCHAR,
  article VARCHAR, section VARCHAR, variant_of VARCHAR, dataset VARCHAR, dataset_provenance VARCHAR,
  backend VARCHAR, seed INTEGER, profile VARCHAR,
  status VARCHAR,   -- running | ok | failed | skipped | unsupported | interrupted
  reason VARCHAR, started_at TIMESTAMP, finished_at TIMESTAMP, wall_s DOUBLE,
  env_id VARCHAR, backend_info JSON, kernels JSON,
  config JSON, config_hash VARCHAR, declaration_hash VARCHAR,
  git_commit VARCHAR, git_dirty BOOLEAN,
  train_samples INTEGER, test_samples INTEGER,
  test_loss DOUBLE, test_accuracy DOUBLE, first_epoch_s DOUBLE, steady_samples_per_s DOUBLE,
  latency_b1_ms DOUBLE, latency_large_ms DOUBLE, large_batch INTEGER,
  peak_tensors INTEGER, peak_bytes BIGINT, leaked_tensors INTEGER, weights_sha256 VARCHAR,
  hostname VARCHAR, pid INTEGER
);
CREATE INDEX runs_experiment ON runs (experiment_id, backend);
CREATE INDEX runs_suite ON runs (suite_id);
CREATE TABLE epochs (
  run_id VARCHAR, epoch INTEGER, loss DOUBLE, accuracy DOUBLE,
  val_loss DOUBLE, val_accuracy DOUBLE, wall_s DOUBLE, samples_per_s DOUBLE,
  weights_sha256 VARCHAR,
  PRIMARY KEY (run_id, epoch)
);
CREATE TABLE measurements (
  run_id VARCHAR, name VARCHAR, unit VARCHAR, idx INTEGER, value DOUBLE,
  PRIMARY KEY (run_id, name, idx)
);
`,
  },
  {
    version: 2,
    name: "claim_verdicts",
    sql: `
CREATE TABLE claim_verdicts (
  article VARCHAR, experiment_id VARCHAR, claim_id VARCHAR, metric VARCHAR, printed VARCHAR,
  kind VARCHAR,      -- at_least | at_most | approximately | qualitative
  value DOUBLE,      -- the printed value on the metric's scale (a qualitative claim's threshold)
  measured_mean DOUBLE, measured_std DOUBLE, ci_low DOUBLE, ci_high DOUBLE, n INTEGER,
  verdict VARCHAR,   -- reproduced | not_reproduced | inconclusive | not_checkable
  reason VARCHAR,
  run_ids JSON,      -- the runs the verdict rests on
  profile VARCHAR, created_at TIMESTAMP,
  backend VARCHAR,   -- one verdict per claim and backend; NULL when no backend is involved
  where_printed VARCHAR, interpretation VARCHAR
);
CREATE INDEX claim_verdicts_claim ON claim_verdicts (article, experiment_id, claim_id);
`,
  },
  {
    version: 3,
    name: "calibrations",
    sql: `
CREATE TABLE calibrations (
  env_id VARCHAR, backend VARCHAR, metric VARCHAR,
  margin DOUBLE,       -- the practical timing margin (a fraction: 0.02 is 2%)
  quantile DOUBLE,     -- the share of A/A median ratios the margin covers
  pairs INTEGER,       -- how many A/A pairs it rests on
  observed JSON,       -- each pair's |log ratio of medians|
  git_commit VARCHAR, created_at TIMESTAMP
);
`,
  },
  {
    // DuckDB writes a table's whole primary-key index at every checkpoint, and a write
    // checkpoints when it detaches the file: on a 16,086-row table, one run's write took a
    // median 28-52 ms with the key and 17-24 ms without, and the cost grew with the rows a
    // run adds (500 measurements: +8 ms with the key, +2 without). Every measurement comes
    // from one writer that gives each (run_id, name, idx) once (results/store.ts); a test
    // checks that a suite's runs hold no duplicates.
    version: 4,
    name: "measurements without a primary key",
    sql: `
CREATE TABLE measurements_v4 (
  run_id VARCHAR, name VARCHAR, unit VARCHAR, idx INTEGER, value DOUBLE
);
INSERT INTO measurements_v4 SELECT run_id, name, unit, idx, value FROM measurements;
DROP TABLE measurements;
ALTER TABLE measurements_v4 RENAME TO measurements;
`,
  },
  {
    // Runs in a browser page (issue 12) are stored like Deno's, with the runtime they ran in
    // (`deno` or `chromium`; harness/core/runtime.ts) and what the browser reported about
    // itself (name, version, user agent, isolation, wasm threads, WebGL renderer, WebGPU
    // adapter). Every run stored before ran in Deno.
    version: 5,
    name: "runs: runtime and runtime_info",
    sql: `
ALTER TABLE runs ADD COLUMN runtime VARCHAR DEFAULT 'deno';
UPDATE runs SET runtime = 'deno' WHERE runtime IS NULL;
ALTER TABLE runs ADD COLUMN runtime_info JSON;
`,
  },
  {
    // A plan split over machines (`--shard i/N`): each shard's suite records which part it
    // ran and of which plan, so a merged store shows one logical suite with its shards and
    // names the missing ones. Version 6 (5 is the browser runtime's `runtime` column); it only
    // adds columns to suites, so it applies on top of 5 or of 4 alike.
    version: 6,
    name: "suites: shard and plan",
    sql: `
ALTER TABLE suites ADD COLUMN plan_hash VARCHAR;     -- SHA-256 of the whole plan's run keys and costs
ALTER TABLE suites ADD COLUMN plan_runs INTEGER;     -- runs in the whole (unsplit) plan
ALTER TABLE suites ADD COLUMN shard_index INTEGER;   -- 1-based; NULL when the plan was not split
ALTER TABLE suites ADD COLUMN shard_count INTEGER;
ALTER TABLE suites ADD COLUMN shard_group VARCHAR;   -- the engine's id of one split (--shard-group)
ALTER TABLE suites ADD COLUMN shard_keys JSON;       -- this shard's run keys, in plan order
`,
  },
];

/** The newest schema version this code knows. */
export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;
