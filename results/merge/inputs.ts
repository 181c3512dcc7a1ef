/** The inputs of a merge: files, folders and globs, each a DuckDB file or a Parquet export. */
import { globSync } from "node:fs";
import { join, resolve } from "node:path";
import { UserError } from "../../harness/core/errors.ts";
import { readManifest } from "../export/mod.ts";

/** One store to merge. */
export interface MergeInput {
  kind: "duckdb" | "parquet";
  path: string;
}

const isGlob = (s: string) => /[*?[{]/.test(s);

/**
 * Expand `args` into inputs, in order, each once: a DuckDB file; a folder holding a Parquet
 * export (`manifest.json`); any other folder, searched recursively for both (artifact
 * downloads nest one folder per shard); a glob, expanded likewise. `out` is never an input.
 *
 * @example
 * ```ts
 * await mergeInputs(["shards/", "extra.duckdb", "exports/*"], "merged.duckdb");
 * ```
 */
export async function mergeInputs(args: string[], out: string): Promise<MergeInput[]> {
  const found: MergeInput[] = [];
  for (const arg of args) {
    const paths = isGlob(arg) ? globSync(arg).sort() : [arg];
    if (paths.length === 0) throw new UserError(`"${arg}" matches no file`);
    const before = found.length;
    for (const p of paths) await collect(p, found, arg === p);
    if (found.length === before) {
      throw new UserError(`"${arg}" holds no DuckDB file (*.duckdb) or Parquet export`);
    }
  }
  const outPath = resolve(out);
  const seen = new Set<string>();
  return found.filter((i) => {
    const real = resolve(i.path);
    if (real === outPath || seen.has(real)) return false;
    seen.add(real);
    return true;
  });
}

async function collect(path: string, into: MergeInput[], named: boolean): Promise<void> {
  let info: Deno.FileInfo;
  try {
    info = await Deno.stat(path);
  } catch {
    throw new UserError(`No file or folder at "${path}"`);
  }
  if (info.isFile) {
    if (path.endsWith(".duckdb") || named) into.push({ kind: "duckdb", path });
    return;
  }
  if (!info.isDirectory) return;
  if (await readManifest(path)) {
    into.push({ kind: "parquet", path });
    return;
  }
  const entries = [...Deno.readDirSync(path)].map((e) => e.name).sort();
  for (const name of entries) {
    const child = join(path, name);
    const s = await Deno.stat(child).catch(() => null);
    if (s?.isDirectory || name.endsWith(".duckdb")) await collect(child, into, false);
  }
}
