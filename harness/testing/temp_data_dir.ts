/** Test-only helpers: a temporary data directory and the CLI with captured output. */
import { join } from "node:path";
import { dataCommand } from "../cli/data.ts";
import { runCommand } from "../cli/exit.ts";

/** Run `fn` with REPROBENCH_DATA pointing at a fresh temporary folder. */
export async function withDataDir(fn: (tmp: string) => Promise<void>): Promise<void> {
  const tmp = await Deno.makeTempDir();
  const previous = Deno.env.get("REPROBENCH_DATA");
  Deno.env.set("REPROBENCH_DATA", join(tmp, "data"));
  try {
    await fn(tmp);
  } finally {
    if (previous === undefined) Deno.env.delete("REPROBENCH_DATA");
    else Deno.env.set("REPROBENCH_DATA", previous);
    await Deno.remove(tmp, { recursive: true });
  }
}

/** Run the CLI with its output captured. */
export async function runCli(args: string[]) {
  const out: string[] = [], err: string[] = [];
  const { log, error } = console;
  console.log = (...a: unknown[]) => out.push(a.join(" "));
  console.error = (...a: unknown[]) => err.push(a.join(" "));
  try {
    return { code: await runCommand(dataCommand, args), out: out.join("\n"), err: err.join("\n") };
  } finally {
    Object.assign(console, { log, error });
  }
}
