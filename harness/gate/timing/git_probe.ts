/** The real {@linkcode GitProbe}: git run in the repository, every failure a null or false. */
import type { GitProbe } from "./timing_mode.ts";

async function git(repo: string, ...args: string[]): Promise<string | null> {
  try {
    const out = await new Deno.Command("git", {
      args,
      cwd: repo,
      stdout: "piped",
      stderr: "null",
    }).output();
    return out.success ? new TextDecoder().decode(out.stdout).trim() : null;
  } catch {
    return null; // no git at all
  }
}

/**
 * Ask git in `repo`.
 *
 * @example
 * ```ts
 * const probe = gitProbe("/nonexistent");
 * await probe.resolve("HEAD"); // null
 * ```
 */
export function gitProbe(repo: string): GitProbe {
  return {
    resolve: (ref) => git(repo, "rev-parse", "--verify", "--quiet", `${ref}^{commit}`),
    mergeBase: (a, b) => git(repo, "merge-base", a, b),
    canTakeTurns: async (commit) =>
      (await git(repo, "cat-file", "-e", `${commit}:harness/perf/turns.ts`)) !== null,
  };
}
