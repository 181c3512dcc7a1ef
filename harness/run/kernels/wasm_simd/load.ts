/**
 * The SIMD kernels of `kernels.wat`, instantiated on a tfjs wasm backend's own
 * memory: they read and write tensors where the backend keeps them, with no copies.
 * Each backend instance (the main thread's, each Worker replica's) gets its own
 * instance, made on first use.
 */
import type { KernelContext } from "../_run.ts";
import { KERNELS_WASM_BASE64 } from "./_bytes.ts";
import { KERNELS_SHARED_WASM_BASE64 } from "./_bytes_shared.ts";
import { decodeBase64 } from "./_base64.ts";

/**
 * A window geometry over an NHWC grid, as the kernels take it after their
 * pointers: the input grid, the output grid, the window, its strides and the
 * padding before the first row and column.
 */
export type Geometry = [
  n: number,
  h: number,
  w: number,
  c: number,
  ho: number,
  wo: number,
  fh: number,
  fw: number,
  sh: number,
  sw: number,
  top: number,
  left: number,
];

/** The exports of `kernels.wat`; pointers are byte offsets into the backend's memory. */
export interface SimdKernels {
  maxPoolGrad(x: number, dy: number, dx: number, ...geometry: Geometry): void;
  col2im(cols: number, dx: number, ...geometry: Geometry): void;
  im2col(cols: number, x: number, ...geometry: Geometry): void;
  transpose(src: number, dst: number, rows: number, cols: number): void;
  sumRows(x: number, acc: number, out: number, m: number, c: number): void;
  adam(
    w: number,
    g: number,
    m: number,
    v: number,
    nw: number,
    nm: number,
    nv: number,
    n: number,
    b1: number,
    b2: number,
    c1: number,
    c2: number,
    om1: number,
    om2: number,
    eps: number,
    negLr: number,
  ): void;
}

/** What this module needs of the tfjs wasm backend (its Emscripten module). */
interface WasmBackendLike {
  // The single-threaded builds export their memory (`asm.memory`); the threaded build
  // imports a shared one, which Emscripten keeps as `Module.wasmMemory`.
  wasm?: { asm?: { memory?: unknown }; wasmMemory?: unknown };
}

const compiled = new Map<boolean, WebAssembly.Module>();
const instances = new WeakMap<WebAssembly.Memory, SimdKernels>();

/** The backend's linear memory, or null when `ctx` is not the tfjs wasm backend. */
function memoryOf(ctx: KernelContext): WebAssembly.Memory | null {
  const wasm = (ctx.backend as unknown as WasmBackendLike).wasm;
  const memory = wasm?.asm?.memory ?? wasm?.wasmMemory;
  return memory instanceof WebAssembly.Memory ? memory : null;
}

/**
 * The kernels' module for a memory: the build whose import is declared shared when the
 * memory is (tfjs-wasm's threaded build, in a cross-origin isolated page), else the plain one.
 */
function moduleFor(memory: WebAssembly.Memory): WebAssembly.Module {
  const shared = typeof SharedArrayBuffer !== "undefined" &&
    memory.buffer instanceof SharedArrayBuffer;
  let module = compiled.get(shared);
  if (module == null) {
    const base64 = shared ? KERNELS_SHARED_WASM_BASE64 : KERNELS_WASM_BASE64;
    module = new WebAssembly.Module(decodeBase64(base64));
    compiled.set(shared, module);
  }
  return module;
}

/**
 * The SIMD kernels bound to the wasm backend of `ctx`.
 *
 * @example
 * ```ts
 * import * as tf from "@tensorflow/tfjs";
 * import { contextOf } from "../_run.ts";
 * const kernels = simdKernels(contextOf(tf.backend(), "wasm"));
 * ```
 */
export function simdKernels(ctx: KernelContext): SimdKernels {
  const memory = memoryOf(ctx);
  if (memory == null) {
    throw new TypeError(`SIMD kernels need the tfjs wasm backend, not "${ctx.backendName}"`);
  }
  let kernels = instances.get(memory);
  if (kernels == null) {
    const instance = new WebAssembly.Instance(moduleFor(memory), { env: { memory } });
    kernels = instance.exports as unknown as SimdKernels;
    instances.set(memory, kernels);
  }
  return kernels;
}
