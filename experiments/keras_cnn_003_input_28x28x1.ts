/**
 * Corrected variant of `keras-cnn-64x64-003` (article 003 §5.2/§5.4): one change, the input
 * shape (64, 64, 3) becomes (28, 28, 1) so MNIST digits fit. Everything else is as printed.
 */
import type { Experiment } from "../harness/core/experiment.ts";
import asWritten from "./keras_cnn_64x64_003.ts";

export default {
  ...asWritten,
  id: "keras-cnn-003-input-28x28x1",
  title: "Keras CNN with input corrected to 28x28x1, on MNIST (article 003)",
  variant: {
    of: "keras-cnn-64x64-003",
    change: "input_shape=(64, 64, 3) -> input_shape=(28, 28, 1), the shape of MNIST digits",
  },
  model: { ...asWritten.model, inputShape: [28, 28, 1] },
} satisfies Experiment;
