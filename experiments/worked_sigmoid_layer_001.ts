/** Worked example: a 3-input/3-output sigmoid layer's outputs, loss and gradients (article 001). Computed with tfjs ops on every backend; see harness/run/worked/. */
import type { Experiment } from "../harness/core/experiment.ts";
export default {
  id: "worked-001-backprop-sigmoid-layer",
  title:
    "Worked example: a 3-input/3-output sigmoid layer's outputs, loss and gradients (article 001)",
  kind: "worked",
  source: { article: "001_179a9fe10dcb763e.txt", section: "§4.1.3" },
  worked: "001-backprop-sigmoid-layer",
  seeds: [1],
  backends: ["cpu", "wasm", "webgpu"],
} satisfies Experiment;
