/** The progress reporter of a command that runs experiments. */
import { Progress } from "../run/progress.ts";
import { progressPath } from "../../results/progress_file.ts";

/**
 * Progress for runs stored in `db`: a live line when stderr is a terminal, plain lines
 * otherwise (none with `quiet`), and events in the progress file the dashboard tails.
 */
export function progressFor(db: string, quiet = false): Progress {
  return new Progress(Deno.stderr.isTerminal(), progressPath(db), quiet);
}
