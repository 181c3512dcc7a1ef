/**
 * Where a result comes from: the code (git commit, dirty flag), the runtime and library
 * versions, and the machine. Saved with every run so only comparable runs are compared.
 */
import { cpus, hostname, totalmem } from "node:os";
import * as tf from "@tensorflow/tfjs";
import { version as duckdbVersion } from "@duckdb/node-api";
import { hashJson } from "../core/hash.ts";
import type { EnvironmentRecord } from "../../results/types.ts";

/**
 * The git commit of the working tree at `cwd` (default: the working directory) and whether it
 * has uncommitted changes; nulls outside a checkout or without git.
 */
export async function gitState(
  cwd?: string,
): Promise<{ commit: string | null; dirty: boolean | null }> {
  const git = async (...args: string[]) => {
    const out = await new Deno.Command("git", { args, cwd, stdout: "piped", stderr: "null" })
      .output();
    return out.success ? new TextDecoder().decode(out.stdout).trim() : null;
  };
  try {
    const commit = await git("rev-parse", "HEAD");
    if (commit === null) return { commit: null, dirty: null };
    const status = await git("status", "--porcelain", "--untracked-files=no");
    return { commit, dirty: status === null ? null : status.length > 0 };
  } catch {
    return { commit: null, dirty: null };
  }
}

/** The runtime and library versions every run records (and `--version` prints). */
export interface RuntimeVersions {
  deno: string;
  v8: string;
  typescript: string;
  tfjs: string;
  duckdb: string;
}

/**
 * The versions of Deno, V8, TypeScript, TensorFlow.js and DuckDB this process runs.
 *
 * @example
 * ```ts
 * runtimeVersions().tfjs; // "4.22.0"
 * ```
 */
export function runtimeVersions(): RuntimeVersions {
  return {
    deno: Deno.version.deno,
    v8: Deno.version.v8,
    typescript: Deno.version.typescript,
    tfjs: tf.version.tfjs,
    duckdb: duckdbVersion(),
  };
}

/**
 * The machine fingerprint: what decides whether two timings are comparable. The hostname
 * is recorded but left out of the id, so identical machines share one.
 */
export async function environment(): Promise<EnvironmentRecord> {
  const cpuList = cpus();
  const fingerprint = {
    os: `${Deno.build.os} ${Deno.osRelease()}`,
    arch: Deno.build.arch,
    cpuModel: cpuList[0]?.model ?? "unknown",
    cores: cpuList.length,
    memoryBytes: totalmem(),
    ...runtimeVersions(),
  };
  return {
    envId: (await hashJson(fingerprint)).slice(0, 16),
    hostname: hostname(),
    ...fingerprint,
    fingerprint,
  };
}
