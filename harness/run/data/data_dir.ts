/**
 * Where imported datasets live: `$REPROBENCH_DATA` when set, else `~/.cache/reprobench/data`.
 * Each dataset has a folder named by its key; `manifest.json` beside them records every
 * imported file's SHA-256 and how it was verified.
 */
import { join } from "node:path";
import { UserError } from "../../core/errors.ts";

/**
 * The data directory, read from the environment on every call (tests point it elsewhere).
 *
 * @example
 * ```ts
 * Deno.env.set("REPROBENCH_DATA", "/tmp/data");
 * dataDir(); // "/tmp/data"
 * ```
 */
export function dataDir(): string {
  const fromEnv = Deno.env.get("REPROBENCH_DATA");
  if (fromEnv) return fromEnv;
  const home = Deno.env.get("HOME");
  if (!home) {
    throw new UserError("Cannot find the data directory: set REPROBENCH_DATA or HOME");
  }
  return join(home, ".cache", "reprobench", "data");
}

/** The folder of one dataset inside the data directory. */
export function datasetDir(key: string): string {
  return join(dataDir(), key);
}
