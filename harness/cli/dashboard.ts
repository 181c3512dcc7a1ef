/**
 * `dashboard`: serve the results dashboard until Ctrl-C (or SIGTERM).
 *
 * Usage: deno run -A main.ts dashboard [--db PATH] [--port N] [--host ADDR]
 */
import { UserError } from "../core/errors.ts";
import { discover } from "../core/discover.ts";
import { declaredTolerance } from "../gate/judge_accuracy.ts";
import { serve } from "../../dashboard/mod.ts";
import { helpShown, parseFlags } from "./args.ts";
import { EVERY_COMMAND, type Flag, flagLines, FLAGS, withHelp } from "./flags.ts";
import { EXIT, exitHelp } from "./exit.ts";

/** Every flag of `dashboard`, in the order its help lists them. */
const DASHBOARD_FLAGS = {
  db: withHelp(FLAGS.db, `results database (default ${FLAGS.db.default})`),
  port: {
    type: "string",
    default: "8700",
    arg: "N",
    help: "port to listen on (default 8700; 0 picks a free one)",
  },
  host: {
    type: "string",
    default: "127.0.0.1",
    arg: "ADDR",
    help: "address to listen on (default 127.0.0.1, this machine only; 0.0.0.0 exposes it)",
  },
  experiments: withHelp(
    FLAGS.experiments,
    "folder of declarations, for the accuracy tolerances the gate's verdicts\n" +
      "use (default: the project's experiments/)",
  ),
  ...EVERY_COMMAND,
} as const satisfies Record<string, Flag>;

const DASHBOARD_HELP =
  `Usage: deno task dashboard [--db PATH] [--port N] [--host ADDR] [--experiments DIR]

Serve the results dashboard: runs, run details, comparisons, the backend matrix, history
across commits, claim verdicts, an in-browser SQL console and live progress of a running bench.
It only reads the database, and can stay open while \`deno task bench\` writes.

Flags:
${flagLines(DASHBOARD_FLAGS)}

${exitHelp("stopped with Ctrl-C")}
`;

/** The port flag as a number, or a UserError. */
function portFlag(value: string): number {
  const port = Number(value);
  if (!/^\d{1,5}$/.test(value) || port > 65535) {
    throw new UserError(`Bad --port "${value}": expected 0 to 65535`);
  }
  return port;
}

/**
 * Serve until SIGINT or SIGTERM, then shut down and return 0. `stop`, when given, replaces
 * the signals (tests stop the server with it).
 */
export async function dashboardCommand(args: string[], stop?: Promise<void>): Promise<number> {
  const { values } = parseFlags("deno task dashboard", args, DASHBOARD_FLAGS);
  if (helpShown(values.help, DASHBOARD_HELP)) return EXIT.ok;
  const port = portFlag(values.port);
  if (!await Deno.stat(values.db).then(() => true, () => false)) {
    console.error(
      `note: no results at "${values.db}" yet; run \`deno task bench\`, then reload the page`,
    );
  }
  const { experiments, errors } = await discover(values.experiments);
  for (const e of errors) console.error(`warning: skipped ${e}`);
  const served = await serve({
    db: values.db,
    port,
    hostname: values.host,
    accuracyTolerance: declaredTolerance(experiments),
  }).catch((err) => {
    if (err instanceof Deno.errors.AddrInUse) {
      throw new UserError(`Port ${port} on ${values.host} is in use: pick another with --port`);
    }
    throw err;
  });
  console.log(`reprobench dashboard for ${values.db}: ${served.url}`);
  await (stop ?? signalled());
  await served.shutdown();
  return EXIT.ok;
}

/** Resolves on the first SIGINT or SIGTERM, and stops listening for them. */
function signalled(): Promise<void> {
  const { promise, resolve } = Promise.withResolvers<void>();
  const signals = ["SIGINT", "SIGTERM"] as const;
  const handler = () => {
    for (const s of signals) Deno.removeSignalListener(s, handler);
    resolve();
  };
  for (const s of signals) Deno.addSignalListener(s, handler);
  return promise;
}
