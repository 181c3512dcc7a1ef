/** Where baseline and candidate runs come from: a baseline file, a suite, a git ref. */
import { withSiblingShards } from "../../results/queries/plans.ts";
import { existsSync } from "node:fs";
import { UserError } from "../core/errors.ts";
import { withDb } from "../../results/mod.ts";
import { findSuites, loadRuns } from "../../results/runs.ts";
import { readBaselineFile } from "./baseline_file.ts";
import type { RunData } from "../../results/mod.ts";
import type { Protocol } from "../perf/mod.ts";

/** Runs and a one-line description of where they came from. */
export interface RunSource {
  runs: RunData[];
  label: string;
  suites: string[];
  gitCommit: string | null;
  /** A baseline file's format version; null for runs read from a database. */
  version: number | null;
  /** The protocol a baseline file's timing processes followed; null when not recorded. */
  protocol: Protocol | null;
}

async function revParse(ref: string): Promise<string | null> {
  try {
    const out = await new Deno.Command("git", {
      args: ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`],
      stdout: "piped",
      stderr: "null",
    }).output();
    return out.success ? new TextDecoder().decode(out.stdout).trim() : null;
  } catch {
    return null;
  }
}

/**
 * Resolve a baseline reference: a baseline JSON file; `latest` (the newest bench and perf
 * suites in the database, except `exclude`); suite ids (comma-separated, prefixes allowed);
 * or a git ref or tag (the newest bench and perf suites run on that commit).
 */
export async function resolveRuns(
  db: string,
  ref: string,
  exclude: string[] = [],
): Promise<RunSource> {
  if (ref.endsWith(".json") || existsSync(ref)) {
    const file = await readBaselineFile(ref);
    return {
      runs: file.runs,
      label: `file ${ref} (version ${file.version}, exported ${file.exportedAt}, commit ${
        file.source.gitCommit?.slice(0, 10) ?? "unknown"
      })`,
      suites: file.source.suites,
      gitCommit: file.source.gitCommit,
      version: file.version,
      protocol: file.timing?.protocol ?? null,
    };
  }
  return await withDb(db, "read", async (conn) => {
    const pick = (suites: { suite_id: string; kind: string }[]) => {
      // The newest suite of each kind: the latest accuracy runs and the latest timing runs.
      const seen = new Set<string>(), ids: string[] = [];
      for (const s of suites) {
        if (exclude.includes(s.suite_id) || seen.has(s.kind)) continue;
        seen.add(s.kind);
        ids.push(s.suite_id);
      }
      return ids;
    };
    let ids: string[] = [], label = "", commit: string | null = null;
    if (ref === "latest") {
      ids = pick(await findSuites(conn, { kinds: ["bench", "perf"] }));
      label = "the latest bench and perf suites";
    } else {
      for (const part of ref.split(",")) {
        const found = await findSuites(conn, { suiteId: part.trim() });
        if (found.length > 1) {
          throw new UserError(
            `Suite prefix "${part}" matches ${found.length} suites; give more of the id`,
          );
        }
        if (found.length === 1) ids.push(found[0].suite_id);
      }
      if (ids.length > 0) label = `suite ${ids.map((i) => i.slice(0, 8)).join(", ")}`;
      else {
        commit = await revParse(ref);
        if (!commit) {
          throw new UserError(
            `Baseline "${ref}" is not a baseline file, a suite id in ${db}, or a git ref`,
          );
        }
        ids = pick(await findSuites(conn, { gitCommit: commit, kinds: ["bench", "perf"] }));
        if (ids.length === 0) {
          throw new UserError(
            `No bench or perf suite in ${db} ran on ${ref} (${commit.slice(0, 10)})`,
          );
        }
        label = `${ref} (${commit.slice(0, 10)})`;
      }
    }
    if (ids.length === 0) throw new UserError(`No suites in ${db} to use as "${ref}"`);
    // A shard's suite stands for its whole split plan (--shard i/N, merged).
    ids = await withSiblingShards(conn, ids);
    const runs = await loadRuns(conn, ids);
    return {
      runs,
      label: `${label}: ${runs.length} runs`,
      suites: ids,
      gitCommit: commit ?? runs[0]?.gitCommit ?? null,
      version: null,
      protocol: null,
    };
  });
}
