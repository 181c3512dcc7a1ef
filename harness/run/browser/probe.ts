/**
 * What the browser runtime offers on this machine, for `deno task list`: Chromium's version,
 * whether its pages are cross-origin isolated, and each backend started in a page, described
 * or with the reason it does not start.
 */
import { EXIT } from "../../core/exit_codes.ts";
import { BROWSER_BACKENDS } from "../../core/runtime.ts";
import type { PageBackend } from "./page/backend.ts";
import { BrowserSession, BrowserUnavailable } from "./session.ts";
import { coresFor, resolveThreads } from "./threads.ts";

/** The page the probe loads: the training page, whose shell answers `probe` tasks. */
const ENTRY = new URL("./page/train_entry.ts", import.meta.url);

/** The browser runtime here: unavailable with the reason, or its backends. */
export type BrowserProbe =
  | { available: false; reason: string }
  | {
    available: true;
    runtimeInfo: Record<string, unknown>;
    backends: { name: string; status: PageBackend }[];
  };

/**
 * Start Chromium, load a page, start each browser backend in it, and close everything. Ctrl-C
 * meanwhile closes the browser (and its temporary profile) before exiting: Playwright does not
 * (`launch.ts`), and no suite recorder runs here.
 *
 * @example
 * ```ts
 * const probe = await probeBrowser();
 * if (probe.available) console.log(probe.backends.map((b) => b.name));
 * ```
 */
export async function probeBrowser(timeoutS = 120): Promise<BrowserProbe> {
  let session: BrowserSession;
  try {
    session = await BrowserSession.start(ENTRY);
  } catch (err) {
    if (err instanceof BrowserUnavailable) return { available: false, reason: err.message };
    throw err;
  }
  const onSigint = () => void session.close().finally(() => Deno.exit(EXIT.interrupted));
  Deno.addSignalListener("SIGINT", onSigint);
  try {
    const threads = resolveThreads("wasm")!;
    const cores = coresFor(threads);
    const out = await session.run({
      kind: "probe",
      backend: "cpu",
      threads,
      kernels: "default",
      config: null,
      seed: 0,
      data: null,
      progressMs: 1000,
      options: { backends: [...BROWSER_BACKENDS] },
    }, { timeoutS, reportCores: cores.overridden ? cores.reported : undefined });
    if (out.status !== "ok") {
      return { available: false, reason: `the probe page did not answer: ${out.reason}` };
    }
    const found = out.value as Record<string, PageBackend>;
    return {
      available: true,
      runtimeInfo: { ...session.runtimeInfo(), cores, ...out.runtimeInfo },
      backends: BROWSER_BACKENDS.map((name) => ({ name, status: found[name] })),
    };
  } finally {
    Deno.removeSignalListener("SIGINT", onSigint);
    await session.close();
  }
}
