/**
 * The performance suite: steady-state training throughput, warm-up cost, inference latency,
 * FLOPs and the machine's matmul peak, on every tfjs backend and a PyTorch reference.
 *
 * @module
 */
export { type ModelFlops, modelFlops, TRAIN_FACTOR } from "./flops.ts";
export { matmulGflops } from "./peak.ts";
export { planWindows, type Protocol, PROTOCOLS } from "./protocol.ts";
export { perfJson, perfTable } from "./report.ts";
export { defaultSelection } from "./select.ts";
export { datasetMissing } from "./run_one.ts";
export { type PerfOptions, perfPlan, type PerfSuiteResult, runPerfSuite } from "./perf_suite.ts";
export { Turns, TURNS_ENV } from "./turns.ts";
export { parseSlowdown, slowdownOf, slowdownText } from "./extra_work.ts";
export { measureTorch, pythonPath, torchVersion } from "./torch_runner.ts";
export { PERF_BACKENDS, type PerfBackend, type PerfRow } from "./types.ts";
export { benchRunSeconds, perfRunSeconds } from "./run_cost.ts";
