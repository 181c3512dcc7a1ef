/** The flags of `check` and its help text, built from the same spec. */
import { type Flag, flagLines, FLAGS, withHelp } from "../flags.ts";
import { exitHelp } from "../exit.ts";
import { QUALITY_POOL } from "../../gate/quality/mod.ts";

/** Where `--quality` keeps its runs: apart, so they never become a "latest" baseline. */
export const QUALITY_DB = "results/gate_quality.duckdb";

/**
 * The whole check's default time budget in seconds: the default plan (4 targets, 3 seeds for
 * accuracy) must decide in 10 minutes on this project's 2-core machine; what its accuracy
 * runs leave of 570 s goes to process pairs, and a target undecided then is inconclusive.
 */
export const DEFAULT_TIME_BUDGET_S = 570;

/** Every flag of `check`, in the order its help lists them. */
export const CHECK_FLAGS = {
  baseline: { type: "string", arg: "REF|FILE", help: "what to compare against" },
  "paired-ref": {
    type: "string",
    arg: "GITREF",
    help: "pair timings against the code at GITREF (by default the CI's base\n" +
      "branch or the baseline's own commit, when reachable: see Timings)",
  },
  timing: {
    type: "string",
    default: "auto",
    arg: "MODE",
    help: "auto (default: paired when the baseline's code is reachable, else\n" +
      "stored) or stored (the candidate's processes against the baseline's)",
  },
  "time-budget": {
    type: "string",
    default: String(DEFAULT_TIME_BUDGET_S),
    arg: "S",
    help: `seconds the whole check may take (default ${DEFAULT_TIME_BUDGET_S}); paired timings\n` +
      "still undecided then are inconclusive",
  },
  candidate: { type: "string", arg: "IDS", help: "stored suites to judge instead of running now" },
  experiment: withHelp(FLAGS.experiment, "restrict to these experiments"),
  backend: withHelp(FLAGS.backend, "restrict to these backends (cpu,wasm,webgpu)"),
  db: FLAGS.db,
  experiments: FLAGS.experiments,
  json: withHelp(FLAGS.json, "print the report as JSON on stdout"),
  markdown: {
    type: "string",
    arg: "FILE",
    help: "also write the Markdown report to FILE (for a PR comment)",
  },
  junit: withHelp(
    FLAGS.junit,
    "also write the verdicts as JUnit XML to FILE: one test case per row,\n" +
      "regressed a failure, inconclusive and not comparable skipped with the reason",
  ),
  "export-baseline": {
    type: "string",
    arg: "FILE",
    help: "write stored runs (--from REF, default latest) as a baseline file",
  },
  from: { type: "string", default: "latest", arg: "REF", help: "what --export-baseline writes" },
  record: {
    type: "string",
    arg: "FILE",
    help: "run the gate's plan now (bench quick with --seeds, default 3, and\n" +
      "timing windows) on --experiment (default: the MNIST CNN and MLP)\n" +
      "and --backend (default cpu,wasm), 5 timing processes per target, and\n" +
      "write the runs as a baseline file (version 2)",
  },
  seeds: withHelp({ ...FLAGS.seeds, default: "3" }, "seeds of --record's bench runs (default 3)"),
  calibrate: {
    type: "boolean",
    default: false,
    help: "time the current code in --repeats processes (default 4) and store\n" +
      "this machine's spread per backend (a session of the stored-baseline\n" +
      "mode's calibration; 3 sessions also give its drift between sessions)\n" +
      "and the dashboard's margin per machine and backend",
  },
  repeats: { type: "string", default: "4", arg: "N", help: "repeats of --calibrate (default 4)" },
  quality: {
    type: "boolean",
    default: false,
    help: "the gate's measured quality here: false alarms and detection rates\n" +
      "with Wilson 95% intervals per mode, from a pool of process pairs\n" +
      "consumed by independent checks (add to the pool with --collect)",
  },
  collect: {
    type: "string",
    arg: "N",
    help: "with --quality: time N rounds of process pairs into the pool, each\n" +
      "round one pair per target and --slowdowns entry, resumable",
  },
  slowdowns: {
    type: "string",
    default: "0,0.02,0.05,0.1,0.2",
    arg: "LIST",
    help: "the candidate's slowdowns --collect times (0: A/A; F@K: F on average\n" +
      "as K times as much after every K-th step; repeat an entry to weigh it;\n" +
      "default 0,0.02,0.05,0.1,0.2)",
  },
  load: {
    type: "string",
    default: "quiet",
    arg: "quiet|loaded",
    help: "--collect's condition: loaded runs a bounded CPU hog beside the\n" +
      "pairs (busy 50 ms of every 100 ms), started and stopped by the command",
  },
  pool: {
    type: "string",
    default: QUALITY_POOL,
    arg: "FILE",
    help: `the pool of --quality (default ${QUALITY_POOL})`,
  },
  windows: {
    type: "string",
    arg: "N",
    help: "with --quality: score the pool as if every process had timed only\n" +
      "its first N windows (cost less the windows left out)",
  },
  quiet: FLAGS.quiet,
  verbose: FLAGS.verbose,
  version: FLAGS.version,
  help: FLAGS.help,
} as const satisfies Record<string, Flag>;

export const CHECK_HELP = `Usage: deno task check --baseline REF|FILE [flags]
       deno task check --record FILE [--experiment ID] [--backend LIST] [--seeds N]
       deno task check --export-baseline FILE [--from REF]
       deno task check --calibrate [--repeats N] [--experiment ID] [--backend LIST]
       deno task check --quality [--collect N --slowdowns LIST --load quiet|loaded] [--pool FILE]
                         [--windows N]

The regression gate. Runs the candidate (the same experiments, backends, profile and seeds
as the baseline: bench runs for accuracy and reproducibility, perf runs for timings) or
takes stored suites, compares like with like, and prints a verdict per experiment, backend
and metric: improved, unchanged, regressed, inconclusive or not comparable.

Baseline REF: a baseline file (*.json, see --record), "latest" (the newest bench and perf
suites in the database), suite ids (comma-separated, prefixes allowed), or a git ref or tag
(the newest bench and perf suites run on that commit).

Timings: paired whenever the baseline's code is reachable, from the first of --paired-ref,
the CI's base (GITHUB_BASE_REF, BUILDKITE_PULL_REQUEST_BASE_BRANCH: the merge base with
origin/BRANCH; CI_MERGE_REQUEST_DIFF_BASE_SHA; REPROBENCH_BASE_REF), or the baseline's own
commit: its code and this tree run in pairs of processes taking turns, judged after every
pair until decided. Else the stored baseline's processes (5 or more per target, as --record
writes them) against 5 fresh processes of this tree. An undecided timing is inconclusive
(exit 0, with a warning), never a failure.

Flags:
${flagLines(CHECK_FLAGS)}

${exitHelp("no regression", "a regression", true)}

Method: harness/gate/METHOD.md.
`;
