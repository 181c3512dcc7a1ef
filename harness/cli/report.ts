/** `report`: the dashboard as a static site, for GitHub Pages or any file server. */
import { writeReport } from "../../dashboard/report/mod.ts";
import { UserError } from "../core/errors.ts";
import { helpShown, intFlag, parseFlags } from "./args.ts";
import { type Flag, flagLines, FLAGS } from "./flags.ts";
import { EXIT, exitHelp } from "./exit.ts";

const REPORT_FLAGS = {
  out: { type: "string", arg: "DIR", help: "the folder to write the site into (required)" },
  db: FLAGS.db,
  "run-pages": {
    type: "string",
    arg: "N",
    help: "run pages to pre-render at most, nearest the start first (default 300)",
  },
  "max-pages": {
    type: "string",
    arg: "N",
    help: "other pages at most: lists, compare, history variants (default 400)",
  },
  quiet: FLAGS.quiet,
  help: FLAGS.help,
} as const satisfies Record<string, Flag>;

export const REPORT_HELP = `Usage: deno task report --out DIR [flags]

Write the dashboard as a static site into DIR: its pages pre-rendered (runs, split suites,
backends, backends by machine, history, claims, and the run pages they link to, within the
limits below), charts, and the results as Parquet (DIR/data/, layout in
results/export/README.md) with an SQL console over them (DuckDB's WebAssembly build, loaded by
the page in the reader's browser; nothing server-side). Serve DIR with any
static file server; links to pages beyond the limits lead to a page that says so.

Flags:
${flagLines(REPORT_FLAGS)}

${exitHelp()}
`;

export async function reportCommand(args: string[]): Promise<number> {
  const { values } = parseFlags("deno task report", args, REPORT_FLAGS);
  if (helpShown(values.help, REPORT_HELP)) return EXIT.ok;
  if (!values.out) throw new UserError("--out DIR is required: the folder to write the site into");
  const t0 = performance.now();
  const r = await writeReport({
    db: values.db,
    out: values.out,
    budget: {
      ...(values["run-pages"] ? { runs: intFlag("run-pages", values["run-pages"]) } : {}),
      ...(values["max-pages"] ? { pages: intFlag("max-pages", values["max-pages"]) } : {}),
    },
  });
  if (!values.quiet) {
    console.log(
      `report: ${r.pages} pages (${r.runPages} run pages), ${r.parquetRows} rows as Parquet, ${
        (r.assetBytes / 2 ** 20).toFixed(0)
      } MiB of scripts and wasm, in ${values.out} (${
        ((performance.now() - t0) / 1000).toFixed(1)
      } s); serve it with any static file server`,
    );
  }
  return EXIT.ok;
}
