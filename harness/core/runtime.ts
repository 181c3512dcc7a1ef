/**
 * Runtimes: where a run's TensorFlow.js executes. `deno` is the harness's own process;
 * `chromium` is a headless Chromium page the harness drives (`harness/run/browser/`). The
 * command line says `--runtime deno,browser`: `browser` names the browser this harness
 * drives, Chromium, and the store records the browser's own name, so a second browser would
 * be a new runtime, not a new meaning of an old one.
 */
import { type BackendName, BACKENDS } from "./experiment.ts";

/** The runtimes a run can be stored with, the harness's own first. */
export const RUNTIMES = ["deno", "chromium"] as const;
export type RuntimeName = typeof RUNTIMES[number];

/** What `--runtime` accepts: the runtimes, and `browser` for the browser driven here. */
export const RUNTIME_WORDS = ["deno", "browser", "chromium"] as const;

/**
 * The backends a browser page offers: tfjs's default browser backend `webgl` besides the
 * three Deno has. Declarations predate the browser and list Deno's; a browser run trains on
 * those plus `webgl`.
 */
export const BROWSER_BACKENDS = ["cpu", "wasm", "webgl", "webgpu"] as const;
export type BrowserBackend = typeof BROWSER_BACKENDS[number];

/** Any backend a run may be stored with. */
export type AnyBackend = BackendName | BrowserBackend;

/** What `--backend` accepts: Deno's backends, then the browser's own. */
export const ANY_BACKENDS: readonly AnyBackend[] = [...BACKENDS, "webgl"];

/**
 * The runtimes named by `--runtime` words, in the order `RUNTIMES` lists them, once each.
 *
 * @example
 * ```ts
 * runtimesOf(["browser", "deno"]); // ["deno", "chromium"]
 * ```
 */
export function runtimesOf(words: readonly string[]): RuntimeName[] {
  const named = new Set(words.map((w) => w === "browser" ? "chromium" : w));
  return RUNTIMES.filter((r) => named.has(r));
}

/**
 * A run's backend as readers group and show it: the backend alone for Deno (as every run was
 * stored before runtimes existed), `runtime:backend` elsewhere, so `wasm` in Deno and
 * `chromium:wasm` never pool. `results/backend_label.ts` says the same in SQL.
 *
 * @example
 * ```ts
 * backendLabel("deno", "wasm"); // "wasm"
 * backendLabel("chromium", "webgl"); // "chromium:webgl"
 * ```
 */
export function backendLabel(runtime: string | null | undefined, backend: string): string {
  return !runtime || runtime === "deno" ? backend : `${runtime}:${backend}`;
}

/** The runtime and backend of a label made by `backendLabel`. */
export function parseBackendLabel(label: string): { runtime: string; backend: string } {
  const i = label.indexOf(":");
  return i < 0
    ? { runtime: "deno", backend: label }
    : { runtime: label.slice(0, i), backend: label.slice(i + 1) };
}

/**
 * The backends a runtime trains an experiment on: the declared (and flag-filtered) ones in
 * Deno; in the browser the declared ones plus `webgl`, filtered by the `--backend` flag when
 * given (which may name `webgl`, the browser's own).
 */
export function runtimeBackends(
  runtime: RuntimeName,
  declared: readonly BackendName[],
  flag?: readonly string[],
): AnyBackend[] {
  if (runtime === "deno") return declared.filter((b) => !flag || flag.includes(b));
  const offered = BROWSER_BACKENDS.filter((b) =>
    b === "webgl" || (declared as readonly string[]).includes(b)
  );
  return offered.filter((b) => !flag || flag.includes(b));
}
