/**
 * How the gate judges timings, chosen before anything runs: **paired** whenever the baseline's
 * code is reachable (it is timed beside the candidate, process pair by process pair), else
 * **stored** (the candidate's processes against the stored baseline's). Where the baseline's
 * code comes from, first that works:
 * 1. `--paired-ref REF` (an error if REF is not a commit here);
 * 2. the CI's own variables: GitHub `GITHUB_BASE_REF` and Buildkite
 *    `BUILDKITE_PULL_REQUEST_BASE_BRANCH` (the merge base of `origin/BRANCH`, else `BRANCH`,
 *    and HEAD), GitLab `CI_MERGE_REQUEST_DIFF_BASE_SHA` (that commit), and
 *    `REPROBENCH_BASE_REF` (the merge base of that ref and HEAD);
 * 3. the baseline's own commit (a baseline file's `gitCommit`, a suite's commit) when it
 *    exists in this repository.
 * A commit whose code predates the turn protocol cannot take turns and is passed over, with
 * the reason. Git is reached through a {@linkcode GitProbe}, so the choice is tested without
 * a repository.
 */

/** What the choice asks of git. */
export interface GitProbe {
  /** The commit `ref` names, or null. */
  resolve(ref: string): Promise<string | null>;
  /** The merge base of two commits, or null (unrelated, or a shallow clone). */
  mergeBase(a: string, b: string): Promise<string | null>;
  /** Whether the code at `commit` can take turns (it has `harness/perf/turns.ts`). */
  canTakeTurns(commit: string): Promise<boolean>;
}

/** The chosen mode, and why, in words for the report. */
export type TimingMode =
  | { mode: "paired"; commit: string; why: string }
  | { mode: "stored"; why: string };

/** What the choice reads. */
export interface ModeInputs {
  /** `--paired-ref`. */
  pairedRef?: string;
  /** `--timing stored`: the user asked for the stored mode. */
  forceStored?: boolean;
  /** `--candidate`: the candidate's runs are stored ones, timed already. */
  candidateStored?: boolean;
  /** The environment (`Deno.env.toObject()`). */
  env: Record<string, string | undefined>;
  /** The baseline's own commit, and what it is ("results/baseline.json", "suite 1a2b"). */
  baselineCommit: string | null;
  baselineLabel: string;
}

const short = (sha: string) => sha.slice(0, 10);

/** Branch variables of CI systems: the pull request's target branch. */
const BRANCH_VARS = ["GITHUB_BASE_REF", "BUILDKITE_PULL_REQUEST_BASE_BRANCH"] as const;

/**
 * Choose how to judge timings (see the module's documentation).
 *
 * @example
 * ```ts
 * const git = { resolve: async () => null, mergeBase: async () => null, canTakeTurns: async () => true };
 * (await chooseTimingMode({ env: {}, baselineCommit: null, baselineLabel: "x" }, git)).mode;
 * // "stored"
 * ```
 */
export async function chooseTimingMode(inputs: ModeInputs, git: GitProbe): Promise<TimingMode> {
  if (inputs.pairedRef) {
    const commit = await git.resolve(inputs.pairedRef);
    // An explicit ref that is no commit is the user's error: worktree.ts says so.
    return {
      mode: "paired",
      commit: commit ?? inputs.pairedRef,
      why: `paired against ${inputs.pairedRef}${
        commit ? ` (${short(commit)})` : ""
      } (--paired-ref)`,
    };
  }
  if (inputs.forceStored) return { mode: "stored", why: "stored baseline (--timing stored)" };
  if (inputs.candidateStored) {
    return { mode: "stored", why: "stored baseline: --candidate runs were timed already" };
  }
  const passed: string[] = [];
  const tryCommit = async (commit: string | null, why: string, missing: string) => {
    if (!commit) {
      passed.push(missing);
      return null;
    }
    if (await git.canTakeTurns(commit)) return { mode: "paired" as const, commit, why };
    passed.push(`${short(commit)} predates paired timing (${why.replace(/^paired against /, "")})`);
    return null;
  };
  const env = inputs.env;
  for (const name of BRANCH_VARS) {
    const branch = env[name];
    if (!branch || branch === "false") continue;
    const chosen = await viaMergeBase(git, branch, name, passed);
    if (chosen) return chosen;
  }
  const gitlab = env.CI_MERGE_REQUEST_DIFF_BASE_SHA;
  if (gitlab) {
    const commit = await git.resolve(gitlab);
    const found = await tryCommit(
      commit,
      `paired against the merge request's base ${short(gitlab)} (CI_MERGE_REQUEST_DIFF_BASE_SHA)`,
      `CI_MERGE_REQUEST_DIFF_BASE_SHA ${short(gitlab)} is not in this clone`,
    );
    if (found) return found;
  }
  const generic = env.REPROBENCH_BASE_REF;
  if (generic) {
    const found = await viaMergeBase(git, generic, "REPROBENCH_BASE_REF", passed, false);
    if (found) return found;
  }
  if (inputs.baselineCommit) {
    const commit = await git.resolve(inputs.baselineCommit);
    const found = await tryCommit(
      commit,
      `paired against the baseline's own commit ${
        short(inputs.baselineCommit)
      } (${inputs.baselineLabel})`,
      `the baseline's commit ${short(inputs.baselineCommit)} is not in this repository`,
    );
    if (found) return found;
  } else passed.push("the baseline names no commit");
  return {
    mode: "stored",
    why: `stored baseline: no baseline code to pair with (${passed.join("; ")})`,
  };

  async function viaMergeBase(
    g: GitProbe,
    ref: string,
    name: string,
    notes: string[],
    branch = true,
  ): Promise<TimingMode | null> {
    const named = branch ? [`origin/${ref}`, ref] : [ref];
    let found: string | null = null, used = "";
    for (const n of named) {
      found = await g.resolve(n);
      if (found) {
        used = n;
        break;
      }
    }
    if (!found) {
      notes.push(
        `${name}=${ref}: ${named.join(" nor ")} is in this clone (fetch it, e.g. fetch-depth: 0)`,
      );
      return null;
    }
    const head = await g.resolve("HEAD");
    const base = head ? await g.mergeBase(found, head) : null;
    return await tryCommit(
      base,
      `paired against the merge base ${base ? short(base) : ""} of ${used} and HEAD (${name})`,
      `${name}=${ref}: no merge base of ${used} and HEAD (a shallow clone?)`,
    );
  }
}
