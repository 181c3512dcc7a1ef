/**
 * Turning a page's reply into what the store records of a run, the same fields a Deno run
 * has: a status and reason (a missing kernel is `unsupported`, as in Deno), the backend's and
 * the browser's description, the kernels called, and the harness's own times as
 * measurements.
 */
import { classifyError } from "../classify.ts";
import type { Measurement, RunEnd } from "../../../results/types.ts";
import type { PageOutcome } from "./run_page.ts";

/** The end of a run whose page gave no result: its status, reason and what is known. */
export function unsuccessfulEnd(
  out: Exclude<PageOutcome, { status: "ok" }>,
  runtimeInfo: Record<string, unknown>,
  wallS: number,
): RunEnd {
  if (out.status === "unavailable") {
    return {
      status: "skipped",
      reason: out.reason,
      wallS: 0,
      runtimeInfo: { ...runtimeInfo, ...out.runtimeInfo },
    };
  }
  if (out.status === "failed") return { status: "failed", reason: out.reason, wallS, runtimeInfo };
  return {
    ...classifyError(out.reason),
    wallS,
    backendInfo: out.backendInfo,
    runtimeInfo: { ...runtimeInfo, ...out.runtimeInfo },
    kernels: out.kernels,
  };
}

/**
 * The harness's costs of a browser run, stored beside its own measurements: loading the
 * page, starting the backend, moving the examples, sending progress, and handing back the
 * result (the page's round trip less what the page itself timed).
 */
export function browserMeasurements(out: Extract<PageOutcome, { status: "ok" }>): Measurement[] {
  const t = out.timings, h = out.harness;
  const inPage = t.backendS + t.dataS + t.taskS;
  const one = (name: string, unit: string, value: number): Measurement => ({
    name,
    unit,
    idx: 0,
    value,
  });
  return [
    one("browser_page_setup_s", "s", h.setupS),
    one("browser_backend_start_s", "s", t.backendS),
    one("browser_data_s", "s", t.dataS),
    one("browser_progress_s", "s", t.progressS),
    one("browser_progress_events", "events", t.progressEvents),
    one("browser_result_s", "s", Math.max(0, h.evaluateS - inPage)),
    one("browser_page_close_s", "s", h.closeS),
  ];
}
