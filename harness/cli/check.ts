/**
 * `check`: the regression gate. Compares a candidate (run now, or stored suites) with a
 * baseline (a committed baseline file, a suite, a git ref) and exits 1 on any regression.
 * Exit codes: 0 no regression, 1 regression, 2 usage error.
 */
import { type BackendName, BACKENDS } from "../core/experiment.ts";
import { discover, idMatcher, select } from "../core/discover.ts";
import { Progress } from "../run/progress.ts";
import { UserError } from "../core/errors.ts";
import { environment, gitState } from "../run/provenance.ts";
import { DEFAULT_DB, Store, withDb } from "../../results/mod.ts";
import { loadRuns } from "../../results/runs.ts";
import { latestMargins, saveCalibration } from "../../results/calibrations.ts";
import { compareRuns } from "../gate/compare.ts";
import { planFromBaseline, runPlan } from "../gate/candidate.ts";
import { resolveRuns } from "../gate/sources.ts";
import { baselineJson } from "../gate/baseline_file.ts";
import { gateOutcome, jsonReport, markdownReport } from "../gate/report.ts";
import { calibrate } from "../gate/calibrate.ts";
import { measureGateQuality } from "../gate/quality_run.ts";
import { perfInChild } from "../gate/child_runs.ts";
import { REPO_ROOT } from "../core/paths.ts";
import { type PairedResult, pairedTiming } from "../gate/paired.ts";
import { checkoutRef } from "../gate/worktree.ts";
import { clusteredTimingVerdict, median } from "../core/stats/mod.ts";
import type { VerdictRow } from "../gate/types.ts";
import { intFlag, listFlag, parseFlags } from "./args.ts";
import { fmt, table } from "../core/table.ts";

/** Where `--quality` keeps its runs: apart, so they never become a "latest" baseline. */
const QUALITY_DB = "results/gate_quality.duckdb";

/** The practical margin of paired timings (see gate/METHOD.md, "Paired timing"). */
export const PAIRED_MARGIN = 0.02;

/** Pairs of processes per (experiment, backend) in a paired timing. */
export const PAIRED_PROCESS_PAIRS = 6;

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
  --baseline REF|FILE    what to compare against
  --paired-ref GITREF    time the code at GITREF beside this tree, window by window (two
                         processes taking turns), and judge timings on the paired windows
                         instead of the baseline's stored ones (see gate/METHOD.md)
  --pairs N              pairs of processes per experiment and backend (default ${PAIRED_PROCESS_PAIRS})
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
  --quality              measure the gate here: --rounds (default 10) rounds of pairs of
                         processes taking turns, each round one A/A pair and one pair per
                         --slowdowns (default 0.05,0.1,0.2: the candidate adds extra work
                         of that fraction of its step time to every training step), of
                         --experiment (default keras-cnn-mnist-001) on --backend (default
                         wasm); prints false-alarm and detection rates of the paired rule
                         (--pairs process pairs per check), one pair alone, and the
                         unpaired rule, at several margins (--db default ${QUALITY_DB})
  --quiet                no progress lines
  --help                 this text

Exit status: 0 no regression, 1 a regression, 2 a usage error.
Method: harness/gate/METHOD.md.
`;

/**
 * The timing margin where no calibration is stored. The statistics' own default (1%, see
 * gate/METHOD.md) fits noise between windows of one process; baseline and candidate run
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
    "paired-ref": { type: "string" },
    pairs: { type: "string", default: String(PAIRED_PROCESS_PAIRS) },
    from: { type: "string", default: "latest" },
    calibrate: { type: "boolean", default: false },
    record: { type: "string" },
    seeds: { type: "string", default: "3" },
    repeats: { type: "string", default: "4" },
    quality: { type: "boolean", default: false },
    rounds: { type: "string", default: "10" },
    slowdowns: { type: "string", default: "0.05,0.1,0.2" },
    quiet: { type: "boolean", default: false },
    help: { type: "boolean", default: false },
  });
  if (values.help) {
    console.log(CHECK_HELP);
    return 0;
  }
  if (values.quality) {
    return await runQuality({
      db: args.some((a) => a === "--db" || a.startsWith("--db=")) ? values.db! : QUALITY_DB,
      rounds: intFlag("rounds", values.rounds!),
      slowdowns: values.slowdowns!,
      experiment: values.experiment ?? "keras-cnn-mnist-001",
      backend: values.backend ?? "wasm",
      experiments: values.experiments,
      json: values.json!,
      quiet: values.quiet!,
      pairs: intFlag("pairs", values.pairs!),
    });
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
      values.experiments,
    );
  }
  if (values["paired-ref"] && values.candidate) {
    throw new UserError("--paired-ref times the candidate now; it cannot take --candidate suites");
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
    // Paired timing runs the candidate's perf runs itself, beside the baseline's code.
    if (values["paired-ref"]) plan.perf = null;
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
  let rows = compareRuns(baseline.runs, candidate.runs, {
    margin: (env, backend) => margins.get(`${env}\u0000${backend}`) ?? UNCALIBRATED_MARGIN,
    accuracyTolerance: (id) => tolerance.get(id) ?? 0.01,
  });
  if (values["paired-ref"]) {
    // Timings come from the paired runs only: the stored baseline's were timed elsewhere.
    const perf = baseline.runs.filter((r) => r.suiteKind === "perf");
    const targets: [string, string][] = perf.length > 0
      ? [...new Set(perf.map((r) => `${r.experimentId}\u0000${r.backend}`))]
        .map((k) => k.split("\u0000") as [string, string])
        .filter(([, b]) => b !== "pytorch-cpu")
      : select(experiments.filter((d) => d.experiment.kind === "train"), DEFAULT_GATE_EXPERIMENTS)
        .flatMap((d) =>
          (backends ?? ["cpu", "wasm"]).map((b): [string, string] => [d.experiment.id, b])
        );
    rows = [
      ...rows.filter((r) => r.kind !== "timing"),
      ...await pairedRows(values["paired-ref"], targets, db, {
        experiments: values.experiments,
        quiet: values.quiet!,
        pairs: intFlag("pairs", values.pairs!),
      }),
    ];
  }
  const pairedText = values["paired-ref"]
    ? `; paired timings against ${values["paired-ref"]}: ${PAIRED_MARGIN * 100}%`
    : "";
  const marginText =
    (margins.size > 0
      ? `calibrated per machine and backend where stored, else ${UNCALIBRATED_MARGIN * 100}%`
      : `${
        UNCALIBRATED_MARGIN * 100
      }% (not calibrated here: run \`deno task check --calibrate\`)`) +
    pairedText;
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

