/**
 * Check every claim: read the latest stored runs of each claim-bearing experiment (same
 * declaration hash and profile), run the missing ones through the suite runner unless told
 * not to, judge each claim per backend and store the verdicts in `claim_verdicts`.
 */
import type { Declared } from "../core/discover.ts";
import type { ProfileName } from "../core/experiment.ts";
import { resolveConfig, type ResolvedConfig } from "../core/config.ts";
import {
  type AnyBackend,
  backendLabel,
  parseBackendLabel,
  runtimeBackends,
  type RuntimeName,
} from "../core/runtime.ts";
import { useBackend } from "../run/backends.ts";
import type { Progress } from "../run/progress.ts";
import { runBenchSuite, type SuiteResult } from "../run/bench_suite.ts";
import { runKey, type ShardRequest } from "../run/shard/mod.ts";
import { Store } from "../../results/store.ts";
import {
  type ClaimRun,
  readClaimRuns,
  storeVerdicts,
  type VerdictRecord,
} from "../../results/claims.ts";
import { judgeClaim, type JudgedClaim } from "./rules.ts";
import { profileNote } from "./profile_note.ts";
import { workedClaims } from "./worked.ts";

/** How the claims are evaluated. */
export interface EvaluateOptions {
  db: string;
  profile: ProfileName;
  /** The experiments to evaluate (those without claims and not worked are ignored). */
  declared: Declared[];
  /** Run the experiments whose runs are missing (default true); false only reads. */
  run: boolean;
  backends?: AnyBackend[];
  /** Where the runs judged (and run when missing) execute (default: Deno only). */
  runtimes?: RuntimeName[];
  /** tfjs-wasm threads and the time limit of browser runs run to fill in. */
  threads?: number;
  browserTimeoutS?: number;
  progress: Progress;
  argv: string[];
  /**
   * Run only this shard's part of the missing runs (`--shard i/N`) and judge nothing: a
   * shard holds part of the runs; verdicts come from the merged store.
   */
  shard?: ShardRequest;
}

/** One experiment's claims, judged. */
export interface EvaluatedExperiment {
  declared: Declared;
  config: ResolvedConfig;
  /** The backends judged, by label (`wasm` in Deno, `chromium:wasm` in the browser). */
  labels: string[];
  claims: JudgedClaim[];
  runs: ClaimRun[];
  verdicts: VerdictRecord[];
}

export interface ClaimsEvaluation {
  profile: ProfileName;
  experiments: EvaluatedExperiment[];
  /** Suites run to fill in missing runs (empty with `run: false` or nothing missing). */
  suites: SuiteResult[];
}

/** Whether an experiment carries claims the board shows. */
export function bearsClaims(d: Declared): boolean {
  return d.experiment.kind === "worked" || (d.experiment.claims?.length ?? 0) > 0;
}

/** The backend labels an experiment lacks runs of, for its resolved seeds. */
export function missingBackends(
  config: ResolvedConfig,
  labels: string[],
  runs: ClaimRun[],
): string[] {
  return labels.filter((b) =>
    config.seeds.some((s) => !runs.some((r) => r.backend === b && r.seed === s))
  );
}

/**
 * The backend labels judged for `declared` in each runtime (a worked example's in Deno only:
 * it trains nothing a browser would run).
 */
function labelsOf(declared: Declared, opts: EvaluateOptions): string[] {
  const runtimes = declared.experiment.kind === "worked" ? ["deno" as const] : opts.runtimes;
  return (runtimes ?? ["deno"]).flatMap((runtime) =>
    runtimeBackends(runtime, declared.experiment.backends, opts.backends).map((b) =>
      backendLabel(runtime, b)
    )
  );
}

/** Run what `target` lacks: one suite per runtime that lacks runs. */
async function fillIn(
  opts: EvaluateOptions,
  target: { declared: Declared; labels: string[] },
  runs: ClaimRun[],
  config: ResolvedConfig,
): Promise<SuiteResult[]> {
  const missing = missingBackends(config, target.labels, runs).map(parseBackendLabel);
  const suites: SuiteResult[] = [];
  for (const runtime of opts.runtimes ?? ["deno"]) {
    const backends = missing.filter((m) => m.runtime === runtime).map((m) => m.backend);
    if (backends.length === 0) continue;
    suites.push(
      await runBenchSuite(new Store(opts.db), [target.declared], {
        profile: opts.profile,
        overrides: { backends: backends as AnyBackend[] },
        runtimes: [runtime],
        threads: opts.threads,
        browserTimeoutS: opts.browserTimeoutS,
        kind: "claims",
        argv: opts.argv,
        kernels: "default",
        progress: opts.progress,
      }),
    );
  }
  return suites;
}

