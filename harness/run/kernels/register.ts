/**
 * Installs the training kernels a backend lacks or runs slowly, and can put
 * the stock ones back. Kernels live in tfjs-core's global registry, so this is
 * process-wide state; both directions are idempotent.
 */
import {
  getKernel,
  type KernelConfig,
  registerKernel,
  unregisterKernel,
} from "@tensorflow/tfjs-core";
import { conv2dBackpropFilterConfig } from "./conv2d_backprop_filter.ts";
import { conv2dBackpropInputConfig } from "./conv2d_backprop_input.ts";
import { batchMatMulConfig } from "./batch_mat_mul.ts";
import { identityConfig } from "./identity.ts";
import { maxPoolGradConfig } from "./max_pool_grad.ts";
import { sumConfig } from "./sum.ts";
import { unsortedSegmentSumConfig } from "./unsorted_segment_sum.ts";
import { webgpuConv2dConfig, webgpuFusedConv2dConfig } from "./webgpu_conv2d.ts";
import { webgpuBatchMatMulConfig, webgpuFusedMatMulConfig } from "./webgpu_matmul.ts";
import { disableFusedAdam, enableFusedAdam } from "./adam.ts";

interface Provider {
  kernelName: string;
  /**
   * Per backend that needs it (missing, or stock too slow to train with): a
   * short tag for how it is computed, the third part of a provided name.
   */
  methods: Readonly<Record<string, string>>;
  make(backendName: string, stock: KernelConfig | undefined): KernelConfig;
}

/** The stock kernel a wrapper falls back to; only called where the backend has one. */
function required(stock: KernelConfig | undefined, name: string, backend: string): KernelConfig {
  if (stock == null) throw new Error(`Kernel "${name}" has no stock version on "${backend}"`);
  return stock;
}

// webgpu registers all of these natively; on a software adapter its convolutions are
// replaced (see `noteWebGPUAdapter`), on a hardware GPU it needs none.
const PROVIDERS: readonly Provider[] = [
  {
    kernelName: "Conv2D",
    methods: { webgpu: "direct" },
    make: (b, stock) => webgpuConv2dConfig(required(stock, "Conv2D", b)),
  },
  {
    kernelName: "FusedConv2D",
    methods: { webgpu: "direct" },
    make: (b, stock) => webgpuFusedConv2dConfig(required(stock, "FusedConv2D", b)),
  },
  {
    kernelName: "Conv2DBackpropFilter",
    methods: { wasm: "matmul", cpu: "conv2d", webgpu: "conv2d" },
    make: (b) => conv2dBackpropFilterConfig(b),
  },
  {
    kernelName: "Conv2DBackpropInput",
    methods: { wasm: "matmul", cpu: "conv2d", webgpu: "conv2d" },
    make: (b, stock) => conv2dBackpropInputConfig(b, stock),
  },
  {
    kernelName: "MaxPoolGrad",
    methods: { wasm: "simd-argmax", cpu: "js-argmax" },
    make: (b) => maxPoolGradConfig(b),
  },
  {
    kernelName: "Sum",
    methods: { wasm: "simd-rows" },
    make: (b, stock) => sumConfig(b, required(stock, "Sum", b)),
  },
  {
    kernelName: "BatchMatMul",
    methods: { wasm: "transpose-first", webgpu: "direct" },
    make: (b, stock) =>
      b === "webgpu"
        ? webgpuBatchMatMulConfig(required(stock, "BatchMatMul", b))
        : batchMatMulConfig(b, required(stock, "BatchMatMul", b)),
  },
  {
    kernelName: "_FusedMatMul",
    methods: { webgpu: "direct" },
    make: (b, stock) => webgpuFusedMatMulConfig(required(stock, "_FusedMatMul", b)),
  },
  {
    kernelName: "Identity",
    methods: { wasm: "share" },
    make: (b, stock) => identityConfig(b, required(stock, "Identity", b)),
  },
  {
    kernelName: "UnsortedSegmentSum",
    methods: { wasm: "js-scatter", cpu: "js-scatter" },
    make: (b) => unsortedSegmentSumConfig(b),
  },
];

/**
 * Backends whose Adam update runs in one pass per variable (`adam.ts`): not a kernel, but
 * installed, recorded and undone with them. The bits are tfjs's own.
 */
const FUSED_ADAM: Readonly<Record<string, string>> = {
  wasm: "Adam@wasm:simd",
  cpu: "Adam@cpu:js",
};

