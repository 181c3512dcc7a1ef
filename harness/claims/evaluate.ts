/**
 * Check every claim: read the latest stored runs of each claim-bearing experiment (same
 * declaration hash and profile), run the missing ones through the suite runner unless told
 * not to, judge each claim per backend and store the verdicts in `claim_verdicts`.
 */
import type { Declared } from "../core/discover.ts";
import type { BackendName, ProfileName } from "../core/experiment.ts";
import { resolveConfig, type ResolvedConfig } from "../core/config.ts";
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
  backends?: BackendName[];
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

/** The (backend) runs an experiment lacks for its resolved seeds. */
export function missingBackends(config: ResolvedConfig, runs: ClaimRun[]): BackendName[] {
  return config.backends.filter((b) =>
    config.seeds.some((s) => !runs.some((r) => r.backend === b && r.seed === s))
  );
}

/** Check the claims of `opts.declared`; see the module doc. */
export async function evaluateClaims(opts: EvaluateOptions): Promise<ClaimsEvaluation> {
  const targets = opts.declared.filter(bearsClaims).map((declared) => ({
    declared,
    config: resolveConfig(declared.experiment, opts.profile, { backends: opts.backends }),
  }));
  let runs = await readRuns(opts, targets);
  if (opts.shard) return await runShard(opts, opts.shard, targets, runs);
  const suites: SuiteResult[] = [];
  if (opts.run) {
    for (const [i, t] of targets.entries()) {
      const missing = missingBackends(t.config, runs[i]);
      if (missing.length === 0) continue;
      suites.push(
        await runBenchSuite(new Store(opts.db), [t.declared], {
          profile: opts.profile,
          overrides: { backends: missing },
          kind: "claims",
          argv: opts.argv,
          kernels: "default",
          progress: opts.progress,
        }),
      );
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
      for (const backend of t.config.backends) {
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
  targets: { declared: Declared; config: ResolvedConfig }[],
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
      targets[i].config.backends.includes(r.backend as BackendName)
    )
  );
}
