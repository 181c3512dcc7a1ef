/**
 * One task in a fresh page, within a time limit: the page is created, told how many cores
 * to report (for tfjs-wasm's threads), loaded, handed the task, and closed whatever happens.
 * A page that hangs is stopped at its limit, one that crashes (out of memory included) or
 * whose browser dies is reported with the reason: a `failed` reply, never a hang or a throw.
 */
import type { Browser, Page } from "playwright-core";
import type { RunProgress } from "../train.ts";
import { PAGE_GLOBAL, type PageReply, type PageTask, PROGRESS_FUNCTION } from "./protocol.ts";

/** How one page run goes. */
export interface PageRunOptions {
  /** The page's URL (the harness's server). */
  url: string;
  /** Seconds the whole page run may take, loading included. */
  timeoutS: number;
  /** Cores the page reports instead of the machine's (tfjs sizes its wasm pool from them). */
  reportCores?: number;
  onProgress?: (p: RunProgress) => void;
}

/** Harness-side seconds of a page run, outside the page's own timings. */
export interface PageHarnessTimes {
  /** Creating the page and loading the bundle, until the page is ready. */
  setupS: number;
  /** From handing the task over to having the reply. */
  evaluateS: number;
  /** Closing the page. */
  closeS: number;
}

/** A page's reply, or why there is none. */
export type PageOutcome =
  | (PageReply & { harness: PageHarnessTimes })
  | { status: "failed"; reason: string; harness: PageHarnessTimes };

/** How long a page may take to close before the browser is deemed stuck. */
const CLOSE_LIMIT_MS = 10_000;

/**
 * A promise that rejects when `page` crashes or `browser` disconnects, and `stop` to remove
 * its listener from the browser (which outlives the page).
 */
function failureOf(page: Page, browser: Browser): { failed: Promise<never>; stop(): void } {
  let onGone = () => {};
  const failed = new Promise<never>((_, reject) => {
    page.on(
      "crash",
      () => reject(new Error("the page crashed (its renderer died, for instance out of memory)")),
    );
    onGone = () => reject(new Error("the browser exited during the run"));
    browser.on("disconnected", onGone);
  });
  failed.catch(() => {});
  return { failed, stop: () => browser.off("disconnected", onGone) };
}

/** `p`, with its rejection handled even when a race has moved on (no unhandled rejection). */
function quiet<T>(p: Promise<T>): Promise<T> {
  p.catch(() => {});
  return p;
}

/**
 * Run `task` in a new page of `browser`. Returns the page's reply, or a `failed` one with the
 * reason; closes the page in every case (`closed: false` in the result means it could not,
 * and the caller should close the browser).
 *
 * @example
 * ```ts
 * const out = await runInPage(browser, task, { url, timeoutS: 600 });
 * if (out.status === "failed") console.log(out.reason);
 * ```
 */
export async function runInPage(
  browser: Browser,
  task: PageTask,
  opts: PageRunOptions,
): Promise<PageOutcome & { closed: boolean }> {
  const times: PageHarnessTimes = { setupS: 0, evaluateS: 0, closeS: 0 };
  const t0 = performance.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = quiet(
    new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(new Error(`the run exceeded its ${opts.timeoutS} s limit (--browser-timeout)`)),
        opts.timeoutS * 1000,
      );
    }),
  );
  let page: Page | null = null;
  let stop = () => {};
  try {
    page = await Promise.race([quiet(browser.newPage()), limit]);
    const watch = failureOf(page, browser);
    const failed = watch.failed;
    stop = watch.stop;
    // A script error while the bundle loads would otherwise wait for the time limit.
    const loadError = quiet(
      new Promise<never>((_, reject) =>
        page!.on("pageerror", (e) => reject(new Error(`the page failed to load: ${e.message}`)))
      ),
    );
    if (opts.reportCores !== undefined) {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send("Emulation.setHardwareConcurrencyOverride", {
        hardwareConcurrency: opts.reportCores,
      });
    }
    await page.exposeFunction(PROGRESS_FUNCTION, (p: RunProgress) => opts.onProgress?.(p));
    await Promise.race([quiet(page.goto(opts.url)), failed, limit, loadError]);
    const ready = quiet(
      page.waitForFunction((g) => (globalThis as Record<string, unknown>)[g], PAGE_GLOBAL),
    );
    await Promise.race([ready, failed, limit, loadError]);
    times.setupS = (performance.now() - t0) / 1000;
    const t1 = performance.now();
    // Typed as unknown: playwright's argument types recurse too deep on a ResolvedConfig.
    const arg: unknown = { task, name: PAGE_GLOBAL };
    const run = quiet(
      page.evaluate(
        // deno-lint-ignore no-explicit-any
        (a: any) => (globalThis as any)[a.name].run(a.task),
        arg,
      ) as Promise<PageReply>,
    );
    const reply = await Promise.race([run, failed, limit]);
    times.evaluateS = (performance.now() - t1) / 1000;
    return { ...reply, harness: times, closed: await close(page, times) };
  } catch (err) {
    const reason = (err instanceof Error ? err.message : String(err)).split("\n")[0];
    const closed = page ? await close(page, times) : true;
    return { status: "failed", reason, harness: times, closed };
  } finally {
    clearTimeout(timer);
    stop();
  }
}

/** Close `page` (even one whose script spins forever); false when it would not close. */
async function close(page: Page, times: PageHarnessTimes): Promise<boolean> {
  const t0 = performance.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stuck = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), CLOSE_LIMIT_MS);
  });
  try {
    return await Promise.race([
      page.close({ runBeforeUnload: false }).then(() => true, () => page.isClosed()),
      stuck,
    ]);
  } finally {
    clearTimeout(timer);
    times.closeS = (performance.now() - t0) / 1000;
  }
}
