/**
 * `check`: the regression gate. Compares a candidate (run now, or stored suites) with a
 * baseline (a committed baseline file, a suite, a git ref) and exits 1 on any regression.
 * Exit codes: 0 no regression, 1 regression, 2 usage error.
 */
import { type BackendName, BACKENDS } from "../experiment.ts";
import { discover, idMatcher, select } from "../discover.ts";
import { Progress } from "../progress.ts";
import { UserError } from "../errors.ts";
import { gitState } from "../provenance.ts";
import { DEFAULT_DB, Store, withDb } from "../../results/mod.ts";
import { loadRuns } from "../../results/runs.ts";
import { latestMargins, saveCalibration } from "../../results/calibrations.ts";
import { runPerfSuite } from "../perf/mod.ts";
import { compareRuns } from "../gate/compare.ts";
import { planFromBaseline, runPlan } from "../gate/candidate.ts";
import { resolveRuns } from "../gate/sources.ts";
import { baselineJson } from "../gate/baseline_file.ts";
import { gateOutcome, jsonReport, markdownReport } from "../gate/report.ts";
import { calibrate } from "../gate/calibrate.ts";
import { GATE_PROTOCOL } from "../gate/protocol.ts";
import { intFlag, listFlag, parseFlags } from "./args.ts";
import { fmt, table } from "./table.ts";

export const CHECK_HELP = `Usage: deno task check --baseline REF|FILE [flags]
       deno task check --record FILE [--experiment ID] [--backend LIST] [--seeds N]
       deno task check --export-baseline FILE [--from REF]
       deno task check --calibrate [--repeats N] [--experiment ID] [--backend LIST]

The regression gate. Runs the candidate (the same experiments, backends, profile and seeds
as the baseline: bench runs for accuracy and reproducibility, perf runs for timings) or
takes stored suites, compares like with like, and prints a verdict per experiment, backend
and metric: improved, unchanged, regressed, inconclusive or not comparable.

Baseline REF: a baseline file (*.json, see --export-baseline), "latest" (the newest bench
and perf suites in the database), suite ids (comma-separated, prefixes allowed), or a git
ref or tag (the newest bench and perf suites run on that commit).

Flags:
  --baseline REF|FILE    what to compare against
  --candidate IDS        stored suites to judge instead of running now
  --experiment ID|GLOB   restrict to these experiments
  --backend LIST         restrict to these backends (cpu,wasm,webgpu)
  --db PATH              DuckDB file (default: ${DEFAULT_DB})
  --experiments DIR      folder of declarations (default: the project's experiments/)
  --json                 print the report as JSON on stdout
  --markdown FILE        also write the Markdown report to FILE (for a PR comment)
  --export-baseline FILE write stored runs (--from REF, default latest) as a baseline file
  --record FILE          run the gate's plan now (bench quick with --seeds, default 3, and
                         timing windows) on --experiment (default: the MNIST CNN and MLP)
                         and --backend, and write the runs as a baseline file
  --calibrate            time the current code --repeats times (default 4) and store the
                         practical margin per machine and backend from the A/A pairs
  --quiet                no progress lines
  --help                 this text

Exit status: 0 no regression, 1 a regression, 2 a usage error.
Method: harness/stats/METHOD.md.
`;

/**
 * The timing margin where no calibration is stored. The statistics' own default (1%, see
 * stats/METHOD.md) fits noise between windows of one process; baseline and candidate run
 * in different processes, and A/A runs on this project's 2-core machine moved 8.6% (cpu)
 * to 36% (wasm) between processes, so an uncalibrated gate uses a wide margin rather than
 * fail unchanged code.
 */
export const UNCALIBRATED_MARGIN = 0.1;

export async function checkCommand(args: string[]): Promise<number> {
  try {
    return await check(args);
  } catch (err) {
    if (err instanceof UserError) {
      console.error(`error: ${err.message}`);
      return 2;
    }
    throw err;
  }
}

