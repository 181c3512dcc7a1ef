/**
 * Test helper: switch tfjs between the cpu and wasm backends. Importing the wasm package
 * registers the backend; its .wasm files are found next to this file's node_modules.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import { setWasmPaths } from "@tensorflow/tfjs-backend-wasm";
import { repoUrl } from "../core/paths.ts";

setWasmPaths(
  repoUrl("node_modules/@tensorflow/tfjs-backend-wasm/dist/").pathname,
);

/** Makes `name` the current backend, failing loudly when it cannot start. */
export async function useBackend(name: "cpu" | "wasm"): Promise<void> {
  if (!(await tf.setBackend(name))) throw new Error(`Cannot start the "${name}" tfjs backend`);
  await tf.ready();
}
