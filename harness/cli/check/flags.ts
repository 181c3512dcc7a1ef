/** The flags of `check` and its help text, built from the same spec. */
import { type Flag, flagLines, FLAGS, withHelp } from "../flags.ts";
import { exitHelp } from "../exit.ts";
import { PAIRED_PROCESS_PAIRS } from "../../gate/paired_rows.ts";

/** Where `--quality` keeps its runs: apart, so they never become a "latest" baseline. */
export const QUALITY_DB = "results/gate_quality.duckdb";

/** Every flag of `check`, in the order its help lists them. */
export const CHECK_FLAGS = {
  baseline: { type: "string", arg: "REF|FILE", help: "what to compare against" },
  "paired-ref": {
    type: "string",
    arg: "GITREF",
    help: "time the code at GITREF beside this tree, window by window (two\n" +
      "processes taking turns), and judge timings on the paired windows\n" +
      "instead of the baseline's stored ones (see gate/METHOD.md)",
  },
  pairs: {
    type: "string",
    default: String(PAIRED_PROCESS_PAIRS),
    arg: "N",
    help: `pairs of processes per experiment and backend (default ${PAIRED_PROCESS_PAIRS})`,
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
      "and --backend, and write the runs as a baseline file",
  },
  seeds: withHelp({ ...FLAGS.seeds, default: "3" }, "seeds of --record's bench runs (default 3)"),
  calibrate: {
    type: "boolean",
    default: false,
    help: "time the current code --repeats times (default 4) and store the\n" +
      "practical margin per machine and backend from the A/A pairs",
  },
  repeats: { type: "string", default: "4", arg: "N", help: "repeats of --calibrate (default 4)" },
  quality: {
    type: "boolean",
    default: false,
    help: "measure the gate here: --rounds (default 10) rounds of pairs of\n" +
      "processes taking turns, each round one A/A pair and one pair per\n" +
      "--slowdowns (default 0.05,0.1,0.2: the candidate adds extra work\n" +
      "of that fraction of its step time to every training step), of\n" +
      "--experiment (default keras-cnn-mnist-001) on --backend (default\n" +
      "wasm); prints false-alarm and detection rates of the paired rule\n" +
      "(--pairs process pairs per check), one pair alone, and the\n" +
      `unpaired rule, at several margins (--db default ${QUALITY_DB})`,
  },
  rounds: { type: "string", default: "10", arg: "N", help: "rounds of --quality (default 10)" },
  slowdowns: {
    type: "string",
    default: "0.05,0.1,0.2",
    arg: "LIST",
    help: "slowdowns --quality injects (default 0.05,0.1,0.2)",
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
       deno task check --quality [--rounds N] [--slowdowns LIST] [--experiment ID] [--backend B]

The regression gate. Runs the candidate (the same experiments, backends, profile and seeds
as the baseline: bench runs for accuracy and reproducibility, perf runs for timings) or
takes stored suites, compares like with like, and prints a verdict per experiment, backend
and metric: improved, unchanged, regressed, inconclusive or not comparable.

Baseline REF: a baseline file (*.json, see --export-baseline), "latest" (the newest bench
and perf suites in the database), suite ids (comma-separated, prefixes allowed), or a git
ref or tag (the newest bench and perf suites run on that commit).

Flags:
${flagLines(CHECK_FLAGS)}

${exitHelp("no regression", "a regression", true)}

Method: harness/gate/METHOD.md.
`;
