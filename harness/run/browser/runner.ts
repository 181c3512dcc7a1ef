/**
 * The browser side of a suite's executor: one planned run becomes one page task. What
 * cannot run is said before a page opens, as in Deno (a worked example, a dataset not here,
 * no Chromium); otherwise the run's examples (loaded and sliced by Deno's own code) are
 * served, the page is told how many cores to report for the run's wasm threads, and the
 * page's reply comes back with the browser's description.
 */
import { datasetSource } from "../data/mod.ts";
import { loadRunData } from "../deno_training.ts";
import type { PlannedRun } from "../plan.ts";
import type { RunProgress } from "../train.ts";
import type { RunData } from "../train_setup.ts";
import type { RunEnd } from "../../../results/types.ts";
import type { PageTask } from "./protocol.ts";
import type { PageOutcome } from "./run_page.ts";
import { BrowserSession, BrowserUnavailable } from "./session.ts";
import { coresFor } from "./threads.ts";

/** The per-run time limit of a browser run when none is given (`--browser-timeout`). */
export const DEFAULT_BROWSER_TIMEOUT_S = 1800;

/** The fewest milliseconds between two progress events from a page: messaging is overhead. */
const PROGRESS_MS = 250;

/** A page's answer to one run, with the browser's description and the run's wall time. */
export interface BrowserAnswer {
  out: PageOutcome;
  runtimeInfo: Record<string, unknown>;
  wallS: number;
}

/** Runs a suite's browser runs, each in a fresh page of one session started on demand. */
export class BrowserRunner {
  #session: Promise<BrowserSession> | null = null;
  /** The last run's examples: a suite's runs of one experiment share their slices. */
  #data: { key: string; data: Promise<RunData> } | null = null;

  /**
   * `entry` is the page module to bundle; `timeoutS` each page run's limit.
   *
   * @example
   * ```ts
   * const runner = new BrowserRunner(new URL("./page/train_entry.ts", import.meta.url), 1800);
   * ```
   */
  constructor(readonly entry: URL, readonly timeoutS: number) {}

  /**
   * Run `run` as a `kind` task of the page; returns the page's answer, or the end of a run
   * that could not start (skipped or failed, with the reason).
   */
  async run(
    run: PlannedRun<string>,
    kind: string,
    opts: {
      kernels: "default" | "stock";
      options?: Record<string, unknown>;
      onProgress?: (p: RunProgress) => void;
    },
  ): Promise<BrowserAnswer | { end: RunEnd }> {
    const t0 = performance.now();
    const { config } = run;
    if (config.kind !== "train") {
      const reason = "worked examples are computed in Deno only: they train nothing to measure";
      return { end: { status: "skipped", reason, wallS: 0 } };
    }
    const key = config.dataset!.key;
    const missing = await datasetSource(key).unavailableReason();
    if (missing) {
      const reason = `dataset "${key}" is not available here: ${missing}`;
      return { end: { status: "skipped", reason, wallS: 0 } };
    }
    let session: BrowserSession;
    try {
      session = await this.#started();
    } catch (err) {
      const status = err instanceof BrowserUnavailable ? err.status : "failed";
      return { end: { status, reason: (err as Error).message, wallS: 0 } };
    }
    const cores = run.threads !== undefined ? coresFor(run.threads) : undefined;
    const task: PageTask = {
      kind,
      backend: run.backend,
      threads: run.threads,
      kernels: opts.kernels,
      config,
      seed: run.seed,
      data: await session.data(await this.#examples(config)),
      progressMs: PROGRESS_MS,
      options: opts.options,
    };
    const out = await session.run(task, {
      timeoutS: this.timeoutS,
      reportCores: cores?.overridden ? cores.reported : undefined,
      onProgress: opts.onProgress,
    });
    const runtimeInfo = {
      ...session.runtimeInfo(),
      ...(cores ? { cores } : {}),
      ...("runtimeInfo" in out ? out.runtimeInfo : {}),
    };
    return { out, runtimeInfo, wallS: (performance.now() - t0) / 1000 };
  }

  /** Close the session's browser and server (if one started). */
  async close(): Promise<void> {
    const session = this.#session;
    this.#session = null;
    await session?.then((s) => s.close(), () => {});
  }

  #started(): Promise<BrowserSession> {
    this.#session ??= BrowserSession.start(this.entry);
    return this.#session;
  }

  #examples(config: PlannedRun["config"]): Promise<RunData> {
    const key = JSON.stringify(config.dataset);
    if (this.#data?.key !== key) this.#data = { key, data: loadRunData(config) };
    return this.#data.data;
  }
}
