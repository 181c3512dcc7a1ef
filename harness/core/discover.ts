/**
 * Find experiment declarations: one file per experiment under `experiments/`, each with a
 * default export. A bad file is reported with its error and never hides the others.
 */
import { basename, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Experiment } from "./experiment.ts";
import { oneLine, UserError } from "./errors.ts";
import { validateExperiment } from "./validate.ts";
import { hashJson } from "./hash.ts";
import { repoUrl } from "./paths.ts";

/** The experiments folder shipped with the project. */
const EXPERIMENTS_DIR = fileURLToPath(repoUrl("experiments/"));

/** A declaration that loaded, with its file and hash. */
export interface Declared {
  file: string;
  experiment: Experiment;
  /** SHA-256 of the declaration's canonical JSON: changes when the experiment changes. */
  hash: string;
}

/** The result of scanning a folder: the good declarations and one line per bad file. */
export interface Discovery {
  experiments: Declared[];
  errors: string[];
}

/** Load and validate every `*.ts` declaration in `dir` (tests and `_private` files skipped). */
export async function discover(folder = EXPERIMENTS_DIR): Promise<Discovery> {
  const dir = resolve(folder);
  const files: string[] = [];
  try {
    await Deno.stat(dir);
  } catch {
    throw new UserError(`Experiments folder "${folder}" does not exist`);
  }
  for await (const entry of Deno.readDir(dir)) {
    const n = entry.name;
    if (
      entry.isFile && n.endsWith(".ts") && !n.startsWith("_") && !n.endsWith("_test.ts") &&
      n !== "mod.ts"
    ) {
      files.push(join(dir, n));
    }
  }
  files.sort();
  const experiments: Declared[] = [];
  const errors: string[] = [];
  const seen = new Map<string, string>();
  for (const path of files) {
    const file = relative(Deno.cwd(), path) || basename(path);
    try {
      const mod = await import(`file://${path}`);
      if (mod.default === undefined) throw new Error(`${file}: has no default export`);
      const experiment = validateExperiment(mod.default, file);
      const other = seen.get(experiment.id);
      if (other) throw new Error(`${file}: id "${experiment.id}" is already declared in ${other}`);
      seen.set(experiment.id, file);
      experiments.push({ file, experiment, hash: await hashJson(experiment) });
    } catch (err) {
      const line = oneLine(err);
      errors.push(line.startsWith(file) ? line : `${file}: ${line}`);
    }
  }
  checkVariants(experiments, errors);
  return { experiments, errors };
}

/** A corrected variant must point at an as-written experiment that exists. */
function checkVariants(experiments: Declared[], errors: string[]): void {
  const ids = new Set(experiments.map((d) => d.experiment.id));
  for (const d of experiments) {
    const of = d.experiment.variant?.of;
    if (of && !ids.has(of)) {
      errors.push(`${d.file}: variant.of names "${of}", which is not declared`);
    }
  }
}

/** Select experiments by id or glob (`*` and `?`), comma-separated. */
export function select(all: Declared[], pattern: string | undefined): Declared[] {
  if (!pattern) return all;
  const matches = idMatcher(pattern);
  return all.filter((d) => matches(d.experiment.id));
}

/** A test for experiment ids against comma-separated ids or globs (`*` and `?`). */
export function idMatcher(pattern: string): (id: string) => boolean {
  const regexes = pattern.split(",").map((p) =>
    new RegExp(
      "^" + p.trim().replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".") +
        "$",
    )
  );
  return (id) => regexes.some((r) => r.test(id));
}
