/** `export`: the results tables as files other tools read (Parquet, CSV, JSON lines). */
import {
  EXPORT_FORMATS,
  EXPORTED_TABLES,
  type ExportFormat,
  exportTables,
} from "../../results/export/mod.ts";
import { withDb } from "../../results/mod.ts";
import { table } from "../core/table.ts";
import { helpShown, listFlag, parseFlags } from "./args.ts";
import { EVERY_COMMAND, type Flag, flagLines, FLAGS, withHelp } from "./flags.ts";
import { exitHelp } from "./exit.ts";

/** Where an export goes when `--out` is not given, relative to the working directory. */
export const DEFAULT_EXPORT_DIR = "export";

/** Every flag of `export`, in the order its help lists them. */
const EXPORT_FLAGS = {
  format: {
    type: "string",
    default: "parquet",
    arg: "FORMAT",
    help: "parquet (default), csv (with a header row) or json (one object per line)",
  },
  out: {
    type: "string",
    default: DEFAULT_EXPORT_DIR,
    arg: "DIR",
    help: `folder to write into (default: ${DEFAULT_EXPORT_DIR}/), created if missing`,
  },
  db: FLAGS.db,
  table: {
    type: "string",
    arg: "LIST",
    help: `tables, comma-separated (default: all): ${EXPORTED_TABLES.join(", ")}`,
  },
  json: withHelp(FLAGS.json, "print the manifest as one JSON document on stdout"),
  ...EVERY_COMMAND,
} as const satisfies Record<string, Flag>;

const EXPORT_HELP =
  `Usage: deno task export [--format parquet|csv|json] [--out DIR] [--db PATH] [--table LIST]

Write the results tables to DIR, one file per table named <table>.parquet, .csv or .jsonl,
with every row and column, and manifest.json beside them: the format, the results schema
version the columns follow, each file's row count and column types (schema:
schemas/export-manifest.schema.json). A Parquet export is what \`deno task merge\` reads.
The database is only read.

Flags:
${flagLines(EXPORT_FLAGS)}

${exitHelp()}
`;

export async function exportCommand(args: string[]): Promise<number> {
  const { values } = parseFlags("deno task export", args, EXPORT_FLAGS);
  if (helpShown(values.help, EXPORT_HELP)) return 0;
  const format = listFlag("format", values.format, Object.keys(EXPORT_FORMATS))[0] as ExportFormat;
  const tables = values.table ? listFlag("table", values.table, EXPORTED_TABLES) : undefined;
  const manifest = await withDb(
    values.db,
    "read",
    (conn) => exportTables(conn, values.out, { format, tables }),
  );
  if (values.json) {
    console.log(JSON.stringify(manifest, null, 2));
    return 0;
  }
  const written = Object.entries(manifest.tables);
  console.log(table(
    ["table", "file", "rows"],
    written.map(([name, t]) => [name, t!.file, String(t!.rows)]),
  ));
  console.log(
    `\n${written.length} tables from ${values.db} (schema ${manifest.schemaVersion}) written ` +
      `to ${values.out}/ as ${format}, with manifest.json`,
  );
  return 0;
}
