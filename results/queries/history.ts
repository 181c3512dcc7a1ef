/** One metric of one experiment and backend, across commits. */
import { BACKEND_LABEL_SQL } from "../backend_label.ts";
import { type Connection, rows } from "../db.ts";
import { placeholders } from "./_util.ts";

/** Metrics the history can follow: run column, unit, and which direction is better. */
export const HISTORY_METRICS = {
  steady_samples_per_s: { label: "Steady throughput", unit: "samples/s", better: "higher" },
  test_accuracy: { label: "Test accuracy", unit: "", better: "higher" },
  test_loss: { label: "Test loss", unit: "", better: "lower" },
  latency_b1_ms: { label: "Latency, batch 1", unit: "ms", better: "lower" },
  latency_large_ms: { label: "Latency, large batch", unit: "ms", better: "lower" },
  first_epoch_s: { label: "First epoch", unit: "s", better: "lower" },
  wall_s: { label: "Wall time", unit: "s", better: "lower" },
} as const;

export type HistoryMetric = keyof typeof HISTORY_METRICS;

/** One commit's values of the metric, from its `ok` runs. */
export interface CommitPoint {
  git_commit: string;
  first_at: string;
  n: number;
  dirty: number;
  median: number;
  min: number;
  max: number;
  /** Every run's value, oldest first (for the significance test). */
  values: number[];
  run_ids: string[];
  /** Per run, in the same order: what the gate needs to judge accuracy across commits. */
  seeds: number[];
  config_hashes: string[];
  profiles: string[];
}

/** Whether `name` is a metric the history knows (guards the column name spliced into SQL). */
function isHistoryMetric(name: string): name is HistoryMetric {
  return Object.hasOwn(HISTORY_METRICS, name);
}

/** The metric per commit, in the order commits were first measured. */
export async function metricHistory(
  conn: Connection,
  experiment: string,
  backend: string,
  metric: HistoryMetric,
): Promise<CommitPoint[]> {
  if (!isHistoryMetric(metric)) throw new RangeError(`Unknown metric "${metric}"`);
  const r = await rows(
    conn,
    `SELECT coalesce(git_commit, '(no commit)') AS git_commit, min(started_at) AS first_at,
       count(*) AS n, count_if(git_dirty) AS dirty, median(${metric}) AS median,
       min(${metric}) AS min, max(${metric}) AS max,
       list(${metric} ORDER BY started_at) AS values, list(run_id ORDER BY started_at) AS run_ids,
       list(seed ORDER BY started_at) AS seeds, list(config_hash ORDER BY started_at) AS config_hashes,
       list(profile ORDER BY started_at) AS profiles
     FROM runs
     WHERE experiment_id = ? AND ${BACKEND_LABEL_SQL} = ? AND status = 'ok' AND ${metric} IS NOT NULL
     GROUP BY ALL ORDER BY first_at`,
    [experiment, backend],
  );
  return r as unknown as CommitPoint[];
}

/** One run's repeated measurements of one name, with the commit and machine it ran on. */
export interface CommitWindows {
  git_commit: string;
  run_id: string;
  env_id: string;
  name: string;
  /** The measurement's values in index order (timing windows, latency repeats). */
  values: number[];
}

/**
 * The measurements `names` of the newest `perCommit` ok runs of each commit of one
 * experiment and backend: the windows the gate's timing rule judges commits on.
 */
export async function commitWindows(
  conn: Connection,
  experiment: string,
  backend: string,
  names: string[],
  perCommit: number,
): Promise<CommitWindows[]> {
  if (names.length === 0) return [];
  const r = await rows(
    conn,
    `WITH r AS (
       SELECT run_id, coalesce(git_commit, '(no commit)') AS git_commit, env_id,
         row_number() OVER (PARTITION BY coalesce(git_commit, '(no commit)') ORDER BY started_at DESC) AS k
       FROM runs WHERE experiment_id = ? AND ${BACKEND_LABEL_SQL} = ? AND status = 'ok')
     SELECT r.git_commit, r.run_id, r.env_id, m.name, list(m.value ORDER BY m.idx) AS values
     FROM r JOIN measurements m USING (run_id)
     WHERE r.k <= ? AND m.name IN (${placeholders(names.length)})
     GROUP BY ALL ORDER BY r.git_commit, r.run_id, m.name`,
    [experiment, backend, perCommit, ...names],
  );
  return r as unknown as CommitWindows[];
}

/** Experiment and backend pairs that have `ok` runs, for the picker. */
export async function historyChoices(
  conn: Connection,
): Promise<{ experiment_id: string; backend: string; n: number }[]> {
  return await rows(
    conn,
    `SELECT experiment_id, ${BACKEND_LABEL_SQL} AS backend, count(*) AS n FROM runs WHERE status = 'ok'
     GROUP BY ALL ORDER BY experiment_id, backend`,
  ) as unknown as { experiment_id: string; backend: string; n: number }[];
}