async function check(args: string[]): Promise<number> {
  const { values } = parseFlags("deno task check", args, {
    baseline: { type: "string" },
    candidate: { type: "string" },
    experiment: { type: "string" },
    backend: { type: "string" },
    db: { type: "string", default: DEFAULT_DB },
    experiments: { type: "string" },
    json: { type: "boolean", default: false },
    markdown: { type: "string" },
    "export-baseline": { type: "string" },
    from: { type: "string", default: "latest" },
    calibrate: { type: "boolean", default: false },
    record: { type: "string" },
    seeds: { type: "string", default: "3" },
    repeats: { type: "string", default: "4" },
    quiet: { type: "boolean", default: false },
    help: { type: "boolean", default: false },
  });
  if (values.help) {
    console.log(CHECK_HELP);
    return 0;
  }
  const db = values.db!;
  const backends = values.backend ? listFlag("backend", values.backend, BACKENDS) : undefined;
  const progress = new Progress(Deno.stderr.isTerminal(), `${db}.progress.jsonl`, values.quiet);
  if (values.record) {
    const seeds = intFlag("seeds", values.seeds!);
    return await record(
      db,
      values.record,
      values.experiment,
      backends,
      seeds,
      progress,
      args,
      values.experiments,
    );
  }
  if (values["export-baseline"]) {
    return await exportBaseline(db, values.from!, values["export-baseline"]);
  }
  if (values.calibrate) {
    return await runCalibration(
      db,
      intFlag("repeats", values.repeats!),
      values.experiment,
      backends,
      progress,
      args,
    );
  }
  if (!values.baseline) {
    throw new UserError(
      "--baseline is required (a baseline file, a suite id, a git ref or latest)",
    );
  }

  const baseline = await resolveRuns(db, values.baseline);
  const keep = (r: { experimentId: string; backend: string }) =>
    (!backends || backends.includes(r.backend as BackendName)) &&
    (!values.experiment || idMatcher(values.experiment)(r.experimentId));
  baseline.runs = baseline.runs.filter(keep);
  if (baseline.runs.length === 0) {
    throw new UserError(`The baseline has no runs for this selection`);
  }

  let candidateSuites: string[];
  if (values.candidate) {
    candidateSuites = values.candidate.split(",").map((s) => s.trim());
  } else {
    const { experiments, errors } = await discover(values.experiments);
    for (const e of errors) console.error(`warning: skipped ${e}`);
    const plan = planFromBaseline(experiments, baseline.runs, backends);
    candidateSuites = await runPlan(new Store(db), plan, { progress, argv: ["check", ...args] });
  }
  const candidate = values.candidate ? await resolveRuns(db, values.candidate) : {
    runs: await withDb(db, "read", (c) => loadRuns(c, candidateSuites)),
    label: `this tree, run now (suites ${candidateSuites.map((s) => s.slice(0, 8)).join(", ")})`,
  };
  candidate.runs = candidate.runs.filter(keep);

  const margins = await withDb(db, "read", (c) => latestMargins(c)).catch(() =>
    new Map<string, number>()
  );
  const { experiments } = await discover(values.experiments);
  const tolerance = new Map(
    experiments.map((d) => [d.experiment.id, d.experiment.tolerance?.accuracy ?? 0.01]),
  );
  const rows = compareRuns(baseline.runs, candidate.runs, {
    margin: (env, backend) => margins.get(`${env}\u0000${backend}`) ?? UNCALIBRATED_MARGIN,
    accuracyTolerance: (id) => tolerance.get(id) ?? 0.01,
  });
  const marginText = margins.size > 0
    ? `calibrated per machine and backend where stored, else ${UNCALIBRATED_MARGIN * 100}%`
    : `${UNCALIBRATED_MARGIN * 100}% (not calibrated here: run \`deno task check --calibrate\`)`;
  const meta = { baseline: baseline.label, candidate: candidate.label, margins: marginText };
  const md = markdownReport(rows, meta);
  if (values.markdown) await Deno.writeTextFile(values.markdown, md);
  console.log(values.json ? JSON.stringify(jsonReport(rows, meta), null, 2) : md);
  return gateOutcome(rows) === "fail" ? 1 : 0;
}

