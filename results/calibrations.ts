/** Timing margins calibrated from A/A runs, per machine, backend and metric. */
import { type Connection, rows } from "./db.ts";

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

/** Store a calibration (the newest per machine, backend and metric wins when read). */
export async function saveCalibration(conn: Connection, c: CalibrationRecord): Promise<void> {
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

/** The newest calibrated margin for each (env, backend), over the training-throughput metric. */
export async function latestMargins(conn: Connection): Promise<Map<string, number>> {
  const r = await rows(
    conn,
    `SELECT env_id, backend, arg_max(margin, created_at) AS margin FROM calibrations GROUP BY env_id, backend`,
  );
  return new Map(r.map((x) => [`${x.env_id}\u0000${x.backend}`, Number(x.margin)]));
}
