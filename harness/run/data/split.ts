/** Deterministic, stratified slices of a dataset's pools. */
import type { LoadedDataset, Split } from "./types.ts";
import { UserError } from "../../core/errors.ts";

/**
 * Order indices so that classes alternate (round-robin over classes, each class in pool
 * order): any prefix of the order is as balanced as the classes allow. No randomness.
 */
export function stratifiedOrder(labels: Int32Array, numClasses: number): Int32Array {
  const byClass: number[][] = Array.from({ length: numClasses }, () => []);
  labels.forEach((label, i) => byClass[label].push(i));
  const out = new Int32Array(labels.length);
  let k = 0;
  for (let round = 0; k < labels.length; round++) {
    for (const members of byClass) if (round < members.length) out[k++] = members[round];
  }
  return out;
}

/** Copy the examples at `indices` into a new split. */
function gather(split: Split, indices: ArrayLike<number>, inputSize: number): Split {
  const x = new Float32Array(indices.length * inputSize);
  const y = new Int32Array(indices.length);
  for (let i = 0; i < indices.length; i++) {
    const j = indices[i];
    x.set(split.x.subarray(j * inputSize, (j + 1) * inputSize), i * inputSize);
    y[i] = split.y[j];
  }
  return { x, y, n: indices.length };
}

/** Training, validation and test slices of the sizes an experiment asks for. */
export interface Slices {
  train: Split;
  validation: Split;
  test: Split;
}

/**
 * Take `train` then `validation` examples from the training pool and `test` from the test
 * pool, each a stratified prefix, so a smaller profile sees a balanced subset.
 */
export function takeSlices(
  ds: LoadedDataset,
  sizes: { train: number; validation: number; test: number },
): Slices {
  const inputSize = ds.inputShape.reduce((a, b) => a * b, 1);
  if (sizes.train + sizes.validation > ds.trainPool.n) {
    throw new UserError(
      `Dataset "${ds.key}" has ${ds.trainPool.n} training examples, asked for ${sizes.train} train + ${sizes.validation} validation`,
    );
  }
  if (sizes.test > ds.testPool.n) {
    throw new UserError(
      `Dataset "${ds.key}" has ${ds.testPool.n} test examples, asked for ${sizes.test}`,
    );
  }
  const order = stratifiedOrder(ds.trainPool.y, ds.numClasses);
  const testOrder = stratifiedOrder(ds.testPool.y, ds.numClasses);
  return {
    train: gather(ds.trainPool, order.subarray(0, sizes.train), inputSize),
    validation: gather(
      ds.trainPool,
      order.subarray(sizes.train, sizes.train + sizes.validation),
      inputSize,
    ),
    test: gather(ds.testPool, testOrder.subarray(0, sizes.test), inputSize),
  };
}
