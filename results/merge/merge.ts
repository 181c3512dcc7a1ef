/** `mergeStores`: many results stores into one, idempotently, conflicts reported. */
import { withDb } from "../db.ts";
import { type Conflict, copyInput, type TableCount } from "./copy.ts";
import { type MergeInput, mergeInputs } from "./inputs.ts";
import { prepareInput } from "./prepare.ts";

/** What merging one input did. */
export interface InputReport extends MergeInput {
  counts: TableCount[];
  conflicts: Conflict[];
}

/** What a merge did, input by input. */
export interface MergeReport {
  out: string;
  inputs: InputReport[];
  /** Per table, summed over the inputs. */
  totals: TableCount[];
  /** How many rows conflicted, over every table and input. */
  conflicts: number;
}

/**
 * Merge the stores `args` names (files, folders, globs; DuckDB files or Parquet exports) into
 * the DuckDB file `out` (created if absent). Every input is first copied and upgraded to the
 * newest schema in a temporary folder, so an input with a newer schema stops the merge before
 * anything is written, and inputs are never changed. Then each input is merged in one
 * transaction.
 *
 * @example
 * ```ts
 * const report = await mergeStores("merged.duckdb", ["shards/"]);
 * if (report.conflicts > 0) console.error("conflicts");
 * ```
 */
export async function mergeStores(out: string, args: string[]): Promise<MergeReport> {
  const inputs = await mergeInputs(args, out);
  const tmp = await Deno.makeTempDir({ prefix: "reprobench-merge-" });
  try {
    const copies: string[] = [];
    for (const [i, input] of inputs.entries()) copies.push(await prepareInput(input, tmp, i));
    const reports: InputReport[] = [];
    await withDb(out, "write", async (conn) => {
      // Each input commits on its own, but checkpoints wait for the end: a checkpoint rewrites
      // the epochs table's whole key index, so one per input made 50 inputs cost quadratically.
      await conn.run("SET wal_autocheckpoint = '64GB'");
      for (const [i, input] of inputs.entries()) {
        const alias = `merge_input_${i}`;
        await conn.run(`ATTACH '${copies[i].replaceAll("'", "''")}' AS ${alias} (READ_ONLY)`);
        try {
          reports.push({ ...input, ...await copyInput(conn, alias) });
        } finally {
          await conn.run(`DETACH ${alias}`);
        }
      }
      await conn.run("RESET wal_autocheckpoint");
    });
    return summarize(out, reports);
  } finally {
    await Deno.remove(tmp, { recursive: true }).catch(() => {});
  }
}

function summarize(out: string, inputs: InputReport[]): MergeReport {
  const totals = new Map<string, TableCount>();
  for (const c of inputs.flatMap((i) => i.counts)) {
    const t = totals.get(c.table) ?? { table: c.table, added: 0, skipped: 0, conflicts: 0 };
    t.added += c.added;
    t.skipped += c.skipped;
    t.conflicts += c.conflicts;
    totals.set(c.table, t);
  }
  const all = [...totals.values()];
  return { out, inputs, totals: all, conflicts: all.reduce((n, t) => n + t.conflicts, 0) };
}