async function runQuality(o: {
  db: string;
  rounds: number;
  slowdowns: string;
  experiment: string;
  backend: string;
  experiments?: string;
  json: boolean;
  quiet: boolean;
  pairs: number;
}): Promise<number> {
  const slowdowns = o.slowdowns.split(",").map((x) => {
    const f = Number(x.trim());
    if (!(f > 0 && f <= 1)) {
      throw new UserError(`--slowdowns must be fractions in (0, 1], got "${x.trim()}"`);
    }
    return f;
  });
  if (!(BACKENDS as readonly string[]).includes(o.backend)) {
    throw new UserError(`--backend must be one of ${BACKENDS.join(", ")}, got "${o.backend}"`);
  }
  const { experiments } = await discover(o.experiments);
  const chosen = select(experiments.filter((d) => d.experiment.kind === "train"), o.experiment);
  if (chosen.length !== 1) {
    throw new UserError(
      `--quality needs exactly one training experiment, "${o.experiment}" matches ${chosen.length}`,
    );
  }
  const id = chosen[0].experiment.id;
  const stored = await withDb(DEFAULT_DB, "read", (c) => latestMargins(c)).catch(() =>
    new Map<string, number>()
  );
  const env = (await environment()).envId;
  const gateMargin = stored.get(`${env}\u0000${o.backend}`) ?? UNCALIBRATED_MARGIN;
  const margins = [...new Set([gateMargin, PAIRED_MARGIN, 0.01, 0.02, 0.03, 0.05])]
    .sort((a, b) => a - b);
  const result = await measureGateQuality({
    experiment: id,
    backend: o.backend,
    root: REPO_ROOT,
    db: o.db,
    experiments: o.experiments,
    rounds: o.rounds,
    slowdowns,
    k: o.pairs,
    margins,
    log: (line) => o.quiet || console.error(line),
  });
  if (o.json) {
    console.log(JSON.stringify({ ...result, gateMargin, db: o.db }, null, 2));
    return 0;
  }
  const pct = (r: { rate: number; low: number; high: number; hits: number; checks: number }) =>
    `${fmt(r.rate * 100, 1)}% (${r.hits}/${r.checks})`;
  const scores = (rows: typeof result.paired, mine: number) =>
    table(
      [
        "margin",
        "A/A flagged",
        "A/A failed",
        ...slowdowns.map((s) => `${fmt(s * 100, 0)}% slowdown caught`),
      ],
      rows.map((s) => [
        `${fmt(s.margin * 100, 1)}%${s.margin === mine ? " (the gate's)" : ""}`,
        pct(s.falseAlarms),
        pct(s.falseFailures),
        ...s.detection.map((d) => pct(d.rate)),
      ]),
    );
  const ratios = (slowdown: number) =>
    result.pairs.filter((c) => c.slowdown === slowdown).map((c) => fmt(c.ratio, 3)).join(", ");
  console.log(
    `Gate quality: ${id} on ${o.backend}, ${o.rounds} rounds of ${
      slowdowns.length + 1
    } pairs of processes taking turns, ${fmt(result.wallS, 0)} s\n`,
  );
  console.log(`Paired, ${o.pairs} process pairs per check (check --paired-ref):\n`);
  console.log(scores(result.paired, PAIRED_MARGIN));
  console.log(`\nPaired, one process pair per check (its windows' signed-rank test):\n`);
  console.log(scores(result.single, PAIRED_MARGIN));
  console.log(`\nUnpaired (a stored baseline: runs of other rounds):\n`);
  console.log(scores(result.unpaired, gateMargin));
  console.log(
    `\nMedian window ratio of each process pair:\n` +
      [0, ...slowdowns].map((s) => `  ${s === 0 ? "A/A" : `+${s * 100}%`}: ${ratios(s)}`)
        .join("\n") +
      `\nChecks of several pairs are all k-subsets (at most 500, seeded) of the rounds' pairs and ` +
      `share pairs, as unpaired checks share runs: the rates rest on ${o.rounds} pairs per variant.` +
      `\nRuns stored in ${o.db}.`,
  );
  return 0;
}

