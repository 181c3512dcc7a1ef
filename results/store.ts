/**
 * Writing results. Every write opens the file, writes in one transaction and closes it, so
 * a crash or Ctrl-C loses at most the run in progress and readers can open the file between
 * writes.
 */
import { hostname } from "node:os";
import { type Connection, inTransaction, withDb } from "./db.ts";
import type {
  EnvironmentRecord,
  EpochRecord,
  Measurement,
  RunEnd,
  RunStart,
  SuiteRecord,
} from "./types.ts";

const json = (v: unknown) => v === undefined ? null : JSON.stringify(v);
const num = (v: number | null | undefined) =>
  v === undefined || v === null || !Number.isFinite(v) ? null : v;

/** The results database at one path. Holds no connection between calls. */
export class Store {
  #queue: Promise<unknown> = Promise.resolve();
  constructor(readonly path: string) {}

  /**
   * Writes from one process go one at a time (a Ctrl-C handler may write while a run's
   * end is being written), and each opens the file only for its own duration.
   */
  #write<T>(fn: (conn: Connection) => Promise<T>): Promise<T> {
    const next = this.#queue.then(() => withDb(this.path, "write", fn));
    this.#queue = next.catch(() => {});
    return next;
  }

  /** Create the file and apply migrations now (also refuses a newer schema early). */
  async init(): Promise<void> {
    await this.#write(async () => {});
  }

  /**
   * Mark runs left `running` by processes of this host that no longer exist as
   * `interrupted`: they were killed before they could record their end.
   */
  async reapInterrupted(): Promise<number> {
    return await this.#write(async (conn) => {
      const r = await conn.runAndReadAll(
        "SELECT run_id, pid FROM runs WHERE status = 'running' AND hostname = ?",
        [hostname()],
      );
      let n = 0;
      for (const row of r.getRowObjectsJS()) {
        if (processAlive(Number(row.pid))) continue;
        await conn.run(
          "UPDATE runs SET status = 'interrupted', reason = 'the process ended before the run finished (killed or crashed)' WHERE run_id = ?",
          [String(row.run_id)],
        );
        n++;
      }
      await conn.run(
        "UPDATE suites SET status = 'interrupted' WHERE status = 'running' AND hostname = ? AND suite_id NOT IN (SELECT suite_id FROM runs WHERE status = 'running')",
        [hostname()],
      );
      return n;
    });
  }

  async saveEnvironment(env: EnvironmentRecord): Promise<void> {
    await this.#write(async (conn) => {
      await conn.run(
        `INSERT INTO environments VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::JSON, now()::TIMESTAMP)
         ON CONFLICT (env_id) DO NOTHING`,
        [
          env.envId,
          env.hostname,
          env.os,
          env.arch,
          env.cpuModel,
          env.cores,
          env.memoryBytes,
          env.deno,
          env.v8,
          env.typescript,
          env.tfjs,
          env.duckdb,
          json(env.fingerprint),
        ],
      );
    });
  }

  async startSuite(s: SuiteRecord): Promise<void> {
    await this.#write(async (conn) => {
      const shard = s.plan?.shard ?? null;
      await conn.run(
        `INSERT INTO suites (suite_id, kind, profile, argv, started_at, finished_at, status,
           git_commit, git_dirty, env_id, hostname, pid, plan_hash, plan_runs, shard_index,
           shard_count, shard_group, shard_keys)
         VALUES (?, ?, ?, ?::JSON, now()::TIMESTAMP, NULL, 'running', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
           ?::JSON)`,
        [
          s.suiteId,
          s.kind,
          s.profile,
          json(s.argv),
          s.gitCommit,
          s.gitDirty,
          s.envId,
          hostname(),
          Deno.pid,
          s.plan?.hash ?? null,
          s.plan?.runs ?? null,
          shard?.index ?? null,
          shard?.count ?? null,
          shard?.group ?? null,
          shard ? json(shard.keys) : null,
        ],
      );
    });
  }

  /** Record a suite's end; `carry` adds measurements of its runs in the same write. */
  async finishSuite(
    suiteId: string,
    status: string,
    carry: { runId: string; measurements: Measurement[] }[] = [],
  ): Promise<void> {
    await this.#write((conn) =>
      inTransaction(conn, async () => {
        for (const c of carry) await appendMeasurements(conn, c.runId, c.measurements);
        await updateSuiteEnd(conn, suiteId, status);
      })
    );
  }

  /** Record that a run has begun (status `running`), so a killed process leaves a trace. */
  async startRun(r: RunStart): Promise<void> {
    await this.#write((conn) => insertRunStart(conn, r));
  }

  /**
   * Record a run's end with its epochs and raw measurements, all in one transaction. `then`
   * adds to the same write (one open of the file instead of several): measurements of earlier
   * runs (`carry`, e.g. the duration of the write that ended them), the start of the next run,
   * and the suite's end.
   */
  async finishRun(
    runId: string,
    end: RunEnd,
    epochs: EpochRecord[] = [],
    measurements: Measurement[] = [],
    then: {
      carry?: { runId: string; measurements: Measurement[] }[];
      next?: RunStart;
      suiteEnd?: { suiteId: string; status: string };
    } = {},
  ): Promise<void> {
    await this.#write(async (conn) => {
      await inTransaction(conn, async () => {
        await updateRunEnd(conn, runId, end, epochs, measurements);
        for (const c of then.carry ?? []) await appendMeasurements(conn, c.runId, c.measurements);
        if (then.next) await insertRunStart(conn, then.next);
        if (then.suiteEnd) await updateSuiteEnd(conn, then.suiteEnd.suiteId, then.suiteEnd.status);
      });
    });
  }

  /** Add measurements to a finished run (one write). */
  async addMeasurements(runId: string, measurements: Measurement[]): Promise<void> {
    await this.#write((conn) => appendMeasurements(conn, runId, measurements));
  }
}

