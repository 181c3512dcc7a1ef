/**
 * A browser session: what a suite's browser runs share, started on its first browser run and
 * closed when the suite ends (or on Ctrl-C, through the suite's recorder). It holds the
 * page's bundle, the 127.0.0.1 server the page loads from, and one headless Chromium, which
 * is started again if it dies. Each run gets a fresh page (`run_page.ts`).
 */
import type { Browser } from "playwright-core";
import type { RunData } from "../train_setup.ts";
import { pageApp } from "./app.ts";
import { Blobs } from "./blobs.ts";
import { type Bundle, bundlePage } from "./bundle.ts";
import { CHROMIUM_FLAGS, findChromium, launchChromium, NO_CHROMIUM } from "./launch.ts";
import type { DataRef, PageTask } from "./protocol.ts";
import { type PageOutcome, type PageRunOptions, runInPage } from "./run_page.ts";

/** A session that could not start: why (no Chromium, a bundle that failed). */
export class BrowserUnavailable extends Error {
  override name = "BrowserUnavailable";
  constructor(message: string, readonly status: "skipped" | "failed") {
    super(message);
  }
}

/** Progress and the core count to report, for one page run. */
export type RunOptions = Omit<PageRunOptions, "url">;

/** One suite's browser; create with `BrowserSession.start`, end with `close`. */
export class BrowserSession {
  /** The browser, from the moment its launch starts (so closing waits for a launch under way). */
  #browser: Promise<Browser> | null = null;
  #version = "";
  /** The close, once asked for: every caller waits for the same one. */
  #closing: Promise<void> | null = null;

  private constructor(
    readonly executable: string,
    readonly bundle: Bundle,
    readonly url: string,
    readonly server: Deno.HttpServer,
    readonly blobs: Blobs,
  ) {}

  /**
   * Bundle `entry`, serve it and find Chromium. Throws `BrowserUnavailable` (skipped) where
   * there is no Chromium, (failed) where the page cannot be bundled.
   *
   * @example
   * ```ts
   * const session = await BrowserSession.start(new URL("./page/train_entry.ts", import.meta.url));
   * try {
   *   const out = await session.run(task, { timeoutS: 600 });
   * } finally {
   *   await session.close();
   * }
   * ```
   */
  static async start(entry: URL): Promise<BrowserSession> {
    const executable = await findChromium();
    if (!executable) throw new BrowserUnavailable(NO_CHROMIUM, "skipped");
    let bundle: Bundle;
    try {
      bundle = await bundlePage(entry);
    } catch (err) {
      throw new BrowserUnavailable(
        `could not bundle the page: ${(err as Error).message}`,
        "failed",
      );
    }
    const blobs = new Blobs();
    const app = pageApp({ bundle: () => Promise.resolve(bundle.code), blob: (n) => blobs.get(n) });
    const { promise, resolve } = Promise.withResolvers<Deno.NetAddr>();
    const server = Deno.serve({
      hostname: "127.0.0.1",
      port: 0,
      onListen: (addr) => resolve(addr as Deno.NetAddr),
    }, app.fetch);
    const addr = await promise;
    return new BrowserSession(executable, bundle, `http://127.0.0.1:${addr.port}/`, server, blobs);
  }

  /** Register a run's examples for the page to fetch. */
  data(data: RunData): Promise<DataRef> {
    return this.blobs.register(data);
  }

  /** Run `task` in a fresh page (see `runInPage`); never throws. */
  async run(task: PageTask, opts: RunOptions): Promise<PageOutcome> {
    let browser: Browser;
    try {
      browser = await this.#launched();
    } catch (err) {
      const harness = { setupS: 0, evaluateS: 0, closeS: 0 };
      return {
        status: "failed",
        reason: `Chromium did not start: ${(err as Error).message}`,
        harness,
      };
    }
    const { closed, ...outcome } = await runInPage(browser, task, { ...opts, url: this.url });
    // A page that would not close leaves its renderer busy: start over with a new browser.
    if (!closed) await this.#closeBrowser();
    return outcome;
  }

  /** What every run of this session records about the browser (with the page's own). */
  runtimeInfo(): Record<string, unknown> {
    return {
      name: "chromium",
      version: this.#version,
      executable: this.executable,
      flags: CHROMIUM_FLAGS,
      bundleSha256: this.bundle.sha256,
    };
  }

  /**
   * Close the browser and the server. Safe to call more than once, and from a Ctrl-C handler
   * while a run is under way: every call resolves when the one close has ended.
   */
  close(): Promise<void> {
    return this.#closing ??= (async () => {
      await this.#closeBrowser();
      await this.server.shutdown().catch(() => {});
    })();
  }

  async #launched(): Promise<Browser> {
    if (this.#closing) throw new Error("the browser session is closed");
    const running = await this.#browser?.catch(() => null);
    if (running?.isConnected()) return running;
    this.#browser = launchChromium(this.executable);
    const browser = await this.#browser;
    this.#version = browser.version();
    return browser;
  }

  async #closeBrowser(): Promise<void> {
    const launched = this.#browser;
    this.#browser = null;
    const b = await launched?.catch(() => null);
    await b?.close().catch(() => {});
  }
}
