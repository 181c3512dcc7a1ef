/**
 * reprobench: run the experiments printed in deep-learning articles on every TensorFlow.js
 * backend, store every result in DuckDB, check the articles' claims, gate regressions.
 *
 * Usage: deno run -A main.ts <command> [flags]; `deno run -A main.ts --help` lists commands.
 */
import { UserError } from "./harness/core/errors.ts";
import { benchCommand } from "./harness/cli/bench.ts";
import { listCommand } from "./harness/cli/list.ts";
import { claimsCommand } from "./harness/cli/claims.ts";
import { suggest } from "./harness/cli/args.ts";
import { dataCommand } from "./harness/cli/data.ts";
import { checkCommand } from "./harness/cli/check.ts";

const COMMANDS: Record<string, { run: (args: string[]) => Promise<number>; about: string }> = {
  bench: { run: benchCommand, about: "run the experiment suite and store every run" },
  list: { run: listCommand, about: "experiments, datasets and backends available here" },
  claims: { run: claimsCommand, about: "check the articles' claims and print the claims board" },
  data: { run: dataCommand, about: "list, import or download datasets" },
  check: {
    run: checkCommand,
    about: "the regression gate: compare with a baseline, exit 1 on regression",
  },
};

const HELP = `Usage: deno run -A main.ts <command> [flags]

Commands:
${Object.entries(COMMANDS).map(([n, c]) => `  ${n.padEnd(10)} ${c.about}`).join("\n")}

Each command takes --help.`;

/** Run a command line; returns the exit code (1 for a user error, printed as one line). */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    console.log(HELP);
    return 0;
  }
  const command = COMMANDS[name];
  try {
    if (!command) {
      const near = suggest(name, Object.keys(COMMANDS));
      throw new UserError(
        `Unknown command "${name}"${
          near ? ` (did you mean ${near}?)` : ""
        }; see \`main.ts --help\``,
      );
    }
    return await command.run(rest);
  } catch (err) {
    if (err instanceof UserError) {
      console.error(`error: ${err.message}`);
      return 1;
    }
    throw err;
  }
}

if (import.meta.main) Deno.exit(await main(Deno.args));
