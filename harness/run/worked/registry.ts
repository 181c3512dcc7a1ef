/**
 * Every worked numeric example found in the articles, by key.
 *
 * Articles 000 and 002 print no worked example in §4 (000 §4 is prose; 002 §4 gives model
 * formulas without numbers, and its §5.4 results are training outcomes, not arithmetic), and
 * 004 prints none either: its §3 procedure is checked by `compareScratchWithTfjs` instead.
 *
 * @module
 */
import type { WorkedExample } from "./types.ts";
import { computeSigmoidNet001, SIGMOID_NET_001_NOTES } from "./sigmoid_net_001.ts";
import { computeScalarRnn001, SCALAR_RNN_001_NOTES } from "./scalar_rnn_001.ts";
import { CNN_FLATTEN_003_NOTES, computeCnnFlatten003 } from "./cnn_flatten_003.ts";

/**
 * The registry of worked examples.
 *
 * @example
 * ```ts
 * for (const example of Object.values(workedExamples)) {
 *   const quantities = await example.compute();
 *   console.log(example.id, quantities.filter((q) => q.reproduced).length, "/", quantities.length);
 * }
 * ```
 */
export const workedExamples: Record<string, WorkedExample> = {
  "001-backprop-sigmoid-layer": {
    id: "001-backprop-sigmoid-layer",
    article: "001_179a9fe10dcb763e",
    section: "§4.1.3 Example",
    title: "Backpropagation through a 3-input, 3-output sigmoid layer",
    compute: computeSigmoidNet001,
    notes: SIGMOID_NET_001_NOTES,
  },
  "001-scalar-rnn": {
    id: "001-scalar-rnn",
    article: "001_179a9fe10dcb763e",
    section: "§4.2.3 Example",
    title: "Hidden state, output, loss and gradients of a scalar RNN",
    compute: computeScalarRnn001,
    notes: SCALAR_RNN_001_NOTES,
  },
  "003-simplecnn-flatten": {
    id: "003-simplecnn-flatten",
    article: "003_a60c65a3d8152cd8",
    section: "§4.3",
    title: "SimpleCNN's flattened feature count (320)",
    compute: computeCnnFlatten003,
    notes: CNN_FLATTEN_003_NOTES,
  },
};
