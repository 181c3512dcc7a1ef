/** What every mode of `check` shares: its flags, the database, and the declarations. */
import { type BackendName, BACKENDS } from "../../core/experiment.ts";
import { type Declared, discover } from "../../core/discover.ts";
import type { Progress } from "../../run/progress.ts";
import { listFlag, parseFlags } from "../args.ts";
import { progressFor } from "../progress.ts";
import { CHECK_FLAGS } from "./flags.ts";

/** Parse `check`'s command line. */
export function parseCheck(args: string[]) {
  return parseFlags("deno task check", args, CHECK_FLAGS).values;
}

/** `check`'s flags, parsed. */
export type CheckFlags = ReturnType<typeof parseCheck>;

/** One invocation of `check`. */
export interface CheckContext {
  flags: CheckFlags;
  /** The command line, stored with the suites it runs. */
  args: string[];
  db: string;
  /** `--backend`, checked; undefined when not given. */
  backends: BackendName[] | undefined;
  progress: Progress;
  /** The declarations under `--experiments`: discovered once, on first use. */
  declared(): Promise<Declared[]>;
}

/** The declarations under `dir` (default the project's), warning about any it skipped. */
export async function declarations(dir: string | undefined): Promise<Declared[]> {
  const { experiments, errors } = await discover(dir);
  for (const e of errors) console.error(`warning: skipped ${e}`);
  return experiments;
}

/** The context of an invocation with `flags` parsed from `args`. */
export function checkContext(flags: CheckFlags, args: string[]): CheckContext {
  let found: Promise<Declared[]> | null = null;
  return {
    flags,
    args,
    db: flags.db,
    backends: flags.backend ? listFlag("backend", flags.backend, BACKENDS) : undefined,
    progress: progressFor(flags.db, flags.quiet),
    declared: () => found ??= declarations(flags.experiments),
  };
}
