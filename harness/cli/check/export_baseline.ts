/** `check --export-baseline FILE [--from REF]`: stored runs written as a baseline file. */
import { gitState } from "../../run/provenance.ts";
import { baselineJson } from "../../gate/baseline_file.ts";
import { resolveRuns } from "../../gate/sources.ts";
import { EXIT } from "../exit.ts";

/** Write the runs `from` names (see `resolveRuns`) in `db` to `file`. */
export async function exportBaseline(db: string, from: string, file: string): Promise<number> {
  const source = await resolveRuns(db, from);
  const git = source.gitCommit ?? (await gitState()).commit;
  await Deno.writeTextFile(
    file,
    baselineJson(source.runs, { suites: source.suites, gitCommit: git }),
  );
  console.log(`wrote ${source.runs.length} runs from ${source.label} to ${file}`);
  return EXIT.ok;
}
