/** `merge`: many results stores (shards, machines, Parquet exports) into one. */
import { UserError } from "../core/errors.ts";
import { type MergeReport, mergeStores } from "../../results/merge/mod.ts";
import { planGaps, splitPlans } from "../../results/queries/mod.ts";
import { withDb } from "../../results/mod.ts";
import { table } from "../core/table.ts";
import { helpShown, parseFlags } from "./args.ts";
import { type Flag, flagLines, FLAGS, withHelp } from "./flags.ts";
import { EXIT, exitHelp } from "./exit.ts";

const MERGE_FLAGS = {
  json: withHelp(FLAGS.json, "print what was merged as one JSON document on stdout"),
  quiet: withHelp(FLAGS.quiet, "print only conflicts and gaps"),
  help: FLAGS.help,
} as const satisfies Record<string, Flag>;

export const MERGE_HELP = `Usage: deno task merge OUT.duckdb IN... [flags]

Merge results stores into OUT (created if absent): DuckDB files, folders (searched for
*.duckdb files and Parquet exports, recursively) and globs. Copies suites, runs, epochs,
measurements, environments, calibrations and claim verdicts. Merging is idempotent: a row OUT
already holds identically is skipped. A row OUT holds with other content (the same run id, a
different value) is a conflict: reported, never written over. Inputs are read only: each is
copied and upgraded to the newest schema first; one with a newer schema stops the merge before
anything is written. Split plans (--shard i/N) with missing shards are named.

Flags:
${flagLines(MERGE_FLAGS)}

${exitHelp("merged, no conflict", "conflicts: rows OUT holds with other content (listed)")}
`;

export async function mergeCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseFlags("deno task merge", args, MERGE_FLAGS, true);
  if (helpShown(values.help, MERGE_HELP)) return EXIT.ok;
  const [out, ...inputs] = positionals;
  if (!out || inputs.length === 0) {
    throw new UserError(
      "merge needs OUT.duckdb and at least one input; see `deno task merge --help`",
    );
  }
  if (!out.endsWith(".duckdb")) {
    throw new UserError(`OUT "${out}" must be a DuckDB file (*.duckdb), the merged store`);
  }
  const t0 = performance.now();
  const report = await mergeStores(out, inputs);
  const wallS = (performance.now() - t0) / 1000;
  const gaps = (await withDb(out, "read", (conn) => splitPlans(conn)))
    .map(planGaps).filter((g): g is string => g !== null);
  if (values.json) {
    console.log(JSON.stringify({ ...report, gaps, wallS }, null, 2));
  } else {
    printReport(report, gaps, wallS, values.quiet);
  }
  return report.conflicts > 0 ? EXIT.finding : EXIT.ok;
}

function printReport(r: MergeReport, gaps: string[], wallS: number, quiet: boolean): void {
  if (!quiet) {
    for (const i of r.inputs) {
      const added = i.counts.find((c) => c.table === "runs")?.added ?? 0;
      const conflicts = i.counts.reduce((n, c) => n + c.conflicts, 0);
      console.log(
        `${i.path} (${i.kind}): ${added} runs added${conflicts ? `, ${conflicts} conflicts` : ""}`,
      );
    }
    console.log(table(
      ["table", "added", "skipped", "conflicts"],
      r.totals.map((t) => [t.table, String(t.added), String(t.skipped), String(t.conflicts)]),
    ));
  }
  for (const i of r.inputs) {
    for (const c of i.conflicts) {
      const key = Object.entries(c.key).map(([k, v]) => `${k}=${v}`).join(" ");
      console.error(`conflict: ${i.path}: ${c.table} ${key} differs in ${c.columns.join(", ")}`);
    }
  }
  for (const g of gaps) console.error(`warning: ${g}`);
  if (!quiet) {
    console.log(
      `merged ${r.inputs.length} stores into ${r.out} in ${wallS.toFixed(1)} s${
        r.conflicts ? `; ${r.conflicts} conflicting rows kept out (exit 1)` : ""
      }`,
    );
  }
}
