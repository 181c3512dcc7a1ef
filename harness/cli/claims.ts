/** `claims`: check every article's claims and print the claims board. */
import { type ProfileName, PROFILES } from "../core/experiment.ts";
import { ANY_BACKENDS } from "../core/runtime.ts";
import { discover, select } from "../core/discover.ts";
import { UserError } from "../core/errors.ts";
import { boardJson, boardText, claimsJunit, evaluateClaims } from "../claims/mod.ts";
import { helpShown, listFlag, parseFlags } from "./args.ts";
import { EVERY_COMMAND, type Flag, flagLines, FLAGS, withHelp } from "./flags.ts";
import { exitHelp } from "./exit.ts";
import { progressFor } from "./progress.ts";
import { shardLine, shardRequest } from "./shard.ts";
import { warnSplitGaps } from "./split_gaps.ts";
import { benchRunSeconds } from "../perf/mod.ts";
import type { SuiteResult } from "../run/bench_suite.ts";
import { browserOnly, runtimeOptions } from "./runtime_flags.ts";

/** Every flag of `claims`, in the order its help lists them. */
const CLAIMS_FLAGS = {
  article: {
    type: "string",
    arg: "FILE",
    help: "only this article (file name, or its number like 002)",
  },
  experiment: withHelp(FLAGS.experiment, "only these experiments, comma-separated ids or globs"),
  profile: withHelp(
    FLAGS.profile,
    "quick (default; fewer seeds, less data, said in each verdict) or full",
  ),
  backend: withHelp(
    FLAGS.backend,
    "backends to judge on: cpu,wasm,webgpu, webgl in the browser\n" +
      "(default: each experiment's own; the browser adds webgl)",
  ),
  runtime: withHelp(
    FLAGS.runtime,
    "judge (and run) in deno, browser (Chromium) or deno,browser; each\n" +
      "runtime's backends get verdicts of their own (default: deno)",
  ),
  threads: FLAGS.threads,
  "browser-timeout": FLAGS["browser-timeout"],
  db: FLAGS.db,
  experiments: FLAGS.experiments,
  run: { type: "boolean", default: false, help: "run missing experiments first (the default)" },
  "no-run": {
    type: "boolean",
    default: false,
    help: 'only read stored runs; claims without runs are "not checkable"',
  },
  shard: withHelp(
    FLAGS.shard,
    "run only part i of N of the claims' runs, and judge nothing: judge the\n" +
      "merged store (deno task merge) with --no-run",
  ),
  "shard-group": FLAGS["shard-group"],
  durations: FLAGS.durations,
  json: withHelp(FLAGS.json, "print the board as one JSON document on stdout"),
  junit: FLAGS.junit,
  quiet: FLAGS.quiet,
  ...EVERY_COMMAND,
} as const satisfies Record<string, Flag>;

const CLAIMS_HELP = `Usage: deno task claims [flags]

Check the claims each article prints against stored runs and print the claims board, grouped
by article: claim, printed value, measured mean ± std [95% CI], verdict and the runs behind it.
Verdicts are stored in the claim_verdicts table of the database.

Runs used: for each experiment, the newest finished run of every (backend, seed) whose
declaration hash and profile match. Missing runs are run first through the suite runner
(as \`deno task bench\` would), so \`deno task claims\` alone gives a full board.

Flags:
${flagLines(CLAIMS_FLAGS)}

${exitHelp("success", undefined, true)}
`;

export async function claimsCommand(args: string[]): Promise<number> {
  const { values } = parseFlags("deno task claims", args, CLAIMS_FLAGS);
  if (helpShown(values.help, CLAIMS_HELP)) return 0;
  if (values.run && values["no-run"]) {
    throw new UserError("--run and --no-run contradict each other");
  }
  const profile = listFlag("profile", values.profile, PROFILES)[0] as ProfileName;
  const backends = values.backend ? listFlag("backend", values.backend, ANY_BACKENDS) : undefined;
  const runtime = runtimeOptions(values);
  browserOnly(backends, runtime.runtimes);
  const { experiments, errors } = await discover(values.experiments);
  for (const e of errors) console.error(`warning: skipped ${e}`);
  let chosen = select(experiments, values.experiment);
  if (values.article) {
    const a = values.article.replace(/^.*\//, "");
    chosen = chosen.filter((d) =>
      d.experiment.source.article === a || d.experiment.source.article.startsWith(`${a}_`)
    );
  }
  if (chosen.length === 0) {
    const articles = [...new Set(experiments.map((d) => d.experiment.source.article))];
    throw new UserError(
      `No experiment matches${values.article ? ` --article "${values.article}"` : ""}${
        values.experiment ? ` --experiment "${values.experiment}"` : ""
      } (articles: ${articles.sort().join(", ")})`,
    );
  }
  const db = values.db;
  const run = !values["no-run"];
  if (!run) {
    try {
      await Deno.stat(db);
    } catch {
      throw new UserError(
        `No results database at "${db}": run \`deno task claims\` without --no-run`,
      );
    }
  }
  // Ctrl-C: the recorder of the suite that fills in runs stores the run in progress as
  // interrupted and exits 130.
  const shard = await shardRequest(values, benchRunSeconds);
  if (shard && !run) throw new UserError("--shard runs part of the claims' runs: drop --no-run");
  const t0 = performance.now();
  const result = await evaluateClaims({
    shard,
    db,
    profile,
    declared: chosen,
    run,
    backends,
    ...runtime,
    progress: progressFor(db, values.quiet),
    argv: ["claims", ...args],
  });
  const wallS = (performance.now() - t0) / 1000;
  if (shard) return shardDone(shard, result.suites, db, wallS, values.json);
  // Verdicts over a merged store that lacks shards rest on fewer runs than the plan had.
  await warnSplitGaps(db, (p) => p.profile === profile);
  if (values.junit) await Deno.writeTextFile(values.junit, claimsJunit(result));
  if (values.json) {
    console.log(JSON.stringify({ ...boardJson(result, db) as object, wallS }, null, 2));
  } else {
    console.log(boardText(result));
    const ran = result.suites.reduce((n, s) => n + s.runs.length, 0);
    console.log(
      `checked in ${wallS.toFixed(1)} s${
        ran ? ` (ran ${ran} missing runs)` : ""
      }, verdicts stored in ${db}`,
    );
  }
  return 0;
}

/** What a claims shard prints: its runs, and how to get verdicts. */
function shardDone(
  shard: NonNullable<Awaited<ReturnType<typeof shardRequest>>>,
  suites: SuiteResult[],
  db: string,
  wallS: number,
  json: boolean,
): number {
  const runs = suites.flatMap((s) => s.runs);
  if (json) {
    console.log(JSON.stringify(
      {
        db,
        shard: { index: shard.index, count: shard.count, group: shard.group },
        suiteIds: suites.map((s) => s.suiteId),
        runs: runs.map((r) => ({ ...r, epochs: undefined })),
        wallS,
      },
      null,
      2,
    ));
    return 0;
  }
  const ok = runs.filter((r) => r.status === "ok").length;
  console.log(`${shardLine(shard, runs.length)}`);
  console.log(
    `ran ${runs.length} runs (${ok} ok) in ${wallS.toFixed(1)} s, stored in ${db}; no verdicts ` +
      "from a shard: merge every shard, then `deno task claims --no-run --db MERGED`",
  );
  return 0;
}
