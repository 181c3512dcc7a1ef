/** `bench --suite perf`: the performance suite, its table and `--json`. */
import { type ProfileName, PROFILES } from "../core/experiment.ts";
import { discover, select } from "../core/discover.ts";
import { UserError } from "../core/errors.ts";
import { Store } from "../../results/mod.ts";
import {
  defaultSelection,
  parseSlowdown,
  PERF_BACKENDS,
  perfJson,
  perfRunSeconds,
  perfTable,
  PROTOCOLS,
  runPerfSuite,
  Turns,
  TURNS_ENV,
} from "../perf/mod.ts";
import { helpShown, intFlag, listFlag, parseFlags } from "./args.ts";
import { EVERY_COMMAND, type Flag, flagLines, FLAGS, SHARD_FLAGS, withHelp } from "./flags.ts";
import { exitHelp } from "./exit.ts";
import { progressFor } from "./progress.ts";
import { shardLine, shardRequest } from "./shard.ts";
import { browserOnly, runtimeOptions } from "./runtime_flags.ts";
import { GATE_PROTOCOL, PAIRED_PROTOCOL } from "../gate/timing/mod.ts";
import { printSuite, suiteLine } from "./output.ts";

/** Every flag of `bench --suite perf`, in the order its help lists them. */
const PERF_FLAGS = {
  suite: { type: "string", default: "perf", arg: "perf", help: "the performance suite" },
  experiment: withHelp(
    FLAGS.experiment,
    "training experiments, comma-separated ids or globs\n" +
      "(default: every training experiment whose dataset is here\n" +
      "and whose FLOPs can be counted: conv2d, pooling, dense)",
  ),
  backend: withHelp(
    FLAGS.backend,
    "cpu,wasm,webgpu,pytorch-cpu, and webgl in the browser (default: all)",
  ),
  runtime: FLAGS.runtime,
  profile: {
    type: "string",
    arg: "NAME",
    help: "quick (a few minutes; default) or full (longer windows, more of them)",
  },
  quick: { type: "boolean", default: false, help: "same as --profile quick" },
  db: FLAGS.db,
  experiments: FLAGS.experiments,
  "stock-kernels": withHelp(
    FLAGS["stock-kernels"],
    "tfjs's kernels as shipped; each run times only a few steps",
  ),
  replicas: FLAGS.replicas,
  threads: FLAGS.threads,
  "browser-timeout": FLAGS["browser-timeout"],
  "gate-protocol": {
    type: "boolean",
    default: false,
    help: "time as the regression gate does (15 windows of ~0.25 s; quick data)",
  },
  "paired-protocol": {
    type: "boolean",
    default: false,
    help: "time as each process of the gate's paired timing does (the same)",
  },
  ...SHARD_FLAGS,
  "injected-slowdown": {
    type: "string",
    arg: "F",
    help: "add F (0 to 1) of each timed step's time as extra work (F@K: K times\n" +
      "as much after every K-th step), recorded in the run's config (passed by\n" +
      "`deno task check --quality` only)",
  },
  json: withHelp(FLAGS.json, "print the rows as one JSON document on stdout"),
  quiet: FLAGS.quiet,
  ...EVERY_COMMAND,
} as const satisfies Record<string, Flag>;

const PERF_HELP = `Usage: deno task bench --suite perf [flags]

Measure training throughput (images/s over timed windows after warm-up), warm-up cost,
inference latency, achieved GFLOP/s and the fraction of this machine's matmul peak, for each
training experiment on every backend and on a PyTorch reference (pytorch-cpu). Each
measurement is stored as a run of a suite of kind "perf". With --runtime deno,browser the
tfjs rows are measured in Deno and in a headless Chromium page side by side, by the same
protocol (rows such as "chromium wasm (2 threads)" and "chromium webgl (SwiftShader)").

Flags:
${flagLines(PERF_FLAGS)}

Environment: REPROBENCH_PYTHON names the Python with torch (default /usr/bin/python3).
REPROBENCH_TURNS=1 (set by the gate's paired timing only) makes the run take turns with
another process over stdin and stderr (see harness/perf/turns.ts).

${exitHelp("success", undefined, true)}
`;

/** Whether a bench command line asks for the perf suite (`--suite perf` / `--suite=perf`). */
export function wantsPerfSuite(args: string[]): boolean {
  return args.some((a) => a === "--suite" || a.startsWith("--suite="));
}

export async function perfCommand(args: string[]): Promise<number> {
  const { values } = parseFlags("deno task bench --suite perf", args, PERF_FLAGS);
  if (helpShown(values.help, PERF_HELP)) return 0;
  if (values.suite !== "perf") {
    throw new UserError(`--suite "${values.suite}" is not a suite (known: perf)`);
  }
  if (values.quick && values.profile && values.profile !== "quick") {
    throw new UserError(`--quick contradicts --profile "${values.profile}"`);
  }
  const profile = listFlag("profile", values.profile ?? "quick", PROFILES)[0] as ProfileName;
  const backends = values.backend ? listFlag("backend", values.backend, PERF_BACKENDS) : undefined;
  const runtime = runtimeOptions(values);
  browserOnly(backends, runtime.runtimes);
  const { experiments, errors } = await discover(values.experiments);
  for (const e of errors) console.error(`warning: skipped ${e}`);
  const training = experiments.filter((d) => d.experiment.kind === "train");
  let chosen = select(training, values.experiment);
  if (!values.experiment) {
    const selection = await defaultSelection(chosen);
    for (const { id, why } of selection.leftOut) {
      if (!values.quiet) console.error(`perf: leaving out ${id}: ${why}`);
    }
    chosen = selection.chosen;
  }
  if (chosen.length === 0) {
    throw new UserError(
      `No training experiment matches "${values.experiment ?? "*"}" (known: ${
        training.map((d) => d.experiment.id).join(", ")
      })`,
    );
  }
  const db = values.db;
  // Turn-taking is switched on by the environment, read here once: the gate's paired timing
  // drives a baseline ref's own code, which may predate any flag, and that code reads
  // REPROBENCH_TURNS=1 itself, so the driver keeps speaking that wire protocol to every child.
  const turns = Deno.env.get(TURNS_ENV) === "1" ? new Turns() : null;
  const protocol = values["paired-protocol"]
    ? PAIRED_PROTOCOL
    : values["gate-protocol"]
    ? GATE_PROTOCOL
    : undefined;
  const timed = perfRunSeconds(protocol ?? PROTOCOLS[profile]);
  const shard = await shardRequest(values, () => timed);
  // Ctrl-C: the suite's recorder stores the run in progress as interrupted and exits 130.
  const result = await runPerfSuite(new Store(db), chosen, {
    profile,
    backends,
    stock: values["stock-kernels"]!,
    replicas: values.replicas ? intFlag("replicas", values.replicas) : undefined,
    protocol,
    shard,
    slowdown: parseSlowdown(values["injected-slowdown"]),
    turns,
    ...runtime,
    argv: ["bench", ...args],
    progress: progressFor(db, values.quiet),
  });
  const closing = suiteLine(result.rows.length, result.wallS, db, `perf suite ${result.suiteId}`) +
    (shard ? `\n${shardLine(shard, result.rows.length)}` : "");
  printSuite(values.json!, () => perfJson(result, db), () => perfTable(result), closing);
  return 0;
}
