/** What every dataset source provides, whatever its file format. */

/** Examples laid out flat: `x` holds `n` inputs of `inputShape`, `y` their class labels. */
export interface Split {
  x: Float32Array;
  y: Int32Array;
  n: number;
}

/** A dataset in memory, loaded once per process. */
export interface LoadedDataset {
  key: string;
  inputShape: number[];
  numClasses: number;
  /** The pool training and validation examples are drawn from. */
  trainPool: Split;
  /** The pool test examples are drawn from; never used for training. */
  testPool: Split;
  /** Where the data came from (package and version, or file and SHA-256). */
  provenance: string;
}

/** A registered dataset: described without loading, loaded on demand. */
export interface DatasetSource {
  key: string;
  title: string;
  description: string;
  inputShape: number[];
  numClasses: number;
  /** Set when this data stands in for another task's data (shown beside every result). */
  substituteFor?: string;
  /** `null` when the data is here; otherwise why not, and how to get it. */
  unavailableReason(): Promise<string | null>;
  load(): Promise<LoadedDataset>;
}
