/**
 * How the gate times: the mode chosen for a check (paired when the baseline's code is reachable,
 * else stored), the processes it runs (one protocol), the sequential loop over process pairs and
 * the rows each mode writes. The method: `../METHOD.md`.
 *
 * @module
 */
export * from "./child_runs.ts";
export * from "./git_probe.ts";
export * from "./paired.ts";
export * from "./paired_source.ts";
export * from "./paired_targets.ts";
export * from "./processes.ts";
export * from "./sequential_gate.ts";
export * from "./sequential_rows.ts";
export * from "./stored_candidate.ts";
export * from "./stored_rows.ts";
export * from "./stored_timing.ts";
export * from "./timing_mode.ts";
export * from "./timing_plan.ts";
export * from "./worktree.ts";
