/**
 * The runs list's order and filter columns held in memory, for a snapshot that does not
 * change: one query loads them (newest first), then each page is a filter and a slice in
 * JavaScript plus a primary-key fetch of its rows. At 100,000 runs that is a few ms a page,
 * where sorting in SQL for every page took tens of ms.
 */
import { BACKEND_LABEL_SQL } from "../backend_label.ts";
import type { Connection } from "../db.ts";
import type { RunFilters } from "./runs.ts";

/** The filter columns of every run, newest first. */
export class RunIndex {
  private constructor(
    readonly ids: string[],
    private readonly cols: Record<
      "experiment" | "backend" | "status" | "suite" | "commit",
      string[]
    >,
  ) {}

  /** Load the index from the `runs` table. */
  static async load(conn: Connection): Promise<RunIndex> {
    const r = await conn.runAndReadAll(
      `SELECT run_id, experiment_id, ${BACKEND_LABEL_SQL} AS backend, status, suite_id,
         coalesce(git_commit, '') AS c
       FROM runs ORDER BY started_at DESC, run_id`,
    );
    // No rows give no columns at all.
    const cols = r.getColumnsJS() as string[][];
    const [ids, experiment, backend, status, suite, commit] = [0, 1, 2, 3, 4, 5].map((i) =>
      cols[i] ?? []
    );
    return new RunIndex(ids, { experiment, backend, status, suite, commit });
  }

  /** How many runs match, and the ids of one page of them. */
  page(f: RunFilters, limit: number, offset: number): { total: number; ids: string[] } {
    const tests: ((i: number) => boolean)[] = [];
    for (const k of ["experiment", "backend", "status", "suite"] as const) {
      const v = f[k];
      if (v) tests.push((i) => this.cols[k][i] === v);
    }
    if (f.commit) tests.push((i) => this.cols.commit[i].startsWith(f.commit!));
    if (tests.length === 0) {
      return { total: this.ids.length, ids: this.ids.slice(offset, offset + limit) };
    }
    const ids: string[] = [];
    let total = 0;
    for (let i = 0; i < this.ids.length; i++) {
      if (!tests.every((t) => t(i))) continue;
      if (total >= offset && total < offset + limit) ids.push(this.ids[i]);
      total++;
    }
    return { total, ids };
  }
}
