/**
 * TensorFlow.js's console chatter, held unless diagnostics are on: the banner asking Node users
 * to install tfjs-node (which cannot install here), "Orthogonal initializer ... Slowness may
 * result", platform notices. Only tfjs-core is imported, so a process (or `deno test`, which
 * preloads this) pays for nothing else.
 */
import { env } from "@tensorflow/tfjs-core";
import { holdLibraryConsole, isVerbose } from "../core/diagnostics.ts";

/** Where tfjs's own code lives: its console calls come from files under these folders. */
export const TFJS_PATH = /\/@tensorflow\/tfjs[\w-]*\//;

/**
 * Hold tfjs's console output unless diagnostics are on (`--verbose`), and set tfjs's
 * production flag to match: in tfjs 4.22 that flag is read only before printing (its own
 * notices), so it changes no computation and weights are the same either way.
 *
 * @example
 * ```ts
 * quietTfjs(); // again after setVerbose(), to follow it
 * ```
 */
export function quietTfjs(): void {
  holdLibraryConsole("tfjs", TFJS_PATH);
  env().set("PROD", !isVerbose());
}

quietTfjs();
