/**
 * The flags several commands share, defined once: how `parseFlags` reads each (type, default)
 * and the line its command's `--help` shows. A command spreads the ones it takes into its own
 * spec, overriding a help line where its meaning narrows (`withHelp`), and builds its help text
 * from the same spec (`flagLines`), so a flag's default and its documentation cannot drift.
 */
import { DEFAULT_DB } from "../../results/mod.ts";

/** One flag: how `parseArgs` reads it, and its line in the command's help. */
export interface Flag {
  type: "string" | "boolean";
  default?: string | boolean;
  short?: string;
  /** The value's placeholder in the help (`PATH`, `N`); none for a boolean. */
  arg?: string;
  /** What it does, as the help says it; lines after the first are indented under it. */
  help: string;
}

/** The shared flags. */
export const FLAGS = {
  experiment: {
    type: "string",
    arg: "ID|GLOB",
    help: "experiments to run, comma-separated ids or globs (default: all)",
  },
  backend: {
    type: "string",
    arg: "LIST",
    help: "backends to use: cpu,wasm,webgpu, and webgl in the browser\n" +
      "(default: each experiment's own; the browser adds webgl)",
  },
  runtime: {
    type: "string",
    default: "deno",
    arg: "LIST",
    help: "where runs execute: deno, browser (headless Chromium, stored as\n" +
      "runtime chromium), or both: deno,browser (default: deno)",
  },
  threads: {
    type: "string",
    arg: "N",
    help: "tfjs-wasm threads in the browser (default: this machine's cores; tfjs\n" +
      "uses at most half the cores a page reports, so the page is told\n" +
      "twice N where needed, and the run records it)",
  },
  "browser-timeout": {
    type: "string",
    arg: "S",
    help: "seconds each browser run may take before it is stopped and stored\n" +
      "as failed (default: 1800)",
  },
  profile: {
    type: "string",
    default: "quick",
    arg: "NAME",
    help: "quick (small, fast; default) or full (the article's own settings)",
  },
  seeds: {
    type: "string",
    arg: "N",
    help: "number of seeds (the first N declared, extended if needed)",
  },
  db: {
    type: "string",
    default: DEFAULT_DB,
    arg: "PATH",
    help: `DuckDB file (default: ${DEFAULT_DB})`,
  },
  experiments: {
    type: "string",
    arg: "DIR",
    help: "folder of declarations (default: the project's experiments/)",
  },
  "stock-kernels": {
    type: "boolean",
    default: false,
    help: "use tfjs's kernels as shipped (no training kernels of ours)",
  },
  replicas: {
    type: "string",
    arg: "N",
    help: "data-parallel training replicas on cpu and wasm, one per Worker\n" +
      "(default: 2 with 2+ cores, 1 with --stock-kernels; webgpu: always 1)",
  },
  shard: {
    type: "string",
    arg: "i/N",
    help: "run only part i of N of the plan (1-based, as Jest and Playwright);\n" +
      "N shards, run anywhere, together run the plan once (merge: deno task merge)",
  },
  "shard-group": {
    type: "string",
    arg: "ID",
    help: "name this split (e.g. the CI run), when splits of one plan meet in a store",
  },
  durations: {
    type: "string",
    arg: "PATH",
    help: "split --shard by the run times stored in this DuckDB file (every shard\n" +
      "must read the same file; default: static estimates from each model's FLOPs)",
  },
  json: {
    type: "boolean",
    default: false,
    help: "print the result as one JSON document on stdout",
  },
  junit: {
    type: "string",
    arg: "FILE",
    help: "also write the verdicts as JUnit XML to FILE, one test case each:\n" +
      "failures for regressions, skips (with the reason) for what was not judged",
  },
  quiet: { type: "boolean", default: false, help: "no progress lines" },
  verbose: {
    type: "boolean",
    default: false,
    help: "show the diagnostics libraries print (tfjs's notices), held otherwise",
  },
  version: {
    type: "boolean",
    default: false,
    help: "print the versions of reprobench, Deno, V8, TypeScript, tfjs and\n" +
      "DuckDB, and exit (with --json: as one JSON document)",
  },
  help: { type: "boolean", default: false, help: "this text" },
} as const satisfies Record<string, Flag>;

/** The flags every command takes, last in its help: diagnostics, versions, this help. */
export const EVERY_COMMAND = {
  verbose: FLAGS.verbose,
  version: FLAGS.version,
  help: FLAGS.help,
} as const satisfies Record<string, Flag>;

/** How a command that runs a plan splits it (`--shard i/N`); `shard`'s help may be narrowed. */
export const SHARD_FLAGS = {
  shard: FLAGS.shard,
  "shard-group": FLAGS["shard-group"],
  durations: FLAGS.durations,
} as const satisfies Record<string, Flag>;

/** `flag` with the help line a command gives it. */
export function withHelp<F extends Flag>(flag: F, help: string): F {
  return { ...flag, help };
}

/** Width of the flag column in help texts, after the two-space indent. */
const COLUMN = 22;

/**
 * The help lines of a flag spec, in its order.
 *
 * @example
 * ```ts
 * flagLines({ quiet: FLAGS.quiet, db: FLAGS.db });
 * // "  --quiet                no progress lines\n  --db PATH              DuckDB file (default: ...)"
 * ```
 */
export function flagLines(spec: Record<string, Flag>): string {
  return Object.entries(spec).map(([name, f]) => {
    const head = `${f.short ? `-${f.short}, ` : ""}--${name}${f.arg ? ` ${f.arg}` : ""}`;
    const [first, ...rest] = f.help.split("\n");
    return [
      `  ${head.padEnd(COLUMN)} ${first}`,
      ...rest.map((l) => `${" ".repeat(COLUMN + 3)}${l}`),
    ]
      .join("\n");
  }).join("\n");
}
