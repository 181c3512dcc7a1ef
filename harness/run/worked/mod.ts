/**
 * The articles' worked numeric examples, recomputed with tfjs and compared with the print,
 * and article 004 §3's from-scratch backpropagation checked against tfjs.
 *
 * @example
 * ```ts
 * import { compareScratchWithTfjs, workedExamples } from "./mod.ts";
 * const quantities = await workedExamples["001-scalar-rnn"].compute();
 * const check = await compareScratchWithTfjs();
 * ```
 *
 * @module
 */
export type { WorkedExample, WorkedQuantity } from "./types.ts";
export { workedExamples } from "./registry.ts";
export { parsePrinted, toleranceFromPrinted } from "./printed.ts";
export {
  type Alternative,
  formatValue,
  judgeQuantity,
  matchesPrinted,
  type QuantitySpec,
} from "./verdict.ts";
export { computeSigmoidNet001, SIGMOID_NET_001_NOTES } from "./sigmoid_net_001.ts";
export { computeScalarRnn001, SCALAR_RNN_001_NOTES } from "./scalar_rnn_001.ts";
export { CNN_FLATTEN_003_NOTES, computeCnnFlatten003 } from "./cnn_flatten_003.ts";
export {
  type Activation,
  backwardPropagation,
  forwardPropagation,
  gradientDescentStep,
  halfSquaredError,
  type Layer,
  neuron,
  sigmoid,
} from "./scratch_mlp.ts";
export {
  SCRATCH_004_NOTES,
  SCRATCH_NETWORK_004,
  type ScratchNetwork,
} from "./scratch_network_004.ts";
export {
  compareScratchWithTfjs,
  type Difference,
  difference,
  type ScratchComparison,
} from "./scratch_vs_tfjs.ts";
