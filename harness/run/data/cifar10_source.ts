/** CIFAR-10 (50,000 training and 10,000 test colour images, 10 classes), binary version. */
import { fileDatasetSource, type FileDatasetSpec } from "./file_source.ts";
import { checkCifar10Batch, CIFAR10_RECORDS_PER_FILE, parseCifar10Batch } from "./cifar10.ts";
import { CIFAR10_CHECKSUMS } from "./checksums.ts";
import type { Split } from "./types.ts";

const TRAIN = [1, 2, 3, 4, 5].map((i) => `data_batch_${i}.bin`);
const TEST = "test_batch.bin";

function concat(splits: Split[]): Split {
  const n = splits.reduce((a, s) => a + s.n, 0);
  const x = new Float32Array(splits.reduce((a, s) => a + s.x.length, 0));
  const y = new Int32Array(n);
  let xo = 0, yo = 0;
  for (const s of splits) {
    x.set(s.x, xo);
    y.set(s.y, yo);
    xo += s.x.length;
    yo += s.n;
  }
  return { x, y, n };
}

/**
 * A CIFAR-10 spec. Each file must hold the official 10,000 records unless `anyRecordCount`
 * (for tests with small files) accepts any whole number of records.
 */
export function cifar10Spec(options: { anyRecordCount?: boolean } = {}): FileDatasetSpec {
  const recordsPerFile = options.anyRecordCount ? undefined : CIFAR10_RECORDS_PER_FILE;
  return {
    key: "cifar10",
    title: "CIFAR-10 (50k train / 10k test)",
    description:
      "The official CIFAR-10 binary batches: data_batch_1..5 as the training pool, test_batch as the test pool",
    inputShape: [32, 32, 3],
    numClasses: 10,
    files: [...TRAIN, TEST].map((role) => ({ role, names: [role] })),
    systemDirs: [],
    checksums: CIFAR10_CHECKSUMS,
    downloads: [{
      name: "cifar-10-binary.tar.gz",
      urls: ["https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz"],
    }],
    validate(contents) {
      for (const { path, bytes } of contents.values()) {
        checkCifar10Batch(bytes, path, recordsPerFile);
      }
    },
    build(contents) {
      const parse = (role: string) => {
        const { path, bytes } = contents.get(role)!;
        return parseCifar10Batch(bytes, path, recordsPerFile);
      };
      return { trainPool: concat(TRAIN.map(parse)), testPool: parse(TEST) };
    },
  };
}

/** Registry entry for CIFAR-10. */
export const cifar10 = fileDatasetSource(cifar10Spec());
