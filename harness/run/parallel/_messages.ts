/** The messages between the main thread and a replica worker (plain, cloneable data). */
import type { BackendName, ModelSpec, TrainingSpec } from "../../core/experiment.ts";
import type { HeldMessage } from "../../core/diagnostics.ts";

/** Start a replica: its backend, kernels, the run's model and the replica's dropout seed. */
export interface InitMessage {
  type: "init";
  backend: BackendName;
  kernels: "default" | "stock";
  model: ModelSpec;
  training: TrainingSpec;
  seed: number;
}

/** One step: the main model's current weights (`model.weights` order) and this shard. */
export interface StepMessage {
  type: "step";
  weights: Float32Array[];
  x: Float32Array;
  xShape: number[];
  y: Float32Array;
  yShape: number[];
}

export type ToReplica = InitMessage | StepMessage;

/**
 * A replica's reply. `held`: the diagnostics the worker held since its last reply, counted by
 * the main thread with its own (the note at the end of a command counts both).
 */
export type FromReplica =
  & (
    | { type: "ready" }
    | { type: "step"; loss: number; metrics: number[]; grads: Float32Array[] }
    | { type: "error"; message: string }
  )
  & { held?: HeldMessage[] };
