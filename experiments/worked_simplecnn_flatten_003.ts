/** Worked example: SimpleCNN's flattened feature count 320 (article 003). Computed with tfjs ops on every backend; see harness/run/worked/. */
import type { Experiment } from "../harness/core/experiment.ts";
export default {
  id: "worked-003-simplecnn-flatten",
  title: "Worked example: SimpleCNN's flattened feature count 320 (article 003)",
  kind: "worked",
  source: { article: "003_a60c65a3d8152cd8.txt", section: "§4.3" },
  worked: "003-simplecnn-flatten",
  seeds: [1],
  backends: ["cpu", "wasm", "webgpu"],
} satisfies Experiment;