/** Paired timing against the code at `ref`, one verdict row per (experiment, backend). */
async function pairedRows(
  ref: string,
  targets: [string, string][],
  db: string,
  opts: { experiments: string | undefined; quiet: boolean; pairs: number },
): Promise<VerdictRow[]> {
  const log = (line: string) => opts.quiet || console.error(line);
  const tree = await checkoutRef(REPO_ROOT, ref, log);
  const rows: VerdictRow[] = [];
  try {
    for (const [experiment, backend] of targets) {
      const results: PairedResult[] = [];
      for (let j = 0; j < opts.pairs; j++) {
        log(
          `paired ${j + 1}/${opts.pairs}: ${experiment} on ${backend}, ${ref} (${
            tree.commit.slice(0, 10)
          }) beside this tree`,
        );
        const base = { root: tree.root, db: `${tree.root}/results/paired-baseline.duckdb` };
        const cand = { root: REPO_ROOT, db };
        // Alternate which process starts first, so neither side always warms up first.
        const r = await pairedTiming({
          experiment,
          backend,
          experiments: opts.experiments,
          a: base,
          b: cand,
          first: j % 2 === 0 ? "a" : "b",
        });
        results.push(r);
      }
      rows.push(pairedRow(experiment, backend, results));
    }
  } finally {
    await tree.remove();
  }
  return rows;
}

/** The verdict row of paired timings: `results` are the process pairs, baseline as `a`. */
export function pairedRow(
  experiment: string,
  backend: string,
  results: PairedResult[],
): VerdictRow {
  const all = (side: "a" | "b") => results.flatMap((r) => r[side].windows);
  const base = {
    experiment,
    backend,
    metric: "perf_window_images_per_s (paired)",
    kind: "timing" as const,
    baseline: all("a").length ? median(all("a")) : null,
    candidate: all("b").length ? median(all("b")) : null,
    change: null,
    ci: null,
    p: null,
    n: [results.length, results.length] as [number, number],
  };
  const bad = results.find((r) => r.a.status !== "ok" || r.b.status !== "ok" || !r.pairs.length);
  if (bad) {
    // Training at the baseline and failing now is a regression, not noise.
    const lost = bad.a.status === "ok" && bad.b.status !== "ok";
    return {
      ...base,
      verdict: lost ? "regressed" : "not_comparable",
      reason: `baseline ${bad.a.status}${
        bad.a.reason ? ` (${bad.a.reason})` : ""
      }, candidate ${bad.b.status}${bad.b.reason ? ` (${bad.b.reason})` : ""}`,
    };
  }
  const v = clusteredTimingVerdict({
    clusters: results.map((r) => r.pairs),
    higherIsBetter: true,
    margin: PAIRED_MARGIN,
  });
  return { ...base, verdict: v.verdict, change: v.ratio, ci: v.ci, p: v.p, reason: v.reason };
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
  dir?: string,
): Promise<number> {
  if (repeats < 2) {
    throw new UserError(`--repeats must be at least 2 for A/A pairs, got ${repeats}`);
  }
  const { experiments } = await discover(dir);
  const training = experiments.filter((d) => d.experiment.kind === "train");
  const chosen = select(training, experiment ?? DEFAULT_GATE_EXPERIMENTS);
  if (chosen.length === 0) throw new UserError(`No training experiment matches "${experiment}"`);
  // Each repeat in a fresh process, as the gate meets a stored baseline: medians move more
  // between processes than between the windows of one.
  const suites: string[] = [];
  const targets = chosen.flatMap((d) =>
    (backends ?? ["cpu", "wasm", "webgpu"]).map((b) => [d.experiment.id, b] as const)
  );
  for (let i = 0; i < repeats; i++) {
    for (const [experiment, backend] of targets) {
      const r = await perfInChild({ experiment, backend, db, experiments: dir });
      suites.push(r.suiteId);
      progress.note(
        `calibrate ${i + 1}/${repeats}: ${experiment} on ${backend}: ${
          r.imagesPerS === null ? r.status : `${fmt(r.imagesPerS, 1)} images/s`
        }`,
      );
    }
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
