/// <reference lib="dom" />
/**
 * In the page: starting a tfjs backend and describing what runs underneath it (the wasm
 * build and its threads, the WebGL renderer, the WebGPU adapter), or why it cannot start.
 */
import * as tf from "@tensorflow/tfjs";
import { getThreadsCount, setThreadsCount } from "@tensorflow/tfjs-backend-wasm";
import { oneLine } from "../../../core/errors.ts";
import { noteWebGPUAdapter } from "../../kernels/mod.ts";
import { webglInfo } from "./webgl.ts";

/** A backend that started in the page, or why it did not. */
export type PageBackend =
  | { available: true; info: Record<string, unknown> }
  | { available: false; reason: string };

interface AdapterLike {
  info?: Record<string, unknown>;
  isFallbackAdapter?: boolean;
}

/** The page's WebGPU adapter and what it is, or why there is none. */
async function webgpuAdapter(): Promise<{ info: Record<string, unknown> } | { reason: string }> {
  const gpu = (navigator as unknown as { gpu?: { requestAdapter(): Promise<unknown> } }).gpu;
  if (!gpu) return { reason: "navigator.gpu is undefined: this browser exposes no WebGPU" };
  const adapter = await gpu.requestAdapter().catch(() => null) as AdapterLike | null;
  if (!adapter) {
    return {
      reason:
        "navigator.gpu.requestAdapter() returned null: Chromium offers no WebGPU adapter here (it was launched with --enable-unsafe-webgpu)",
    };
  }
  const i = adapter.info ?? {};
  const text = (k: string) => typeof i[k] === "string" ? i[k] as string : "";
  const fallback = Boolean(adapter.isFallbackAdapter ?? i.isFallbackAdapter);
  const software = fallback ||
    /swiftshader|llvmpipe|lavapipe|software/i.test(
      `${text("architecture")} ${text("description")}`,
    );
  return {
    info: {
      adapter: {
        vendor: text("vendor"),
        architecture: text("architecture"),
        device: text("device"),
        description: text("description"),
      },
      fallback,
      software,
    },
  };
}

/** Whether `name` has started before in this page (tfjs keeps one instance per backend). */
const started = new Set<string>();

/**
 * Start `name` (with `threads` for wasm) and describe it; never throws.
 *
 * @example
 * ```ts
 * const b = await startBackend("wasm", 2);
 * if (b.available) console.log(b.info.threadsCount);
 * ```
 */
export async function startBackend(name: string, threads?: number): Promise<PageBackend> {
  let extra: Record<string, unknown> = {};
  if (name === "webgpu") {
    const adapter = await webgpuAdapter();
    if ("reason" in adapter) return { available: false, reason: adapter.reason };
    extra = adapter.info;
    noteWebGPUAdapter(Boolean(extra.software));
  }
  // tfjs sizes the wasm thread pool once, when the backend first starts.
  if (name === "wasm" && threads !== undefined && !started.has(name)) setThreadsCount(threads);
  try {
    const ok = await tf.setBackend(name);
    await tf.ready();
    if (!ok) return { available: false, reason: `tf.setBackend("${name}") returned false` };
  } catch (err) {
    return { available: false, reason: `backend "${name}" failed to start: ${oneLine(err)}` };
  }
  started.add(name);
  if (name === "wasm") {
    extra = {
      simd: Boolean(await tf.env().getAsync("WASM_HAS_SIMD_SUPPORT")),
      threads: Boolean(await tf.env().getAsync("WASM_HAS_MULTITHREAD_SUPPORT")),
      threadsCount: getThreadsCount(),
      threadsRequested: threads ?? null,
    };
  } else if (name === "webgl") {
    extra = {
      webgl: {
        ...webglInfo(),
        tfWebglVersion: tf.env().get("WEBGL_VERSION"),
        renderFloat32: tf.env().get("WEBGL_RENDER_FLOAT32_ENABLED"),
      },
    };
  }
  const software = Boolean(
    extra.software ?? (extra.webgl as { software?: boolean } | undefined)?.software,
  );
  return {
    available: true,
    info: { name, ...extra, ...(software ? { software } : {}) },
  };
}
