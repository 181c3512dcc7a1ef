/**
 * Stored run durations, for splitting a plan by what its runs took before (`--durations`):
 * the median wall time of the finished runs of each (experiment, declaration hash, backend
 * label (runtime and backend), profile, seed).
 */
import { rows, withDb } from "./db.ts";
import { BACKEND_LABEL_SQL } from "./backend_label.ts";

/** The key of a duration: the runs it was measured on did the same work. */
export function durationKey(
  r: {
    experimentId: string;
    declarationHash: string;
    backend: string;
    profile: string;
    seed: number;
  },
): string {
  return [r.experimentId, r.declarationHash, r.backend, r.profile, r.seed].join("\u0000");
}

/**
 * Median seconds per key over runs that finished `ok`, read from the database at `path`.
 * Read-only; throws a `UserError` when there is no such file.
 *
 * @example
 * ```ts
 * const durations = await storedDurations("results/reprobench.duckdb");
 * durations.get(durationKey({ experimentId, declarationHash, backend, profile, seed }));
 * ```
 */
export async function storedDurations(path: string): Promise<Map<string, number>> {
  const found = await withDb(path, "read", (conn) =>
    rows(
      conn,
      `SELECT experiment_id, declaration_hash, ${BACKEND_LABEL_SQL} AS backend, profile, seed,
         median(wall_s) AS s
       FROM runs WHERE status = 'ok' AND wall_s IS NOT NULL
       GROUP BY ALL ORDER BY ALL`,
    ));
  return new Map(found.map((r) => [
    durationKey({
      experimentId: String(r.experiment_id),
      declarationHash: String(r.declaration_hash),
      backend: String(r.backend),
      profile: String(r.profile),
      seed: Number(r.seed),
    }),
    Number(r.s),
  ]));
}
