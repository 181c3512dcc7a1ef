/**
 * reprobench: run the experiments printed in deep-learning articles on every TensorFlow.js
 * backend, store every result in DuckDB, check the articles' claims, gate regressions.
 *
 * Usage: deno run -A main.ts <command> [flags]; `deno run -A main.ts --help` lists commands.
 * Exit status (every command): 0 success, 1 the finding the command reports (the gate's
 * regression, `list`'s declaration errors), 2 a usage or input error (one line on stderr),
 * 130 interrupted by Ctrl-C (commands that run suites).
 */
import { UserError } from "./harness/core/errors.ts";
import { heldNote, isVerbose, setVerbose } from "./harness/core/diagnostics.ts";
import { suggest } from "./harness/cli/args.ts";
import { type Command, EXIT, exitHelp, runCommand } from "./harness/cli/exit.ts";

/** Each command's function, by name: its module is loaded only when the command runs. */
const LOADERS: Record<string, () => Promise<Command>> = {
  bench: async () => (await import("./harness/cli/bench.ts")).benchCommand,
  list: async () => (await import("./harness/cli/list.ts")).listCommand,
  claims: async () => (await import("./harness/cli/claims.ts")).claimsCommand,
  data: async () => (await import("./harness/cli/data.ts")).dataCommand,
  check: async () => (await import("./harness/cli/check/mod.ts")).checkCommand,
  merge: async () => (await import("./harness/cli/merge.ts")).mergeCommand,
  report: async () => (await import("./harness/cli/report.ts")).reportCommand,
  dashboard: async () => (await import("./harness/cli/dashboard.ts")).dashboardCommand,
  export: async () => (await import("./harness/cli/export.ts")).exportCommand,
};

/** What each command does, for the help. */
const ABOUT: Record<keyof typeof LOADERS, string> = {
  bench: "run the experiment suite and store every run",
  list: "experiments, datasets and backends available here",
  claims: "check the articles' claims and print the claims board",
  data: "list, import or download datasets",
  check: "the regression gate: compare with a baseline, exit 1 on regression",
  merge: "merge results stores (shards, machines, Parquet exports) into one",
  report: "write the dashboard as a static site (GitHub Pages, any file server)",
  dashboard: "serve the results dashboard (default http://127.0.0.1:8700)",
  export: "write the results tables as Parquet, CSV or JSON files",
};

const HELP = `Usage: deno run -A main.ts <command> [flags]

Commands:
${Object.entries(ABOUT).map(([n, about]) => `  ${n.padEnd(10)} ${about}`).join("\n")}

Every command takes --help, --verbose (show the diagnostics libraries print, held
otherwise) and --version (this reprobench, Deno, V8, TypeScript, tfjs and DuckDB; with
--json as one JSON document).

${exitHelp("success", "the finding the command reports (the gate's regression)")}`;

/** Run a command line; returns the exit code (see the module doc). */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    console.log(HELP);
    return EXIT.ok;
  }
  if (argv.includes("--version")) {
    const { printVersion } = await import("./harness/cli/version.ts");
    return await printVersion(argv.includes("--json"));
  }
  // Set before the command's modules load, so tfjs, the Workers and the child processes it
  // starts all see it (harness/core/diagnostics.ts).
  if (rest.includes("--verbose")) setVerbose(true);
  const load = LOADERS[name];
  const command: Command = load ? async (a) => (await load())(a) : () => {
    const near = suggest(name, Object.keys(LOADERS));
    throw new UserError(
      `Unknown command "${name}"${near ? ` (did you mean ${near}?)` : ""}; see \`main.ts --help\``,
    );
  };
  const code = await runCommand(command, rest);
  const held = isVerbose() ? null : heldNote();
  if (held) console.error(`note: ${held}`);
  return code;
}

if (import.meta.main) Deno.exit(await main(Deno.args));
