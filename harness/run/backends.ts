/**
 * Starting TensorFlow.js backends and describing what runs underneath each one.
 * A backend that cannot start here is reported with the reason; it never crashes the suite.
 */
import * as tf from "@tensorflow/tfjs";
import { setWasmPaths } from "@tensorflow/tfjs-backend-wasm";
import "@tensorflow/tfjs-backend-webgpu";
import { fileURLToPath } from "node:url";
import { type BackendName, BACKENDS } from "../core/experiment.ts";
import { oneLine } from "../core/errors.ts";
import { noteWebGPUAdapter } from "./kernels/mod.ts";
import { repoUrl } from "../core/paths.ts";
// On import, tfjs's console chatter is held unless --verbose.
import { quietTfjs } from "./quiet_tfjs.ts";

/** The wasm binaries, located explicitly so nothing depends on the working directory. */
const WASM_DIR = fileURLToPath(
  repoUrl("node_modules/@tensorflow/tfjs-backend-wasm/dist/"),
);
setWasmPaths(WASM_DIR.endsWith("/") ? WASM_DIR : WASM_DIR + "/");

/**
 * On a headless machine (CI, cron, ssh without a desktop session) XDG_RUNTIME_DIR is unset,
 * and libwayland-client, which the Vulkan driver loads for window surfaces, prints "error:
 * XDG_RUNTIME_DIR is invalid or not set in the environment" on every adapter request while it
 * looks for a Wayland display. An absolute WAYLAND_DISPLAY is used as is, so naming a socket
 * that cannot exist makes that lookup fail quietly, as on any machine without Wayland, with no
 * directory to create (one temporary directory per process used to be made and left behind).
 */
function quietHeadlessWayland(): void {
  if (Deno.env.get("XDG_RUNTIME_DIR") || Deno.env.get("WAYLAND_DISPLAY")?.startsWith("/")) return;
  Deno.env.set("WAYLAND_DISPLAY", "/dev/null/no-wayland-display");
}
// At import: any tfjs call made before a backend is chosen may start webgpu, the highest
// priority backend, and request an adapter.
quietHeadlessWayland();

/** What the harness records about a backend it ran on. */
export interface BackendInfo {
  name: BackendName;
  /** wasm: whether SIMD and threads are in use. */
  simd?: boolean;
  threads?: boolean;
  threadsCount?: number;
  /** webgpu: the adapter behind it. */
  adapter?: { vendor: string; architecture: string; device: string; description: string };
  /** webgpu: true for a software adapter such as Mesa's llvmpipe (lavapipe). */
  software?: boolean;
  /** Data-parallel training replicas the run used (harness/run/parallel/), set per run. */
  replicas?: number;
}

/** A backend that started, or the reason it could not. */
export type BackendStatus =
  | { available: true; info: BackendInfo }
  | { available: false; reason: string };

const statusCache = new Map<BackendName, Promise<BackendStatus>>();

async function adapterInfo(): Promise<BackendInfo["adapter"] & { fallback: boolean } | null> {
  const gpu = (navigator as { gpu?: GPU }).gpu;
  if (!gpu) return null;
  const adapter = await gpu.requestAdapter();
  if (!adapter) return null;
  const info = adapter.info;
  return {
    vendor: info.vendor,
    architecture: info.architecture,
    device: info.device,
    description: info.description,
    fallback: Boolean(
      (adapter as unknown as { isFallbackAdapter?: boolean }).isFallbackAdapter ??
        (info as unknown as { isFallbackAdapter?: boolean }).isFallbackAdapter,
    ),
  };
}

async function probe(name: BackendName): Promise<BackendStatus> {
  if (name === "webgpu") {
    const adapter = await adapterInfo().catch(() => null);
    if (!adapter) {
      return {
        available: false,
        reason:
          "no WebGPU adapter (navigator.gpu.requestAdapter() returned null); on Linux without a GPU install mesa-vulkan-drivers and libvulkan1 for a software adapter",
      };
    }
    const { fallback, ...rest } = adapter;
    const software = fallback ||
      /llvmpipe|lavapipe|swiftshader|software/i.test(adapter.description);
    noteWebGPUAdapter(software);
    const started = await start(name);
    return started ?? { available: true, info: { name, adapter: rest, software } };
  }
  const started = await start(name);
  if (started) return started;
  if (name === "wasm") {
    return {
      available: true,
      info: {
        name,
        simd: Boolean(await tf.env().getAsync("WASM_HAS_SIMD_SUPPORT")),
        threads: Boolean(await tf.env().getAsync("WASM_HAS_MULTITHREAD_SUPPORT")),
      },
    };
  }
  return { available: true, info: { name } };
}

async function start(name: BackendName): Promise<BackendStatus | null> {
  try {
    const ok = await tf.setBackend(name);
    await tf.ready();
    if (!ok) return { available: false, reason: `tf.setBackend("${name}") returned false` };
    return null;
  } catch (err) {
    return { available: false, reason: `backend "${name}" failed to start: ${oneLine(err)}` };
  }
}

/** Whether a backend can run here, and what it runs on (cached per process). */
export function backendStatus(name: BackendName): Promise<BackendStatus> {
  let p = statusCache.get(name);
  if (!p) {
    p = probe(name);
    statusCache.set(name, p);
  }
  return p;
}

/** Switch to a backend for a run; returns its info or the reason it is unavailable. */
export async function useBackend(name: BackendName): Promise<BackendStatus> {
  quietTfjs();
  const status = await backendStatus(name);
  if (!status.available) return status;
  if (tf.getBackend() !== name) await tf.setBackend(name);
  await tf.ready();
  return status;
}

/** Every backend and its status, in the canonical order. */
export async function allBackends(): Promise<Array<{ name: BackendName; status: BackendStatus }>> {
  const out = [];
  for (const name of BACKENDS) out.push({ name, status: await backendStatus(name) });
  return out;
}
