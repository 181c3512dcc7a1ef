/** The records the store writes: one interface per table. */

export type RunStatus = "running" | "ok" | "failed" | "skipped" | "unsupported" | "interrupted";

export interface EnvironmentRecord {
  envId: string;
  hostname: string;
  os: string;
  arch: string;
  cpuModel: string;
  cores: number;
  memoryBytes: number;
  deno: string;
  v8: string;
  typescript: string;
  tfjs: string;
  duckdb: string;
  fingerprint: Record<string, unknown>;
}

export interface SuiteRecord {
  suiteId: string;
  kind: string;
  profile: string;
  argv: string[];
  gitCommit: string | null;
  gitDirty: boolean | null;
  envId: string;
  /** The plan the suite ran, and the part of it when split over machines (migration 6). */
  plan?: SuitePlan;
}

/** What a suite records of its plan: its hash and size, and its shard when split. */
export interface SuitePlan {
  /** SHA-256 of the whole plan's run keys and estimated costs (see harness/run/shard/). */
  hash: string;
  /** Runs in the whole plan. */
  runs: number;
  shard: { index: number; count: number; group: string | null; keys: string[] } | null;
}

/** Everything known about a run when it starts. */
export interface RunStart {
  runId: string;
  suiteId: string;
  experimentId: string;
  experimentTitle: string;
  article: string;
  section: string;
  variantOf: string | null;
  dataset: string | null;
  /**
   * Where the run executes: `deno` (the default), or a browser such as `chromium`
   * (harness/core/runtime.ts).
   */
  runtime?: string;
  backend: string;
  seed: number;
  profile: string;
  envId: string;
  config: unknown;
  configHash: string;
  declarationHash: string;
  gitCommit: string | null;
  gitDirty: boolean | null;
}

/** What a run measured when it ends (any field may be missing for a run that failed). */
export interface RunEnd {
  status: Exclude<RunStatus, "running">;
  reason?: string | null;
  wallS?: number;
  datasetProvenance?: string | null;
  backendInfo?: unknown;
  /** What a browser reported about itself (null for Deno, whose versions are the machine's). */
  runtimeInfo?: unknown;
  kernels?: string[];
  trainSamples?: number;
  testSamples?: number;
  testLoss?: number | null;
  testAccuracy?: number | null;
  firstEpochS?: number | null;
  steadySamplesPerS?: number | null;
  latencyB1Ms?: number | null;
  latencyLargeMs?: number | null;
  largeBatch?: number | null;
  peakTensors?: number | null;
  peakBytes?: number | null;
  leakedTensors?: number | null;
  weightsSha256?: string | null;
}

export interface EpochRecord {
  epoch: number;
  loss: number;
  accuracy: number;
  valLoss: number | null;
  valAccuracy: number | null;
  wallS: number;
  samplesPerS: number;
  weightsSha256: string;
}

/** One repeated measurement (a timing window, a latency call), kept raw for statistics. */
export interface Measurement {
  name: string;
  unit: string;
  idx: number;
  value: number;
}

/** A stored run with its epochs, measurements and machine, as the gate and claims read it. */
export interface RunData {
  runId: string;
  suiteId: string;
  suiteKind: string;
  experimentId: string;
  /** Where the run executed (`deno`, `chromium`; absent: Deno). */
  runtime?: string;
  /**
   * The backend as the gate groups it: the backend for a Deno run, `runtime:backend` for a
   * browser's (`chromium:wasm`), so runs of different runtimes are never compared.
   */
  backend: string;
  /** Why this backend may not repeat its bits, when its record documents it (else null). */
  documentedNondeterminism?: string | null;
  seed: number;
  profile: string;
  status: string;
  declarationHash: string;
  configHash: string;
  envId: string;
  /** The fields of the machine fingerprint, to say why two machines differ. */
  env: Record<string, unknown>;
  gitCommit: string | null;
  gitDirty: boolean | null;
  testAccuracy: number | null;
  weightsSha256: string | null;
  epochs: { epoch: number; loss: number | null; weightsSha256: string | null }[];
  /** Raw repeated measurements by name, in index order. */
  measurements: Record<string, number[]>;
}
