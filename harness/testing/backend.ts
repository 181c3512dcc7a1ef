/**
 * Switching the tfjs backend in a test: through the harness's own `useBackend`, so tests start
 * backends exactly as runs do (same wasm binaries, same production mode), but failing loudly
 * where a run would record the backend as unavailable.
 *
 * @module
 */
import type { BackendName } from "../core/experiment.ts";
import { useBackend } from "../run/backends.ts";

/**
 * Makes `name` the active backend, throwing when it cannot start here.
 *
 * @example
 * ```ts
 * await requireBackend("wasm");
 * ```
 */
export async function requireBackend(name: BackendName): Promise<void> {
  const status = await useBackend(name);
  if (!status.available) {
    throw new Error(`Cannot start the "${name}" tfjs backend: ${status.reason}`);
  }
}
