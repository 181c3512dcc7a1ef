/// <reference lib="dom" />
/** In the page: what the browser says about itself, stored with every browser run. */
import * as tf from "@tensorflow/tfjs";

/**
 * The browser as the page sees it: user agent, cross-origin isolation (which decides
 * SharedArrayBuffer and so tfjs-wasm's threaded build), the core count it reports (the
 * harness may have raised it; it records that itself), and tfjs's version.
 */
export function pageProvenance(): Record<string, unknown> {
  return {
    userAgent: navigator.userAgent,
    crossOriginIsolated: globalThis.crossOriginIsolated === true,
    sharedArrayBuffer: typeof SharedArrayBuffer === "function",
    hardwareConcurrency: navigator.hardwareConcurrency,
    tfjs: tf.version.tfjs,
  };
}
