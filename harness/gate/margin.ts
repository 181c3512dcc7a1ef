/**
 * The gate's margin policy: how large a timing change must be before it can count. Read by
 * the command (to judge and to say which margin it used) and by the dashboard (to judge as
 * the gate does). See core/stats/RULES.md, "Margin calibration", and gate/METHOD.md, "Timing
 * modes".
 */
import type { CalibratedMargins } from "../../results/calibrations.ts";

/**
 * The timing margin where no calibration is stored. The statistics' own default (1%, see
 * core/stats/RULES.md) fits noise between windows of one process; baseline and candidate run
 * in different processes, and A/A runs on this project's 2-core machine moved 8.6% (cpu)
 * to 36% (wasm) between processes, so an uncalibrated gate uses a wide margin rather than
 * fail unchanged code.
 */
export const UNCALIBRATED_MARGIN = 0.1;

/** The practical margin of paired timings (see gate/METHOD.md, "Timing modes"). */
export const PAIRED_MARGIN = 0.02;

/** The practical timing margin for a machine (fingerprint id) and backend. */
export type MarginPolicy = (envId: string, backend: string) => number;

/**
 * The margin the gate uses: the calibrated one for that machine and backend where stored,
 * else {@linkcode UNCALIBRATED_MARGIN}.
 *
 * @example
 * ```ts
 * import { CalibratedMargins } from "../../results/calibrations.ts";
 * const margin = gateMargin(new CalibratedMargins([{ envId: "e", backend: "wasm", margin: 0.04 }]));
 * margin("e", "wasm"); // 0.04
 * margin("e", "cpu"); // 0.1
 * ```
 */
export function gateMargin(calibrated: CalibratedMargins): MarginPolicy {
  return (envId, backend) => calibrated.get({ envId, backend }) ?? UNCALIBRATED_MARGIN;
}

/** The report's one-line account of the margins used (`pairedRef`: a paired timing's ref). */
export function describeMargins(calibrated: CalibratedMargins, pairedRef?: string): string {
  const pct = (x: number) => `${x * 100}%`;
  const unpaired = calibrated.size > 0
    ? `calibrated per machine and backend where stored, else ${pct(UNCALIBRATED_MARGIN)}`
    : `${pct(UNCALIBRATED_MARGIN)} (not calibrated here: run \`deno task check --calibrate\`)`;
  return unpaired +
    (pairedRef ? `; paired timings against ${pairedRef}: ${pct(PAIRED_MARGIN)}` : "");
}