/**
 * Whether webgpu runs on a software adapter (Mesa's lavapipe), noted when the backend is
 * probed. lavapipe runs shaders on the CPU and is slow at tfjs's tiled convolutions (their
 * workgroup barriers), so there the convolutions go through this folder's direct shader; on
 * a hardware GPU the stock tiled shaders are the fast ones and nothing is replaced.
 */
let webgpuSoftware = false;

/** Records what kind of adapter webgpu has here; `registerTrainingKernels("webgpu")` reads it. */
export function noteWebGPUAdapter(software: boolean): void {
  webgpuSoftware = software;
}

/** Calls of each of our kernels since the last `takeKernelUses()`, by provided name. */
const uses = new Map<string, number>();

/**
 * The kernels of ours that ran since the last call (each with its call count), and a reset:
 * a run records the kernels it actually used, not every kernel registered.
 */
export function takeKernelUses(): { kernel: string; calls: number }[] {
  const out = [...uses].map(([kernel, calls]) => ({ kernel, calls }));
  uses.clear();
  return out;
}

/** Ours and the stock config it displaced (undefined when the backend had none). */
const installed = new Map<string, { ours: KernelConfig; stock?: KernelConfig }>();

function providedName(p: Provider, backend: string): string {
  return `${p.kernelName}@${backend}:${p.methods[backend]}`;
}

/**
 * Registers this folder's gradient kernels for `backend`, replacing stock ones
 * where those are slow. Returns what it provides, one `Kernel@backend:method`
 * string each (e.g. `"Conv2DBackpropFilter@wasm:matmul"`, or
 * `"Conv2DBackpropInput@webgpu:conv2d"`), the same list on
 * every call; `[]` for backends that need nothing (webgpu on a hardware GPU) or are unknown.
 *
 * @example
 * ```ts
 * import * as tf from "@tensorflow/tfjs";
 * import { registerTrainingKernels } from "./mod.ts";
 * const provided = registerTrainingKernels("wasm");
 * await tf.setBackend("wasm");
 * ```
 */
export function registerTrainingKernels(backend: string): string[] {
  const provided: string[] = [];
  if (backend === "webgpu" && !webgpuSoftware) return provided;
  for (const p of PROVIDERS) {
    if (!(backend in p.methods)) continue;
    provided.push(providedName(p, backend));
    const key = `${p.kernelName}@${backend}`;
    const current = getKernel(p.kernelName, backend);
    const mine = installed.get(key);
    if (mine != null && current === mine.ours) continue;
    // Whatever is registered now (stock, or someone else's) is what we displace.
    if (current != null) unregisterKernel(p.kernelName, backend);
    let ours = p.make(backend, current);
    // A wrapper that falls back to the stock kernel needs the stock setup (wasm
    // binds its C functions there), which only runs for registered configs.
    if (ours.setupFunc == null && current?.setupFunc != null) {
      ours = { ...ours, setupFunc: current.setupFunc };
    }
    const name = providedName(p, backend), run = ours.kernelFunc;
    ours = {
      ...ours,
      kernelFunc: (args) => (uses.set(name, (uses.get(name) ?? 0) + 1), run(args)),
    };
    registerKernel(ours);
    installed.set(key, { ours, stock: current });
  }
  const adam = FUSED_ADAM[backend];
  if (adam != null) {
    enableFusedAdam(backend, (b) => {
      const name = FUSED_ADAM[b];
      uses.set(name, (uses.get(name) ?? 0) + 1);
    });
    provided.push(adam);
  }
  return provided;
}

/**
 * Undoes `registerTrainingKernels(backend)`: puts back each displaced stock
 * kernel, or leaves the kernel missing where the backend had none, so a run can
 * be measured (or reported unsupported) with stock tfjs. Returns the names removed.
 */
export function restoreStockKernels(backend: string): string[] {
  const removed: string[] = [];
  for (const p of PROVIDERS) {
    const key = `${p.kernelName}@${backend}`;
    const mine = installed.get(key);
    if (mine == null) continue;
    installed.delete(key);
    if (getKernel(p.kernelName, backend) !== mine.ours) continue;
    unregisterKernel(p.kernelName, backend);
    if (mine.stock != null) registerKernel(mine.stock);
    removed.push(providedName(p, backend));
  }
  if (FUSED_ADAM[backend] != null && disableFusedAdam(backend)) removed.push(FUSED_ADAM[backend]);
  return removed;
}