async function exportBaseline(db: string, from: string, file: string): Promise<number> {
  const source = await resolveRuns(db, from);
  const git = source.gitCommit ?? (await gitState()).commit;
  await Deno.writeTextFile(
    file,
    baselineJson(source.runs, { suites: source.suites, gitCommit: git }),
  );
  console.log(`wrote ${source.runs.length} runs from ${source.label} to ${file}`);
  return 0;
}

/** The experiments the gate watches by default: one CNN and one MLP, fast in quick. */
const DEFAULT_GATE_EXPERIMENTS = "keras-mlp-mnist-004,keras-cnn-mnist-001";

async function record(
  db: string,
  file: string,
  experiment: string | undefined,
  backends: BackendName[] | undefined,
  seeds: number,
  progress: Progress,
  args: string[],
  dir?: string,
): Promise<number> {
  const { experiments } = await discover(dir);
  const chosen = select(
    experiments.filter((d) => d.experiment.kind === "train"),
    experiment ?? DEFAULT_GATE_EXPERIMENTS,
  );
  if (chosen.length === 0) throw new UserError(`No training experiment matches "${experiment}"`);
  const tfjs = backends ?? ["cpu", "wasm", "webgpu"];
  const suites = await runPlan(new Store(db), {
    bench: { experiments: chosen, backends: tfjs, seeds, profile: "quick" },
    perf: { experiments: chosen, backends: tfjs },
  }, { progress, argv: ["check", ...args] });
  return await exportBaseline(db, suites.join(","), file);
}

async function runCalibration(
  db: string,
  repeats: number,
  experiment: string | undefined,
  backends: BackendName[] | undefined,
  progress: Progress,
  args: string[],
): Promise<number> {
  if (repeats < 2) {
    throw new UserError(`--repeats must be at least 2 for A/A pairs, got ${repeats}`);
  }
  const { experiments } = await discover();
  const training = experiments.filter((d) => d.experiment.kind === "train");
  const chosen = select(training, experiment ?? DEFAULT_GATE_EXPERIMENTS);
  if (chosen.length === 0) throw new UserError(`No training experiment matches "${experiment}"`);
  const store = new Store(db);
  const suites: string[] = [];
  for (let i = 0; i < repeats; i++) {
    const r = await runPerfSuite(store, chosen, {
      profile: "quick",
      backends: backends ?? ["cpu", "wasm", "webgpu"],
      stock: false,
      argv: ["check", ...args],
      progress,
      protocol: GATE_PROTOCOL,
    });
    suites.push(r.suiteId);
  }
  const runs = await withDb(db, "read", (c) => loadRuns(c, suites));
  const results = calibrate(runs);
  const git = await gitState();
  await withDb(db, "write", async (conn) => {
    for (const c of results) {
      await saveCalibration(conn, { ...c, quantile: 0.99, gitCommit: git.commit });
    }
  });
  console.log(table(
    ["backend", "A/A pairs", "margin", "false alarms", "5% slowdown caught", "10% slowdown caught"],
    results.map((c) => [
      c.backend,
      String(c.pairs),
      `${fmt(c.margin * 100, 2)}%`,
      `${fmt(c.falseAlarms * 100, 1)}%`,
      `${fmt(c.detected5 * 100, 1)}%`,
      `${fmt(c.detected10 * 100, 1)}%`,
    ]),
  ));
  console.log(
    `\nstored in ${db} (table calibrations); suites ${suites.map((s) => s.slice(0, 8)).join(", ")}`,
  );
  return 0;
}
