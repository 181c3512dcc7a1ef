/**
 * Corrected variant of `pytorch-cnn-cifar10-002` (article 002 §5.2): one change, the flatten
 * `x.view(-1, 64 * 8 * 8)` becomes `x.view(-1, 64 * 6 * 6)` (fc1 2304 -> 10), the size the
 * two conv/pool stages produce on 32x32 images. Everything else is as printed.
 */
import type { Experiment } from "../harness/core/experiment.ts";
import asWritten from "./pytorch_cnn_cifar10_002.ts";
import { IMAGE_RESULTS_002 } from "./_claims_002.ts";

export default {
  ...asWritten,
  id: "pytorch-cnn-cifar10-002-flatten-2304",
  title: "PyTorch CIFAR-10 CNN, flatten corrected to 64*6*6 (article 002)",
  variant: {
    of: "pytorch-cnn-cifar10-002",
    change:
      "x.view(-1, 64 * 8 * 8) -> x.view(-1, 64 * 6 * 6): fc1 takes the 2304 features the conv/pool stages make",
  },
  model: {
    ...asWritten.model,
    layers: asWritten.model.layers.map((l) =>
      l.type === "reshape" ? { type: "reshape", targetShape: [2304] } : l
    ),
  },
  gaps: asWritten.gaps.filter((g) => g.field !== "model.layers (view)"),
  claims: IMAGE_RESULTS_002,
} satisfies Experiment;
