/** Full MNIST (60,000 training and 10,000 test digits) from the official IDX files. */
import { fileDatasetSource } from "./file_source.ts";
import { idxDatasetSpec } from "./_idx_dataset.ts";
import { MNIST_CHECKSUMS } from "./checksums.ts";

/** Where MNIST is found, how it is verified and parsed. */
export const mnistSpec = idxDatasetSpec({
  key: "mnist",
  title: "MNIST (full, 60k train / 10k test)",
  description:
    "The official MNIST IDX files: train-* as the training pool, t10k-* as the test pool",
  systemDirs: [],
  checksums: MNIST_CHECKSUMS,
  downloadBases: [
    "https://storage.googleapis.com/cvdf-datasets/mnist/",
    "https://ossci-datasets.s3.amazonaws.com/mnist/",
  ],
});

/** Registry entry for full MNIST. */
export const mnist = fileDatasetSource(mnistSpec);
