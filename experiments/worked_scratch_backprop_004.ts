/** From-scratch neuron, forward, backward and gradient descent checked against tfjs (article 004). Computed with tfjs ops on every backend; see harness/run/worked/. */
import type { Experiment } from "../harness/core/experiment.ts";
export default {
  id: "worked-004-scratch-backprop",
  title:
    "From-scratch neuron, forward, backward and gradient descent checked against tfjs (article 004)",
  kind: "worked",
  source: { article: "004_68fccb7cf493f13e.txt", section: "§3" },
  worked: "004-scratch-backprop",
  seeds: [1],
  backends: ["cpu", "wasm", "webgpu"],
} satisfies Experiment;
