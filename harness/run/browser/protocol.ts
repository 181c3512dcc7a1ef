/**
 * What the harness and a page say to each other: the task a page runs, the data it fetches,
 * and its reply. Plain data both ways (playwright serializes it, NaN included); imported by
 * the Deno side and bundled into the page alike, so it imports nothing.
 */

/** One blob of examples the page fetches from `/data/<name>`, and its SHA-256. */
export interface BlobRef {
  name: string;
  sha256: string;
}

/** A run's examples as the page fetches them: each slice's `x` (float32) and `y` (int32). */
export interface DataRef {
  key: string;
  inputShape: number[];
  numClasses: number;
  provenance: string;
  blobs: Record<`${"train" | "validation" | "test"}${"X" | "Y"}`, BlobRef>;
}

/** What a page is asked to do. */
export interface PageTask {
  /** Which of the page's handlers runs it (`train`, `perf`, `probe`). */
  kind: string;
  backend: string;
  /** tfjs-wasm threads to ask for (wasm only). */
  threads?: number;
  kernels: "default" | "stock";
  /** The resolved configuration (typed loosely: playwright's argument types recurse too deep). */
  config: unknown;
  seed: number;
  data: DataRef | null;
  /** The fewest milliseconds between two progress events the page sends. */
  progressMs: number;
  /** Handler-specific options (the perf protocol, whether to measure the peak). */
  options?: Record<string, unknown>;
}

/** Seconds the page spent on each part of a task, measured in the page. */
export interface PageTimings {
  /** Starting the backend (wasm: fetching and compiling its build). */
  backendS: number;
  /** Fetching the examples and checking their hashes. */
  dataS: number;
  /** The handler itself (the training run or perf measurement). */
  taskS: number;
  /** Inside the progress sender (messaging the harness), and how many events it sent. */
  progressS: number;
  progressEvents: number;
}

/** What a page answers: a result, a backend it does not have, or an error it caught. */
export type PageReply =
  | {
    status: "ok";
    value: unknown;
    backendInfo: Record<string, unknown>;
    runtimeInfo: Record<string, unknown>;
    /** The project's kernels the task called, with call counts. */
    kernels: string[];
    timings: PageTimings;
  }
  | { status: "unavailable"; reason: string; runtimeInfo: Record<string, unknown> }
  | {
    status: "error";
    reason: string;
    backendInfo: Record<string, unknown> | null;
    runtimeInfo: Record<string, unknown>;
    kernels: string[];
  };

/** The name the page calls to report progress (installed by the harness). */
export const PROGRESS_FUNCTION = "__reprobenchProgress";
/** The global the page's bundle installs its entry points under once it has loaded. */
export const PAGE_GLOBAL = "__reprobench";
