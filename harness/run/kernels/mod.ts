/**
 * Training kernels for TensorFlow.js 4.22 backends in Deno: the gradients wasm
 * lacks (Conv2DBackpropFilter, UnsortedSegmentSum) and fast replacements for
 * the ones wasm and cpu run slowly (Conv2DBackpropInput, MaxPoolGrad, cpu's
 * Conv2DBackpropFilter; on wasm also the bias-gradient Sum, transposed
 * BatchMatMul and Identity's copy); on webgpu with a software adapter, direct
 * convolution shaders in place of the tiled ones lavapipe runs slowly. On cpu
 * and wasm, Adam's update also runs in one pass per variable (`adam.ts`).
 *
 * @module
 */
export {
  noteWebGPUAdapter,
  registerTrainingKernels,
  restoreStockKernels,
  takeKernelUses,
} from "./register.ts";
export {
  missingKernelFromError,
  missingKernels,
  TRAINING_KERNELS_BY_LAYER,
  trainingKernelsFor,
} from "./missing.ts";
