/** Fashion-MNIST (Zalando; 60,000 training and 10,000 test images of clothing), IDX files. */
import { fileDatasetSource } from "./file_source.ts";
import { idxDatasetSpec } from "./_idx_dataset.ts";
import { FASHION_MNIST_CHECKSUMS } from "./checksums.ts";

/** Where Debian's package `dataset-fashion-mnist` installs the upstream files. */
export const FASHION_MNIST_SYSTEM_DIR = "/usr/share/datasets/fashion-mnist";

/** Where Fashion-MNIST is found, how it is verified and parsed. */
export const fashionMnistSpec = idxDatasetSpec({
  key: "fashion-mnist",
  title: "Fashion-MNIST (60k train / 10k test)",
  description:
    "Zalando's Fashion-MNIST IDX files (found in the data directory or Debian's dataset-fashion-mnist)",
  systemDirs: [FASHION_MNIST_SYSTEM_DIR],
  checksums: FASHION_MNIST_CHECKSUMS,
  installHint: "apt-get install dataset-fashion-mnist",
  downloadBases: ["http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/"],
});

/** Registry entry for Fashion-MNIST. */
export const fashionMnist = fileDatasetSource(fashionMnistSpec);
