/** `bench`: run the suite and print the summary. */
import { type ProfileName, PROFILES } from "../core/experiment.ts";
import { ANY_BACKENDS } from "../core/runtime.ts";
import { discover, select } from "../core/discover.ts";
import { runBenchSuite } from "../run/bench_suite.ts";
import { UserError } from "../core/errors.ts";
import { Store } from "../../results/mod.ts";
import { helpShown, intFlag, listFlag, parseFlags } from "./args.ts";
import { printSuite, suiteLine } from "./output.ts";
import { summaryJson, summaryTable } from "./summary.ts";
import { quickProfileNote } from "../core/quick_note.ts";
import { EVERY_COMMAND, type Flag, flagLines, FLAGS, SHARD_FLAGS, withHelp } from "./flags.ts";
import { exitHelp } from "./exit.ts";
import { progressFor } from "./progress.ts";
import { perfCommand, wantsPerfSuite } from "./perf.ts";
import { shardLine, shardRequest } from "./shard.ts";
import { benchRunSeconds } from "../perf/mod.ts";
import { browserOnly, runtimeOptions } from "./runtime_flags.ts";

/** Every flag of `bench`, in the order its help lists them. */
const BENCH_FLAGS = {
  experiment: FLAGS.experiment,
  backend: FLAGS.backend,
  runtime: FLAGS.runtime,
  profile: FLAGS.profile,
  seeds: FLAGS.seeds,
  db: FLAGS.db,
  experiments: FLAGS.experiments,
  "stock-kernels": FLAGS["stock-kernels"],
  replicas: FLAGS.replicas,
  ...SHARD_FLAGS,
  threads: FLAGS.threads,
  "browser-timeout": FLAGS["browser-timeout"],
  json: withHelp(FLAGS.json, "print the summary as one JSON document on stdout"),
  quiet: FLAGS.quiet,
  ...EVERY_COMMAND,
} as const satisfies Record<string, Flag>;

const BENCH_HELP = `Usage: deno task bench [flags]

Run declared experiments on every backend available here and store every run in DuckDB.
With --runtime browser (or deno,browser) the same runs also train in a headless Chromium
page (webgl, wasm with threads, webgpu where Chromium has an adapter, cpu), stored with
runtime chromium; \`deno task list\` shows what the browser offers here.

Flags:
  --suite perf           the performance suite instead (see \`--suite perf --help\`)
${flagLines(BENCH_FLAGS)}

${exitHelp("success", undefined, true)}
`;

export async function benchCommand(args: string[]): Promise<number> {
  if (wantsPerfSuite(args)) return await perfCommand(args);
  const { values } = parseFlags("deno task bench", args, BENCH_FLAGS);
  if (helpShown(values.help, BENCH_HELP)) return 0;
  const profile = listFlag("profile", values.profile, PROFILES)[0] as ProfileName;
  const backends = values.backend ? listFlag("backend", values.backend, ANY_BACKENDS) : undefined;
  const runtime = runtimeOptions(values);
  browserOnly(backends, runtime.runtimes);
  const seeds = values.seeds ? intFlag("seeds", values.seeds) : undefined;
  const replicas = values.replicas ? intFlag("replicas", values.replicas) : undefined;
  const { experiments, errors } = await discover(values.experiments);
  for (const e of errors) console.error(`warning: skipped ${e}`);
  const chosen = select(experiments, values.experiment);
  if (chosen.length === 0) {
    throw new UserError(
      `No experiment matches "${values.experiment}" (known: ${
        experiments.map((d) => d.experiment.id).join(", ")
      })`,
    );
  }
  const db = values.db;
  const store = new Store(db);
  const shard = await shardRequest(values, benchRunSeconds);
  // Ctrl-C: the suite's recorder stores the run in progress as interrupted and exits 130.
  const result = await runBenchSuite(store, chosen, {
    profile,
    overrides: { seeds, backends },
    argv: ["bench", ...args],
    kernels: values["stock-kernels"] ? "stock" : "default",
    replicas,
    ...runtime,
    progress: progressFor(db, values.quiet),
    shard,
  });
  const note = quickProfileNote(chosen.map((d) => d.experiment), profile);
  const closing = suiteLine(result.runs.length, result.wallS, db, `suite ${result.suiteId}`) +
    (shard ? `\n${shardLine(shard, result.runs.length)}` : "");
  printSuite(
    values.json,
    () => summaryJson(result, db),
    () => summaryTable(result),
    note
      ? `${closing}
${note}`
      : closing,
  );
  return 0;
}
