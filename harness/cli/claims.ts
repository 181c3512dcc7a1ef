/** `claims`: check every article's claims and print the claims board. */
import { BACKENDS, type ProfileName, PROFILES } from "../core/experiment.ts";
import { discover, select } from "../core/discover.ts";
import { UserError } from "../core/errors.ts";
import { boardJson, boardText, claimsJunit, evaluateClaims } from "../claims/mod.ts";
import { listFlag, parseFlags } from "./args.ts";
import { type Flag, flagLines, FLAGS, withHelp } from "./flags.ts";
import { exitHelp } from "./exit.ts";
import { progressFor } from "./progress.ts";

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
    "backends to judge on: cpu,wasm,webgpu (default: each experiment's own)",
  ),
  db: FLAGS.db,
  experiments: FLAGS.experiments,
  run: { type: "boolean", default: false, help: "run missing experiments first (the default)" },
  "no-run": {
    type: "boolean",
    default: false,
    help: 'only read stored runs; claims without runs are "not checkable"',
  },
  json: withHelp(FLAGS.json, "print the board as one JSON document on stdout"),
  junit: FLAGS.junit,
  quiet: FLAGS.quiet,
  verbose: FLAGS.verbose,
  version: FLAGS.version,
  help: FLAGS.help,
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
  if (values.help) {
    console.log(CLAIMS_HELP);
    return 0;
  }
  if (values.run && values["no-run"]) {
    throw new UserError("--run and --no-run contradict each other");
  }
  const profile = listFlag("profile", values.profile, PROFILES)[0] as ProfileName;
  const backends = values.backend ? listFlag("backend", values.backend, BACKENDS) : undefined;
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
  const t0 = performance.now();
  const result = await evaluateClaims({
    db,
    profile,
    declared: chosen,
    run,
    backends,
    progress: progressFor(db, values.quiet),
    argv: ["claims", ...args],
  });
  const wallS = (performance.now() - t0) / 1000;
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
