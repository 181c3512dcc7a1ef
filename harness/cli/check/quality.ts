/** `check --quality`: measure the gate's false alarms and detection rates on this machine. */
import { BACKENDS } from "../../core/experiment.ts";
import { UserError } from "../../core/errors.ts";
import { REPO_ROOT } from "../../core/paths.ts";
import { environment } from "../../run/provenance.ts";
import { DEFAULT_DB } from "../../../results/mod.ts";
import { readMargins } from "../../../results/calibrations.ts";
import { trainingMatches } from "../../gate/default_experiments.ts";
import { gateMargin, PAIRED_MARGIN } from "../../gate/margin.ts";
import { measureGateQuality } from "../../gate/quality_run.ts";
import { qualityReport } from "../../gate/quality_report.ts";
import { intFlag } from "../args.ts";
import { EXIT } from "../exit.ts";
import { type CheckFlags, declarations } from "./context.ts";
import { QUALITY_DB } from "./flags.ts";

function fractions(list: string): number[] {
  return list.split(",").map((x) => {
    const f = Number(x.trim());
    if (!(f > 0 && f <= 1)) {
      throw new UserError(`--slowdowns must be fractions in (0, 1], got "${x.trim()}"`);
    }
    return f;
  });
}

/**
 * Rounds of process pairs of one training experiment on one backend, scored by the paired,
 * single-pair and unpaired rules at the gate's margins and a few others.
 */
export async function qualityMode(flags: CheckFlags, args: string[]): Promise<number> {
  // Its own database unless one is named: these runs must never become a "latest" baseline.
  const db = args.some((a) => a === "--db" || a.startsWith("--db=")) ? flags.db : QUALITY_DB;
  const rounds = intFlag("rounds", flags.rounds);
  const pairs = intFlag("pairs", flags.pairs);
  const slowdowns = fractions(flags.slowdowns);
  const backend = flags.backend ?? "wasm", experiment = flags.experiment ?? "keras-cnn-mnist-001";
  if (!(BACKENDS as readonly string[]).includes(backend)) {
    throw new UserError(`--backend must be one of ${BACKENDS.join(", ")}, got "${backend}"`);
  }
  const chosen = trainingMatches(await declarations(flags.experiments), experiment);
  if (chosen.length !== 1) {
    throw new UserError(
      `--quality needs exactly one training experiment, "${experiment}" matches ${chosen.length}`,
    );
  }
  const id = chosen[0].experiment.id;
  const mine = gateMargin(await readMargins(DEFAULT_DB))((await environment()).envId, backend);
  const margins = [...new Set([mine, PAIRED_MARGIN, 0.01, 0.02, 0.03, 0.05])]
    .sort((a, b) => a - b);
  const result = await measureGateQuality({
    experiment: id,
    backend,
    root: REPO_ROOT,
    db,
    experiments: flags.experiments,
    rounds,
    slowdowns,
    k: pairs,
    margins,
    log: (line) => flags.quiet || console.error(line),
  });
  if (flags.json) {
    console.log(JSON.stringify({ ...result, gateMargin: mine, db }, null, 2));
  } else {
    console.log(qualityReport(result, { rounds, slowdowns, gateMargin: mine, db }));
  }
  return EXIT.ok;
}
