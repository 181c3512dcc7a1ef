/**
 * The baseline's code at a git ref, checked out beside this tree so its perf runs can take
 * turns with the candidate's (`paired.ts`).
 */
import { UserError } from "../../core/errors.ts";

async function git(cwd: string, ...args: string[]): Promise<string> {
  const out = await new Deno.Command("git", { args, cwd, stdout: "piped", stderr: "piped" })
    .output();
  if (!out.success) {
    throw new UserError(
      `git ${args.join(" ")}: ${new TextDecoder().decode(out.stderr).trim().split("\n")[0]}`,
    );
  }
  return new TextDecoder().decode(out.stdout).trim();
}

async function readOrNull(path: string): Promise<string | null> {
  try {
    return await Deno.readTextFile(path);
  } catch {
    return null;
  }
}

/** A checked-out ref; `remove()` deletes the worktree. */
export interface Worktree {
  root: string;
  commit: string;
  remove(): Promise<void>;
}

/**
 * Check out `ref` of the repository at `repo` into a temporary worktree. Its npm packages
 * are this tree's (a symlink) when both lock files are identical; otherwise `deno install`
 * runs there. Refuses a ref whose code cannot take turns (older than paired timing).
 */
export async function checkoutRef(
  repo: string,
  ref: string,
  log: (line: string) => void,
): Promise<Worktree> {
  const commit = await git(repo, "rev-parse", "--verify", `${ref}^{commit}`).catch(() => {
    throw new UserError(`--paired-ref "${ref}" is not a commit in ${repo}`);
  });
  const root = await Deno.makeTempDir({ prefix: "reprobench-baseline-" });
  await git(repo, "worktree", "add", "--detach", "--force", root, commit);
  const remove = async () => {
    await git(repo, "worktree", "remove", "--force", root).catch(() => {});
    await Deno.remove(root, { recursive: true }).catch(() => {});
  };
  try {
    if ((await readOrNull(`${root}/harness/perf/turns.ts`)) === null) {
      throw new UserError(
        `--paired-ref ${ref} (${commit.slice(0, 10)}) predates paired timing ` +
          `(harness/perf/turns.ts): compare against a later commit, or use --baseline`,
      );
    }
    const [mine, theirs] = await Promise.all([
      readOrNull(`${repo}/deno.lock`),
      readOrNull(`${root}/deno.lock`),
    ]);
    if (mine !== null && mine === theirs) {
      await Deno.symlink(`${repo}/node_modules`, `${root}/node_modules`);
    } else {
      log(`paired: ${ref} has other dependencies; running deno install in its worktree`);
      const out = await new Deno.Command(Deno.execPath(), {
        args: ["install"],
        cwd: root,
        stdout: "null",
        stderr: "piped",
      }).output();
      if (!out.success) {
        throw new UserError(
          `deno install for ${ref} failed: ${
            new TextDecoder().decode(out.stderr).trim().split("\n").pop()
          }`,
        );
      }
    }
    return { root, commit, remove };
  } catch (err) {
    await remove();
    throw err;
  }
}
