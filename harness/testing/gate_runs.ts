/** Test-only: runs as the gate compares them, and timing windows with no randomness. */
import type { RunData } from "../../results/mod.ts";
import type { PairedResult } from "../gate/timing/mod.ts";

/** The machine fingerprint of {@linkcode gateRun}'s runs. */
export const GATE_ENV = { cpuModel: "AMD EPYC", cores: 2, tfjs: "4.22.0" };

/** 30 windows around 1000 with a fixed +-3% pattern. */
export const WINDOWS: number[] = Array.from(
  { length: 30 },
  (_, i) => 1000 * (1 + 0.03 * Math.sin(i * 1.7)),
);

/** An ok bench run of "mlp" on wasm, seed 1, machine "e1", with `over` applied. */
export function gateRun(over: Partial<RunData> = {}): RunData {
  return {
    runId: crypto.randomUUID(),
    suiteId: "s",
    suiteKind: "bench",
    experimentId: "mlp",
    backend: "wasm",
    seed: 1,
    profile: "quick",
    status: "ok",
    declarationHash: "d1",
    configHash: "c1",
    envId: "e1",
    env: GATE_ENV,
    gitCommit: "abc",
    gitDirty: false,
    testAccuracy: 0.9,
    weightsSha256: "w",
    epochs: [
      { epoch: 1, loss: 1, weightsSha256: "h1" },
      { epoch: 2, loss: 0.5, weightsSha256: "h2" },
    ],
    measurements: {},
    ...over,
  };
}

/**
 * A paired timing's result (`harness/gate/timing/paired.ts`) from the windows of its two sides,
 * both finished, window i of one paired with window i of the other.
 */
export function pairedResult(a: number[], b: number[]): PairedResult {
  const side = (windows: number[]) => ({
    suiteId: "s",
    status: "ok",
    reason: null,
    windows,
    imagesPerS: null,
    batchSize: 32,
    batchesPerWindow: 8,
  });
  return { a: side(a), b: side(b), pairs: a.map((x, i) => [x, b[i]]), batches: 8 };
}
