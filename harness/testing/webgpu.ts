/**
 * Where the webgpu kernel tests run: on a software adapter only (CI installs Mesa's lavapipe),
 * whose results are the same on every machine. Elsewhere they are reported as ignored.
 *
 * @module
 */
import { backendStatus } from "../run/backends.ts";

/**
 * True when the webgpu tests of `what` must be ignored here; says why on stderr.
 *
 * @example
 * ```ts
 * const ignore = await webgpuIgnored("webgpu matmul tests");
 * Deno.test({ name: "...", ignore, fn() {} });
 * ```
 */
export async function webgpuIgnored(what: string): Promise<boolean> {
  const status = await backendStatus("webgpu");
  if (status.available && status.info.software === true) return false;
  console.warn(
    `${what} ignored: ${status.available ? "the adapter is a hardware GPU" : status.reason}`,
  );
  return true;
}
