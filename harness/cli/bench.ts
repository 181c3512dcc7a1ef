/** `bench`: run the suite and print the summary. */
import { BACKENDS, type ProfileName, PROFILES } from "../core/experiment.ts";
import { discover, select } from "../core/discover.ts";
import { runBenchSuite } from "../run/bench_suite.ts";
import { Progress } from "../run/progress.ts";
import { UserError } from "../core/errors.ts";
import { DEFAULT_DB, Store } from "../../results/mod.ts";
import { intFlag, listFlag, parseFlags } from "./args.ts";
import { summaryJson, summaryTable } from "./summary.ts";
import { perfCommand, wantsPerfSuite } from "./perf.ts";

export const BENCH_HELP = `Usage: deno task bench [flags]

Run declared experiments on every backend available here and store every run in DuckDB.

Flags:
  --suite perf           the performance suite instead (see \`--suite perf --help\`)
  --experiment ID|GLOB   experiments to run, comma-separated ids or globs (default: all)
  --backend LIST         backends to use: cpu,wasm,webgpu (default: each experiment's own)
  --profile NAME         quick (small, fast; default) or full (the article's own settings)
  --seeds N              number of seeds (the first N declared, extended if needed)
  --db PATH              DuckDB file (default: ${DEFAULT_DB})
  --experiments DIR      folder of declarations (default: the project's experiments/)
  --stock-kernels        use tfjs's kernels as shipped (no training kernels of ours)
  --replicas N           data-parallel training replicas on cpu and wasm, one per Worker
                         (default: 2 with 2+ cores, 1 with --stock-kernels; webgpu: always 1)
  --json                 print the summary as one JSON document on stdout
  --quiet                no progress lines
  --help                 this text
`;

export async function benchCommand(args: string[]): Promise<number> {
  if (wantsPerfSuite(args)) return await perfCommand(args);
  const { values } = parseFlags("deno task bench", args, {
    experiment: { type: "string" },
    backend: { type: "string" },
    profile: { type: "string", default: "quick" },
    seeds: { type: "string" },
    db: { type: "string", default: DEFAULT_DB },
    experiments: { type: "string" },
    "stock-kernels": { type: "boolean", default: false },
    replicas: { type: "string" },
    json: { type: "boolean", default: false },
    quiet: { type: "boolean", default: false },
    help: { type: "boolean", default: false },
  });
  if (values.help) {
    console.log(BENCH_HELP);
    return 0;
  }
  const profile = listFlag("profile", values.profile!, PROFILES)[0] as ProfileName;
  const backends = values.backend ? listFlag("backend", values.backend, BACKENDS) : undefined;
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
  const db = values.db!;
  const store = new Store(db);
  // Ctrl-C: the suite's recorder stores the run in progress as interrupted and exits 130.
  const result = await runBenchSuite(store, chosen, {
    profile,
    overrides: { seeds, backends },
    argv: ["bench", ...args],
    kernels: values["stock-kernels"] ? "stock" : "default",
    replicas,
    progress: new Progress(Deno.stderr.isTerminal(), `${db}.progress.jsonl`, values.quiet),
  });
  if (values.json) {
    console.log(JSON.stringify(summaryJson(result, db), null, 2));
  } else {
    console.log(summaryTable(result));
    console.log(
      `\n${result.runs.length} runs in ${
        result.wallS.toFixed(1)
      } s, stored in ${db} (suite ${result.suiteId})`,
    );
  }
  return 0;
}
