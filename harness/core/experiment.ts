/**
 * The shape of an experiment declaration: plain, JSON-serializable data, one file per
 * experiment under `experiments/`. Validated by `validate.ts`; resolved by `config.ts`.
 */

/** A JSON value: everything a declaration may contain. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The TensorFlow.js backends the harness knows. */
export const BACKENDS = ["cpu", "wasm", "webgpu"] as const;
export type BackendName = typeof BACKENDS[number];

/** Profiles: `quick` is small and fast (CI, first look); `full` is the article's own setting. */
export const PROFILES = ["quick", "full"] as const;
export type ProfileName = typeof PROFILES[number];

/** One layer of a sequential model, named by layer type, with its options as data. */
export interface LayerSpec {
  type: string;
  /** `undefined` is an option left out (TypeScript's reading of mixed layers in one list). */
  [option: string]: Json | undefined;
}

/** A model named by registry key, built by `models/`. */
export interface ModelSpec {
  key: string;
  inputShape: number[];
  layers: LayerSpec[];
}

export interface OptimizerSpec {
  name: "adam" | "sgd" | "rmsprop" | "adagrad";
  learningRate: number;
  momentum?: number;
  beta1?: number;
  beta2?: number;
  epsilon?: number;
}

export interface TrainingSpec {
  optimizer: OptimizerSpec;
  loss: "categoricalCrossentropy" | "sparseCategoricalCrossentropy" | "meanSquaredError";
  epochs: number;
  batchSize: number;
  /** Shuffle the training set each epoch with the run's own seeded generator. */
  shuffle: boolean;
}

export interface DatasetSpec {
  key: string;
  /** Number of training examples, from the dataset's training pool. */
  train: number;
  /** Validation examples: the next ones from the training pool, disjoint from `train`. */
  validation: number;
  test: number;
}

/** What a profile may change. */
export interface Overrides {
  dataset?: Partial<Omit<DatasetSpec, "key">>;
  training?: Partial<Pick<TrainingSpec, "epochs" | "batchSize">>;
  seeds?: number[];
}

/** A value the article leaves out, the value chosen, and why. */
export interface Gap {
  field: string;
  chosen: string;
  why: string;
}

export const CLAIM_KINDS = ["at_least", "at_most", "approximately", "qualitative"] as const;
export type ClaimKind = typeof CLAIM_KINDS[number];

/** A number (or statement) the article prints about a result. */
export interface Claim {
  id: string;
  /** The measured metric the claim is about, e.g. `test_accuracy`. */
  metric: string;
  /** The text as the article prints it, e.g. "98.5%" or "high accuracy". */
  printed: string;
  kind: ClaimKind;
  /** The printed value as a number on the metric's scale (0.985 for "98.5%"). */
  value?: number;
  /** For `approximately`: the half-width of the band that counts as a match. */
  tolerance?: number;
  /** For `qualitative`: how the words are read as a number, written down. */
  interpretation?: string;
  /** Where the article prints it: section and a short quote. */
  where: string;
  /** Set when the claim cannot be checked here, with the reason. */
  notCheckable?: string;
}

/** A declared experiment. */
export interface Experiment {
  id: string;
  title: string;
  kind: "train" | "worked";
  source: { article: string; section: string };
  /** For a corrected variant: the as-written experiment it corrects and the one change it makes. */
  variant?: { of: string; change: string };
  /** Values the article leaves out and what was chosen. */
  gaps?: Gap[];
  dataset?: DatasetSpec;
  model?: ModelSpec;
  training?: TrainingSpec;
  /** For `kind: "worked"`: the key of the worked example in `harness/run/worked/`. */
  worked?: string;
  seeds: number[];
  backends: BackendName[];
  profiles?: Partial<Record<ProfileName, Overrides>>;
  claims?: Claim[];
  /** Largest drop in mean test accuracy the regression gate accepts. */
  tolerance?: { accuracy?: number };
}
