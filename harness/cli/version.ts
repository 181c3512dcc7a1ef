/**
 * `--version`: reprobench's version (deno.json's `version`, and the git commit when it runs
 * from a checkout) and the runtime and library versions every run records as provenance.
 */
import { REPO_ROOT, repoUrl } from "../core/paths.ts";
import { documentHeader } from "../core/documents.ts";
import { gitState, runtimeVersions } from "../run/provenance.ts";
import { LATEST_VERSION } from "../../results/mod.ts";

/** What `--version` reports. */
export interface VersionInfo {
  reprobench: string;
  /** The commit of the checkout the code runs from; null outside one. */
  commit: string | null;
  /** Whether that checkout has uncommitted changes; null outside one. */
  dirty: boolean | null;
  deno: string;
  v8: string;
  typescript: string;
  tfjs: string;
  duckdb: string;
  /** The newest results-database schema this code writes (`results/migrations.ts`). */
  resultsSchema: number;
}

/**
 * `text` without its `//` and `/* *\/` comments, strings left alone: deno.json is JSONC,
 * which `JSON.parse` refuses.
 */
export function stripJsonComments(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      const start = i;
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === "\\") i++;
      out += text.slice(start, i + 1);
    } else if (c === "/" && text[i + 1] === "/") {
      while (i < text.length && text[i] !== "\n") i++;
      out += "\n";
    } else if (c === "/" && text[i + 1] === "*") {
      const end = text.indexOf("*/", i + 2);
      i = end < 0 ? text.length : end + 1;
    } else {
      out += c;
    }
  }
  return out;
}

/** reprobench's version: the `version` field of the repository's deno.json. */
export async function projectVersion(): Promise<string> {
  const config = JSON.parse(stripJsonComments(await Deno.readTextFile(repoUrl("deno.json"))));
  return typeof config.version === "string" ? config.version : "unknown";
}

/** Everything `--version` reports, gathered now. */
export async function versionInfo(): Promise<VersionInfo> {
  const { commit, dirty } = await gitState(REPO_ROOT);
  return {
    reprobench: await projectVersion(),
    commit,
    dirty,
    ...runtimeVersions(),
    resultsSchema: LATEST_VERSION,
  };
}

/**
 * The lines `--version` prints, one fact per line as `deno --version` does.
 *
 * @example
 * ```ts
 * versionText(await versionInfo()).split("\n")[0]; // "reprobench 0.1.0 (commit 4000e95c1a2b)"
 * ```
 */
export function versionText(v: VersionInfo): string {
  const commit = v.commit ? ` (commit ${v.commit.slice(0, 12)}${v.dirty ? ", modified" : ""})` : "";
  return [
    `reprobench ${v.reprobench}${commit}`,
    `deno ${v.deno}`,
    `v8 ${v.v8}`,
    `typescript ${v.typescript}`,
    `tfjs ${v.tfjs}`,
    `duckdb ${v.duckdb}`,
    `results schema ${v.resultsSchema}`,
  ].join("\n");
}

/** Print the version as text, or as one JSON document when `json`. */
export async function printVersion(json: boolean): Promise<number> {
  const v = await versionInfo();
  console.log(
    json ? JSON.stringify({ ...documentHeader("version"), ...v }, null, 2) : versionText(v),
  );
  return 0;
}
