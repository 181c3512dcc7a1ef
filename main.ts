/**
 * reprobench: run the experiments printed in deep-learning articles on every TensorFlow.js
 * backend, store every result in DuckDB, check the articles' claims, gate regressions.
 *
 * Usage: deno run -A main.ts <command> [flags]; `deno run -A main.ts --help` lists commands.
 * Exit status (every command): 0 success, 1 the finding the command reports (the gate's
 * regression, `list`'s declaration errors), 2 a usage or input error (one line on stderr).
 */
import { UserError } from "./harness/core/errors.ts";
import { suggest } from "./harness/cli/args.ts";
import { type Command, EXIT, exitHelp, runCommand } from "./harness/cli/exit.ts";

/** Commands by name; each module is loaded only when its command runs. */
const COMMANDS: Record<string, { run: Command; about: string }> = {
  bench: {
    run: async (a) => (await import("./harness/cli/bench.ts")).benchCommand(a),
    about: "run the experiment suite and store every run",
  },
  list: {
    run: async (a) => (await import("./harness/cli/list.ts")).listCommand(a),
    about: "experiments, datasets and backends available here",
  },
  claims: {
    run: async (a) => (await import("./harness/cli/claims.ts")).claimsCommand(a),
    about: "check the articles' claims and print the claims board",
  },
  data: {
    run: async (a) => (await import("./harness/cli/data.ts")).dataCommand(a),
    about: "list, import or download datasets",
  },
  check: {
    run: async (a) => (await import("./harness/cli/check/mod.ts")).checkCommand(a),
    about: "the regression gate: compare with a baseline, exit 1 on regression",
  },
  dashboard: {
    run: async (a) => (await import("./harness/cli/dashboard.ts")).dashboardCommand(a),
    about: "serve the results dashboard (default http://127.0.0.1:8700)",
  },
};

const HELP = `Usage: deno run -A main.ts <command> [flags]

Commands:
${Object.entries(COMMANDS).map(([n, c]) => `  ${n.padEnd(10)} ${c.about}`).join("\n")}

Each command takes --help.

${exitHelp("success", "the finding the command reports (the gate's regression)")}`;

/** Run a command line; returns the exit code (see the module doc). */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    console.log(HELP);
    return EXIT.ok;
  }
  const command = COMMANDS[name]?.run ?? (() => {
    const near = suggest(name, Object.keys(COMMANDS));
    throw new UserError(
      `Unknown command "${name}"${near ? ` (did you mean ${near}?)` : ""}; see \`main.ts --help\``,
    );
  });
  return await runCommand(command, rest);
}

if (import.meta.main) Deno.exit(await main(Deno.args));
