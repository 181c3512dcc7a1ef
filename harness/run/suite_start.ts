/**
 * What every suite (bench, perf, gate) does first and last: upgrade the file, mark runs
 * left by killed processes, record the machine, open a suite row; and the one run in
 * progress that Ctrl-C records as interrupted.
 */
import type { ProfileName } from "../core/experiment.ts";
import { environment, gitState } from "./provenance.ts";
import type { EnvironmentRecord, RunStart, Store } from "../../results/mod.ts";
import type { Declared } from "../core/discover.ts";
import type { ResolvedConfig } from "../core/config.ts";
import { hashJson } from "../core/hash.ts";

/** A started suite: its id, machine and code state, shared by all its runs. */
export interface StartedSuite {
  suiteId: string;
  env: EnvironmentRecord;
  git: { commit: string | null; dirty: boolean | null };
}

/** The start record of one run of a suite: what it is, where, and its configuration's hash. */
export async function runStartRecord(
  suite: StartedSuite,
  r: {
    runId: string;
    d: Declared;
    config: ResolvedConfig;
    backend: string;
    seed: number;
    profile: ProfileName;
    /** The run's own configuration (see `runConfig`), as stored and hashed. */
    runConfig: Record<string, unknown>;
  },
): Promise<RunStart> {
  const e = r.d.experiment;
  return {
    runId: r.runId,
    suiteId: suite.suiteId,
    experimentId: e.id,
    experimentTitle: e.title,
    article: e.source.article,
    section: e.source.section,
    variantOf: e.variant?.of ?? null,
    dataset: r.config.dataset?.key ?? null,
    backend: r.backend,
    seed: r.seed,
    profile: r.profile,
    envId: suite.env.envId,
    config: r.runConfig,
    configHash: await hashJson(r.runConfig),
    declarationHash: r.d.hash,
    gitCommit: suite.git.commit,
    gitDirty: suite.git.dirty,
  };
}

/** Prepare the store and record a new suite of `kind`. */
export async function startSuite(
  store: Store,
  kind: string,
  profile: ProfileName,
  argv: string[],
): Promise<StartedSuite> {
  await store.init();
  await store.reapInterrupted();
  const env = await environment();
  const git = await gitState();
  await store.saveEnvironment(env);
  const suiteId = crypto.randomUUID();
  await store.startSuite({
    suiteId,
    kind,
    profile,
    argv,
    gitCommit: git.commit,
    gitDirty: git.dirty,
    envId: env.envId,
  });
  return { suiteId, env, git };
}

/** The run in progress, so Ctrl-C can record it as interrupted. */
let current: { store: Store; runId: string; suiteId: string } | null = null;

/** Set (or clear, with null) the run in progress. */
export function setCurrentRun(run: { store: Store; runId: string; suiteId: string } | null): void {
  current = run;
}

/** Record the run in progress (if any) and its suite as interrupted. */
export async function interruptCurrent(): Promise<void> {
  const c = current;
  if (!c) return;
  current = null;
  await c.store.finishRun(c.runId, {
    status: "interrupted",
    reason: "interrupted by the user (SIGINT)",
  });
  await c.store.finishSuite(c.suiteId, "interrupted");
}
