/**
 * Perf runs in the browser: the page (`browser_entry.ts`) follows the protocol Deno's runs
 * follow, and its measurement becomes a row of the same table, with the browser's
 * description and the harness's costs (page loading, examples, messaging) beside it.
 */
import { backendLabel } from "../core/runtime.ts";
import type { PlannedRun } from "../run/plan.ts";
import type { RunProgress } from "../run/train.ts";
import { browserMeasurements, BrowserRunner, unsuccessfulEnd } from "../run/browser/mod.ts";
import type { Protocol } from "./protocol.ts";
import type { Outcome } from "./run_one.ts";
import type { Measured } from "./types.ts";

/** The page a browser perf run loads. */
const PERF_ENTRY = new URL("./browser_entry.ts", import.meta.url);

/** A suite's browser perf runs: `measure` each, `close` at the suite's end. */
export interface BrowserPerf {
  measure(
    run: PlannedRun<string>,
    p: Protocol,
    opts: { stock: boolean; onProgress: (p: RunProgress) => void },
    peaks: Map<string, number[]>,
  ): Promise<Outcome>;
  close(): Promise<void>;
}

/**
 * Browser perf for one suite, each run within `timeoutS`; its browser starts with the first
 * run that needs one. `peaks` holds each (runtime, backend)'s peak, measured once.
 */
export function browserPerf(timeoutS: number): BrowserPerf {
  const runner = new BrowserRunner(PERF_ENTRY, timeoutS);
  return {
    async measure(run, p, opts, peaks) {
      const label = backendLabel(run.runtime, run.backend);
      const answer = await runner.run(run, "perf", {
        kernels: opts.stock ? "stock" : "default",
        options: { protocol: p, stock: opts.stock, peak: !peaks.has(label) },
        onProgress: opts.onProgress,
      });
      if ("end" in answer) return { end: answer.end, measured: null };
      const { out, runtimeInfo, wallS } = answer;
      if (out.status !== "ok") {
        return { end: unsuccessfulEnd(out, runtimeInfo, wallS), measured: null };
      }
      const m = out.value as Measured;
      if (m.peakGflops.length > 0) peaks.set(label, m.peakGflops);
      m.peakGflops = peaks.get(label) ?? [];
      return {
        end: {
          status: "ok",
          backendInfo: out.backendInfo,
          runtimeInfo,
          kernels: out.kernels,
          datasetProvenance: m.info?.datasetProvenance as string,
          trainSamples: run.config.dataset?.train,
        },
        measured: m,
        extra: browserMeasurements(out),
      };
    },
    close: () => runner.close(),
  };
}

/**
 * What the table says a browser backend runs on, in a word or two: the software renderer or
 * adapter by name (`SwiftShader`), `GPU` for a hardware one, nothing for cpu and wasm.
 *
 * @example
 * ```ts
 * deviceName({ webgl: { renderer: "ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device ...))" } });
 * // "SwiftShader"
 * ```
 */
export function deviceName(info: unknown): string | null {
  const o = (info ?? {}) as {
    webgl?: { renderer?: string };
    adapter?: { architecture?: string; description?: string; vendor?: string };
    software?: boolean;
  };
  const text = o.webgl?.renderer ??
    [o.adapter?.architecture, o.adapter?.description, o.adapter?.vendor].filter(Boolean).join(" ");
  if (!text) return null;
  const known = /swiftshader|llvmpipe|lavapipe/i.exec(text)?.[0].toLowerCase();
  if (known) {
    return { swiftshader: "SwiftShader", llvmpipe: "llvmpipe", lavapipe: "lavapipe" }[known]!;
  }
  return o.software ? "software" : "GPU";
}
