/**
 * `check`: the regression gate. Compares a candidate (run now, or stored suites) with a
 * baseline (a committed baseline file, a suite, a git ref) and exits 1 on any regression.
 * One file per mode; the gate's logic lives in `harness/gate/`.
 */
import { EXIT } from "../exit.ts";
import { checkContext, parseCheck } from "./context.ts";
import { CHECK_HELP } from "./flags.ts";
import { compareMode } from "./compare.ts";
import { recordMode } from "./record.ts";
import { exportBaseline } from "./export_baseline.ts";
import { calibrateMode } from "./calibrate.ts";
import { qualityMode } from "./quality.ts";

/** Run `check` with its arguments; returns 0 (no regression) or 1 (a regression). */
export async function checkCommand(args: string[]): Promise<number> {
  const flags = parseCheck(args);
  if (flags.help) {
    console.log(CHECK_HELP);
    return EXIT.ok;
  }
  if (flags.quality) return await qualityMode(flags, args);
  const ctx = checkContext(flags, args);
  if (flags.record) return await recordMode(ctx, flags.record);
  if (flags["export-baseline"]) {
    return await exportBaseline(ctx.db, flags.from, flags["export-baseline"]);
  }
  if (flags.calibrate) return await calibrateMode(ctx);
  return await compareMode(ctx);
}