async function insertRunStart(conn: Connection, r: RunStart): Promise<void> {
  await conn.run(
    `INSERT INTO runs (run_id, suite_id, experiment_id, experiment_title, article, section,
       variant_of, dataset, runtime, backend, seed, profile, status, started_at, env_id, config,
       config_hash, declaration_hash, git_commit, git_dirty, hostname, pid)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'running', now()::TIMESTAMP, ?, ?::JSON, ?, ?, ?, ?, ?, ?)`,
    [
      r.runId,
      r.suiteId,
      r.experimentId,
      r.experimentTitle,
      r.article,
      r.section,
      r.variantOf,
      r.dataset,
      r.runtime ?? "deno",
      r.backend,
      r.seed,
      r.profile,
      r.envId,
      json(r.config),
      r.configHash,
      r.declarationHash,
      r.gitCommit,
      r.gitDirty,
      hostname(),
      Deno.pid,
    ],
  );
}

async function updateRunEnd(
  conn: Connection,
  runId: string,
  end: RunEnd,
  epochs: EpochRecord[],
  measurements: Measurement[],
): Promise<void> {
  await conn.run(
    `UPDATE runs SET status = ?, reason = ?, finished_at = now()::TIMESTAMP, wall_s = ?,
       dataset_provenance = ?, backend_info = ?::JSON, runtime_info = ?::JSON, kernels = ?::JSON,
       train_samples = ?, test_samples = ?, test_loss = ?, test_accuracy = ?,
       first_epoch_s = ?, steady_samples_per_s = ?, latency_b1_ms = ?, latency_large_ms = ?,
       large_batch = ?, peak_tensors = ?, peak_bytes = ?, leaked_tensors = ?, weights_sha256 = ?
     WHERE run_id = ?`,
    [
      end.status,
      end.reason ?? null,
      num(end.wallS),
      end.datasetProvenance ?? null,
      json(end.backendInfo),
      json(end.runtimeInfo),
      json(end.kernels ?? []),
      num(end.trainSamples),
      num(end.testSamples),
      num(end.testLoss),
      num(end.testAccuracy),
      num(end.firstEpochS),
      num(end.steadySamplesPerS),
      num(end.latencyB1Ms),
      num(end.latencyLargeMs),
      num(end.largeBatch),
      num(end.peakTensors),
      num(end.peakBytes),
      num(end.leakedTensors),
      end.weightsSha256 ?? null,
      runId,
    ],
  );
  for (const e of epochs) {
    await conn.run("INSERT INTO epochs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", [
      runId,
      e.epoch,
      num(e.loss),
      num(e.accuracy),
      num(e.valLoss),
      num(e.valAccuracy),
      num(e.wallS),
      num(e.samplesPerS),
      e.weightsSha256,
    ]);
  }
  await appendMeasurements(conn, runId, measurements);
}

async function appendMeasurements(
  conn: Connection,
  runId: string,
  measurements: Measurement[],
): Promise<void> {
  if (measurements.length === 0) return;
  const appender = await conn.createAppender("measurements");
  for (const m of measurements) {
    appender.appendVarchar(runId);
    appender.appendVarchar(m.name);
    appender.appendVarchar(m.unit);
    appender.appendInteger(m.idx);
    appender.appendDouble(m.value);
    appender.endRow();
  }
  appender.closeSync();
}

async function updateSuiteEnd(conn: Connection, suiteId: string, status: string): Promise<void> {
  await conn.run(
    "UPDATE suites SET status = ?, finished_at = now()::TIMESTAMP WHERE suite_id = ?",
    [status, suiteId],
  );
}

function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    Deno.statSync(`/proc/${pid}`);
    return true;
  } catch {
    return false;
  }
}