/** Check the claims of `opts.declared`; see the module doc. */
export async function evaluateClaims(opts: EvaluateOptions): Promise<ClaimsEvaluation> {
  const targets = opts.declared.filter(bearsClaims).map((declared) => ({
    declared,
    config: resolveConfig(declared.experiment, opts.profile, { backends: opts.backends }),
    labels: labelsOf(declared, opts),
  }));
  let runs = await readRuns(opts, targets);
  if (opts.shard) return await runShard(opts, opts.shard, targets, runs);
  const suites: SuiteResult[] = [];
  if (opts.run) {
    for (const [i, t] of targets.entries()) {
      suites.push(...await fillIn(opts, t, runs[i], t.config));
    }
    if (suites.length > 0) runs = await readRuns(opts, targets);
  }
  // Worked quantities are listed by recomputing them; cpu is always there and fast for that.
  await useBackend("cpu");
  const experiments: EvaluatedExperiment[] = [];
  for (const [i, t] of targets.entries()) {
    const e = t.declared.experiment;
    const claims: JudgedClaim[] = [
      ...(e.claims ?? []),
      ...(e.kind === "worked" && e.worked ? await workedClaims(e.worked) : []),
    ];
    const note = profileNote(e, opts.profile, runs[i]);
    const verdicts: VerdictRecord[] = [];
    for (const claim of claims) {
      const ctx = {
        article: e.source.article,
        experimentId: e.id,
        profile: opts.profile,
        profileNote: note,
      };
      if (claim.notCheckable !== undefined) {
        verdicts.push(judgeClaim(claim, runs[i], { ...ctx, backend: null }));
        continue;
      }
      for (const backend of t.labels) {
        const mine = runs[i].filter((r) => r.backend === backend);
        verdicts.push(judgeClaim(claim, mine, { ...ctx, backend }));
      }
    }
    experiments.push({ ...t, claims, runs: runs[i], verdicts });
  }
  await storeVerdicts(opts.db, experiments.flatMap((x) => x.verdicts));
  return { profile: opts.profile, experiments, suites };
}

/**
 * A shard of the claims' plan: every claim-bearing run, split as `--shard` says, of which this
 * process runs those its store lacks, as one suite. No verdicts: they need every shard's runs.
 */
async function runShard(
  opts: EvaluateOptions,
  shard: ShardRequest,
  targets: { declared: Declared; config: ResolvedConfig }[],
  runs: ClaimRun[][],
): Promise<ClaimsEvaluation> {
  const stored = new Set(
    runs.flatMap((rs, i) =>
      rs.map((r) => `${targets[i].declared.experiment.id}/${r.backend}/${r.seed}`)
    ),
  );
  const suites = !opts.run ? [] : [
    await runBenchSuite(new Store(opts.db), targets.map((t) => t.declared), {
      profile: opts.profile,
      overrides: { backends: opts.backends },
      kind: "claims",
      argv: opts.argv,
      kernels: "default",
      progress: opts.progress,
      shard,
      keep: (r) => !stored.has(runKey(r)),
    }),
  ];
  return { profile: opts.profile, experiments: [], suites };
}

/** The stored runs of each target that its resolved seeds and backends ask for. */
async function readRuns(
  opts: EvaluateOptions,
  targets: { declared: Declared; config: ResolvedConfig; labels: string[] }[],
): Promise<ClaimRun[][]> {
  const found = await readClaimRuns(
    opts.db,
    targets.map((t) => ({
      experimentId: t.declared.experiment.id,
      declarationHash: t.declared.hash,
      profile: opts.profile,
    })),
  );
  return found.map((runs, i) =>
    runs.filter((r) =>
      targets[i].config.seeds.includes(r.seed) &&
      targets[i].labels.includes(r.backend)
    )
  );
}
