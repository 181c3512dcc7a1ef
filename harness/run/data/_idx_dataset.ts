/** The shared shape of MNIST-like datasets: four IDX files, 28x28 grey images, 10 classes. */
import type { FileContent, FileDatasetSpec } from "./file_source.ts";
import { checkIdxPair, idxToSplit, parseIdxImages, parseIdxLabels } from "./idx.ts";

const TRAIN_IMAGES = "train-images-idx3-ubyte";
const TRAIN_LABELS = "train-labels-idx1-ubyte";
const TEST_IMAGES = "t10k-images-idx3-ubyte";
const TEST_LABELS = "t10k-labels-idx1-ubyte";
const ROLES = [TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS];

function pair(contents: Map<string, FileContent>, imagesRole: string, labelsRole: string) {
  const images = contents.get(imagesRole)!;
  const labels = contents.get(labelsRole)!;
  const img = parseIdxImages(images.bytes, images.path);
  const lab = parseIdxLabels(labels.bytes, labels.path);
  checkIdxPair(img, lab, images.path, labels.path);
  return { img, lab, images, labels };
}

function split(contents: Map<string, FileContent>, imagesRole: string, labelsRole: string) {
  const { img, lab, images, labels } = pair(contents, imagesRole, labelsRole);
  return idxToSplit(img, lab, images.path, labels.path);
}

/** A spec for an IDX dataset; the `.gz` name is preferred, the uncompressed one accepted. */
export function idxDatasetSpec(
  options:
    & Omit<
      FileDatasetSpec,
      "files" | "inputShape" | "numClasses" | "validate" | "build" | "downloads"
    >
    & { downloadBases: string[] },
): FileDatasetSpec {
  const { downloadBases, ...rest } = options;
  return {
    ...rest,
    inputShape: [28, 28, 1],
    numClasses: 10,
    files: ROLES.map((role) => ({ role, names: [`${role}.gz`, role] })),
    downloads: ROLES.map((role) => ({
      name: `${role}.gz`,
      urls: downloadBases.map((base) => `${base}${role}.gz`),
    })),
    validate(contents) {
      pair(contents, TRAIN_IMAGES, TRAIN_LABELS);
      pair(contents, TEST_IMAGES, TEST_LABELS);
    },
    build(contents) {
      return {
        trainPool: split(contents, TRAIN_IMAGES, TRAIN_LABELS),
        testPool: split(contents, TEST_IMAGES, TEST_LABELS),
      };
    },
  };
}
