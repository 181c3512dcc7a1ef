/**
 * The IDX format of MNIST and Fashion-MNIST: a big-endian header (magic 0x00000803 for
 * images, 0x00000801 for labels; the third byte 0x08 means unsigned bytes, the fourth the
 * number of dimensions), one uint32 per dimension, then the bytes in row-major order.
 */
import { UserError } from "../../core/errors.ts";
import type { Split } from "./types.ts";

/** Magic number of an IDX file of unsigned bytes with 3 dimensions (images). */
const IDX_IMAGES_MAGIC = 0x00000803;
/** Magic number of an IDX file of unsigned bytes with 1 dimension (labels). */
const IDX_LABELS_MAGIC = 0x00000801;

/** An IDX array: its dimensions and its bytes (a view into the file, not a copy). */
export interface IdxArray {
  dims: number[];
  data: Uint8Array;
}

const hex = (n: number) => `0x${n.toString(16).padStart(8, "0")}`;

/**
 * Parse an (uncompressed) IDX file, checking the magic number and that the byte length is
 * exactly what the header announces.
 *
 * @example
 * ```ts
 * const labels = parseIdx(new Uint8Array([0, 0, 8, 1, 0, 0, 0, 2, 7, 3]), "l.idx", IDX_LABELS_MAGIC);
 * // labels.dims = [2], labels.data = [7, 3]
 * ```
 */
function parseIdx(bytes: Uint8Array, file: string, expectedMagic: number): IdxArray {
  const expectedDims = expectedMagic & 0xff;
  const headerBytes = 4 + 4 * expectedDims;
  if (bytes.length < 4) {
    throw new UserError(`Cannot read "${file}": ${bytes.length} bytes is too short for IDX`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = view.getUint32(0, false);
  if (magic !== expectedMagic) {
    throw new UserError(
      `Cannot read "${file}": magic number ${hex(magic)} is not ${hex(expectedMagic)} (${
        expectedDims === 3 ? "IDX images" : "IDX labels"
      })`,
    );
  }
  if (bytes.length < headerBytes) {
    throw new UserError(
      `Cannot read "${file}": truncated header, expected ${headerBytes} bytes, got ${bytes.length}`,
    );
  }
  const dims = Array.from({ length: expectedDims }, (_, i) => view.getUint32(4 + 4 * i, false));
  const expected = headerBytes + dims.reduce((a, b) => a * b, 1);
  if (bytes.length !== expected) {
    throw new UserError(
      `Cannot read "${file}": header says ${
        dims.join("x")
      } so expected ${expected} bytes, got ${bytes.length} (${
        bytes.length < expected ? "truncated" : "trailing data"
      })`,
    );
  }
  return { dims, data: bytes.subarray(headerBytes) };
}

/** Parse an IDX label file and check every label is below `numClasses`. */
export function parseIdxLabels(bytes: Uint8Array, file: string, numClasses = 10): IdxArray {
  const labels = parseIdx(bytes, file, IDX_LABELS_MAGIC);
  const bad = labels.data.findIndex((label) => label >= numClasses);
  if (bad >= 0) {
    throw new UserError(
      `Cannot read "${file}": label "${
        labels.data[bad]
      }" at index ${bad} is not below ${numClasses}`,
    );
  }
  return labels;
}

/** Parse an IDX image file ([n, rows, cols] unsigned bytes). */
export function parseIdxImages(bytes: Uint8Array, file: string): IdxArray {
  return parseIdx(bytes, file, IDX_IMAGES_MAGIC);
}

/** Check that an image file and a label file describe the same number of examples. */
export function checkIdxPair(
  images: IdxArray,
  labels: IdxArray,
  imagesFile: string,
  labelsFile: string,
): void {
  if (images.dims[0] !== labels.dims[0]) {
    throw new UserError(
      `"${imagesFile}" has ${images.dims[0]} images but "${labelsFile}" has ${
        labels.dims[0]
      } labels`,
    );
  }
}

/** Images scaled to [0, 1] (divided by 255) with their labels, as a split. */
export function idxToSplit(
  images: IdxArray,
  labels: IdxArray,
  imagesFile: string,
  labelsFile: string,
): Split {
  checkIdxPair(images, labels, imagesFile, labelsFile);
  const x = new Float32Array(images.data.length);
  for (let i = 0; i < x.length; i++) x[i] = images.data[i] / 255;
  return { x, y: Int32Array.from(labels.data), n: labels.dims[0] };
}
