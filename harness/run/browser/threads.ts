/**
 * How many threads tfjs-wasm runs in a browser page, and what the page must be told for it.
 *
 * tfjs-backend-wasm 4.22's threaded build sizes its pool as
 * `min(requested, 8, navigator.hardwareConcurrency / 2)`, so an ordinary Chrome on a 2-core
 * machine runs 1 thread whatever the page asks. To give a run the threads asked for, the
 * harness reports more cores to the page (CDP `Emulation.setHardwareConcurrencyOverride`)
 * and records that it did, with the real count (`coresFor`).
 */

/** tfjs-wasm's own ceiling on its pool. */
export const TFJS_MAX_THREADS = 8;

/**
 * The threads of a browser run on `backend`: `requested` (the `--threads` flag) or this
 * machine's cores for wasm (as Deno's wasm trains on as many replicas), capped at tfjs's 8;
 * undefined for backends without threads.
 *
 * @example
 * ```ts
 * resolveThreads("wasm", undefined, 2); // 2
 * resolveThreads("webgl", 4); // undefined
 * ```
 */
export function resolveThreads(
  backend: string,
  requested?: number,
  cores: number = navigator.hardwareConcurrency,
): number | undefined {
  if (backend !== "wasm") return undefined;
  return Math.max(1, Math.min(TFJS_MAX_THREADS, requested ?? cores));
}

/**
 * The core count to report to a page so that tfjs-wasm runs `threads` threads, and whether
 * that differs from the machine's own (the run then records the override).
 *
 * @example
 * ```ts
 * coresFor(2, 2); // { reported: 4, real: 2, overridden: true }
 * coresFor(1, 2); // { reported: 2, real: 2, overridden: false }
 * ```
 */
export function coresFor(
  threads: number,
  real: number = navigator.hardwareConcurrency,
): { reported: number; real: number; overridden: boolean } {
  const needed = 2 * threads;
  return needed > real
    ? { reported: needed, real, overridden: true }
    : { reported: real, real, overridden: false };
}
