/**
 * The CIFAR-10 binary format (`data_batch_1.bin` .. `data_batch_5.bin`, `test_batch.bin`):
 * records of 1 label byte then 3072 pixel bytes, the 32x32 red plane, then green, then blue.
 */
import { UserError } from "../../core/errors.ts";
import type { Split } from "./types.ts";

/** Bytes per record: 1 label + 3 planes of 32x32. */
const CIFAR10_RECORD_BYTES = 3073;
/** Records in each official batch file. */
export const CIFAR10_RECORDS_PER_FILE = 10000;
const PLANE = 1024;

/**
 * Validate a batch file and return its record count: the length must be a whole number of
 * records (exactly `expectRecords` when given) and every label below 10.
 */
export function checkCifar10Batch(bytes: Uint8Array, file: string, expectRecords?: number): number {
  if (bytes.length === 0 || bytes.length % CIFAR10_RECORD_BYTES !== 0) {
    const whole = Math.floor(bytes.length / CIFAR10_RECORD_BYTES);
    throw new UserError(
      `Cannot read "${file}": ${bytes.length} bytes is not a whole number of ${CIFAR10_RECORD_BYTES}-byte records (${whole} records and ${
        bytes.length - whole * CIFAR10_RECORD_BYTES
      } bytes left over: truncated or corrupted)`,
    );
  }
  const n = bytes.length / CIFAR10_RECORD_BYTES;
  if (expectRecords !== undefined && n !== expectRecords) {
    throw new UserError(
      `Cannot read "${file}": expected ${expectRecords} records (${
        expectRecords * CIFAR10_RECORD_BYTES
      } bytes), got ${n} (${bytes.length} bytes)`,
    );
  }
  for (let i = 0; i < n; i++) {
    const label = bytes[i * CIFAR10_RECORD_BYTES];
    if (label >= 10) {
      throw new UserError(
        `Cannot read "${file}": label "${label}" of record ${i} is not below 10 (corrupted file?)`,
      );
    }
  }
  return n;
}

/**
 * Parse a batch file into NHWC images ([32, 32, 3] each) scaled to [0, 1], with labels.
 *
 * @example
 * ```ts
 * const split = parseCifar10Batch(await Deno.readFile("test_batch.bin"), "test_batch.bin", 10000);
 * // split.x.length === 10000 * 32 * 32 * 3
 * ```
 */
export function parseCifar10Batch(bytes: Uint8Array, file: string, expectRecords?: number): Split {
  const n = checkCifar10Batch(bytes, file, expectRecords);
  const x = new Float32Array(n * 3 * PLANE);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const rec = i * CIFAR10_RECORD_BYTES;
    y[i] = bytes[rec];
    const out = i * 3 * PLANE;
    // Planar RGB in the file, interleaved RGB (channels last) out: tfjs convolutions are NHWC.
    for (let p = 0; p < PLANE; p++) {
      x[out + 3 * p] = bytes[rec + 1 + p] / 255;
      x[out + 3 * p + 1] = bytes[rec + 1 + PLANE + p] / 255;
      x[out + 3 * p + 2] = bytes[rec + 1 + 2 * PLANE + p] / 255;
    }
  }
  return { x, y, n };
}
