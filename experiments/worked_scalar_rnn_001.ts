/** Worked example: a scalar RNN's hidden state, output, loss and gradients (article 001). Computed with tfjs ops on every backend; see harness/run/worked/. */
import type { Experiment } from "../harness/core/experiment.ts";
export default {
  id: "worked-001-scalar-rnn",
  title: "Worked example: a scalar RNN's hidden state, output, loss and gradients (article 001)",
  kind: "worked",
  source: { article: "001_179a9fe10dcb763e.txt", section: "§4.2.3" },
  worked: "001-scalar-rnn",
  seeds: [1],
  backends: ["cpu", "wasm", "webgpu"],
} satisfies Experiment;
