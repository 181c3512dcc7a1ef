/**
 * Helpers for tests and benchmark tools only (the architecture test keeps production code
 * from importing them): starting a backend, seeded random data, the kernel tests' closeness
 * bar and oracle, the experiments' own models, and data files written by hand.
 *
 * @example
 * ```ts
 * import { randomTensor, requireBackend } from "./mod.ts";
 * await requireBackend("wasm");
 * const x = randomTensor(new Rng(7), [2, 3]);
 * ```
 *
 * @module
 */
export { requireBackend } from "./backend.ts";
export { randomInt, randomTensor, randomValues, type TensorData } from "./random.ts";
export { assertClose } from "./assert_close.ts";
export { kerasMnistCnn } from "./keras_cnn.ts";
export { runCli, withDataDir } from "./temp_data_dir.ts";
export { cifarBytes, gzip, idxBytes, idxImages, idxLabels } from "./data_files.ts";
export {
  captureKernels,
  type KernelInputs,
  runKernelConfig,
  runOnBackend,
  runRegisteredKernel,
} from "./kernel_oracle.ts";
export { webgpuIgnored } from "./webgpu.ts";
