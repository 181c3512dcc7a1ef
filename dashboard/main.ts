/**
 * `deno task dashboard`: serve the results dashboard.
 *
 * Usage: deno run -A dashboard/main.ts [--db PATH] [--port N] [--host ADDR]
 */
import { parseArgs } from "node:util";
import { DEFAULT_DB } from "../results/mod.ts";
import { serve } from "./serve.ts";

const HELP = `Usage: deno task dashboard [--db PATH] [--port N] [--host ADDR]

Serve the results dashboard: runs, run details, comparisons, the backend matrix, history
across commits, claim verdicts, an in-browser SQL console and live progress of a running bench.
It only reads the database, and can stay open while \`deno task bench\` writes.

Options:
  --db PATH     results database (default ${DEFAULT_DB})
  --port N      port to listen on (default 8700; 0 picks a free one)
  --host ADDR   address to listen on (default 127.0.0.1, this machine only; 0.0.0.0 exposes it)
  --help        show this help`;

/** Parse flags and serve; returns an exit code for bad flags. */
export async function main(args: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        db: { type: "string", default: DEFAULT_DB },
        port: { type: "string", default: "8700" },
        host: { type: "string", default: "127.0.0.1" },
        help: { type: "boolean", default: false },
      },
    }));
  } catch (err) {
    console.error(`error: ${err instanceof Error ? err.message : err}; see --help`);
    return 1;
  }
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const port = Number(values.port);
  if (!/^\d{1,5}$/.test(values.port) || port > 65535) {
    console.error(`error: Bad --port "${values.port}": expected 0 to 65535`);
    return 1;
  }
  try {
    await Deno.stat(values.db);
  } catch {
    console.error(
      `note: no results at "${values.db}" yet; run \`deno task bench\`, then reload the page`,
    );
  }
  let served;
  try {
    served = await serve({ db: values.db, port, hostname: values.host });
  } catch (err) {
    if (err instanceof Deno.errors.AddrInUse) {
      console.error(`error: Port ${port} on ${values.host} is in use: pick another with --port`);
      return 1;
    }
    throw err;
  }
  console.log(`reprobench dashboard for ${values.db}: ${served.url}`);
  const stop = () => {
    served.shutdown().finally(() => Deno.exit(0));
  };
  Deno.addSignalListener("SIGINT", stop);
  Deno.addSignalListener("SIGTERM", stop);
  return 0;
}

if (import.meta.main) {
  const code = await main(Deno.args);
  if (code !== 0) Deno.exit(code);
}
