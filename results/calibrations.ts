/** Timing margins calibrated from A/A runs, per machine, backend and metric. */
import { type Connection, rows, withDb } from "./db.ts";

export interface CalibrationRecord {
  envId: string;
  backend: string;
  metric: string;
  margin: number;
  quantile: number;
  pairs: number;
  observed: number[];
  gitCommit: string | null;
}

/** What a calibrated margin is stored for: one machine (fingerprint id) and backend. */
export interface CalibrationKey {
  envId: string;
  backend: string;
}

/**
 * The newest calibrated margin per machine and backend. Its lookup key is private: callers
 * ask by {@linkcode CalibrationKey}, never build or split a key string themselves.
 *
 * @example
 * ```ts
 * const m = new CalibratedMargins([{ envId: "e1", backend: "wasm", margin: 0.04 }]);
 * m.get({ envId: "e1", backend: "wasm" }); // 0.04
 * m.get({ envId: "e1", backend: "cpu" }); // undefined
 * ```
 */
export class CalibratedMargins {
  readonly #byKey = new Map<string, number>();

  constructor(entries: (CalibrationKey & { margin: number })[] = []) {
    for (const e of entries) this.#byKey.set(CalibratedMargins.#key(e), e.margin);
  }

  static #key(k: CalibrationKey): string {
    return JSON.stringify([k.envId, k.backend]);
  }

  /** The margin stored for this machine and backend, if any. */
  get(key: CalibrationKey): number | undefined {
    return this.#byKey.get(CalibratedMargins.#key(key));
  }

  /** How many (machine, backend) pairs have a margin. */
  get size(): number {
    return this.#byKey.size;
  }
}

/** The metric of margin records (the training throughput's A/A pairs). */
export const MARGIN_METRIC = "perf_window_images_per_s";

/**
 * The metric prefix of a calibration session's per-process values, by experiment. Sessions
 * stored before c0e44a8 hold each process's median window, later ones its throughput (the
 * harmonic mean of its windows); the key stays, so older sessions still count: both spread
 * alike between processes.
 */
export const SESSION_METRIC = "process_medians:";

/** One calibration session of one experiment: the throughput of each of its processes. */
export interface CalibrationSession {
  envId: string;
  backend: string;
  experimentId: string;
  speeds: number[];
}

/**
 * Every stored calibration session (`check --calibrate`), oldest first: what the
 * stored-baseline rule reads for this machine's spread between processes and its drift
 * between sessions.
 */
export async function readSessions(path: string): Promise<CalibrationSession[]> {
  const read = async (conn: Connection) =>
    (await rows(
      conn,
      `SELECT env_id, backend, metric, observed FROM calibrations
       WHERE starts_with(metric, '${SESSION_METRIC}') ORDER BY created_at`,
    )).map((x) => ({
      envId: String(x.env_id),
      backend: String(x.backend),
      experimentId: String(x.metric).slice(SESSION_METRIC.length),
      speeds: (typeof x.observed === "string" ? JSON.parse(x.observed) : x.observed) as number[],
    }));
  return await withDb(path, "read", read).catch(() => []);
}

/** Store a calibration (the newest per machine, backend and metric wins when read). */
async function saveCalibration(conn: Connection, c: CalibrationRecord): Promise<void> {
  await conn.run(
    "INSERT INTO calibrations VALUES (?, ?, ?, ?, ?, ?, ?::JSON, ?, now()::TIMESTAMP)",
    [
      c.envId,
      c.backend,
      c.metric,
      c.margin,
      c.quantile,
      c.pairs,
      JSON.stringify(c.observed),
      c.gitCommit,
    ],
  );
}

/** Store calibrations in the database at `path` (created and migrated if need be). */
export async function storeCalibrations(path: string, records: CalibrationRecord[]): Promise<void> {
  await withDb(path, "write", async (conn) => {
    for (const c of records) await saveCalibration(conn, c);
  });
}

/** The newest calibrated margin for each (env, backend), over the training-throughput metric. */
export async function latestMargins(conn: Connection): Promise<CalibratedMargins> {
  const r = await rows(
    conn,
    `SELECT env_id, backend, arg_max(margin, created_at) AS margin FROM calibrations
     WHERE metric = '${MARGIN_METRIC}' GROUP BY env_id, backend`,
  );
  return new CalibratedMargins(
    r.map((x) => ({
      envId: String(x.env_id),
      backend: String(x.backend),
      margin: Number(x.margin),
    })),
  );
}

/**
 * {@linkcode latestMargins} of the database at `path`, read-only. A database that is missing
 * or cannot be read has no calibrations: the gate then uses its uncalibrated margin.
 */
export async function readMargins(path: string): Promise<CalibratedMargins> {
  return await withDb(path, "read", latestMargins).catch(() => new CalibratedMargins());
}
