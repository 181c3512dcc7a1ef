/** Byte builders for tests: small IDX and CIFAR-10 files written by hand. Test-only. */

/** An IDX file: big-endian magic and dims, then `data`. */
export function idxBytes(magic: number, dims: number[], data: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(4 + 4 * dims.length + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, magic, false);
  dims.forEach((d, i) => view.setUint32(4 + 4 * i, d, false));
  out.set(data, 4 + 4 * dims.length);
  return out;
}

/** `n` images of rows x cols with pixel (i, r, c) = (7 * i + 3 * r + c) % 256. */
export function idxImages(n: number, rows = 28, cols = 28): Uint8Array {
  const data = new Uint8Array(n * rows * cols);
  for (let i = 0; i < n; i++) {
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) data[(i * rows + r) * cols + c] = (7 * i + 3 * r + c) % 256;
    }
  }
  return idxBytes(0x803, [n, rows, cols], data);
}

/** A label file holding `labels`. */
export function idxLabels(labels: number[]): Uint8Array {
  return idxBytes(0x801, [labels.length], labels);
}

/** Gzip `bytes` with the platform's CompressionStream. */
export async function gzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream()
    .pipeThrough(new CompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** CIFAR-10 records: record i has label labels[i], channel k pixel p = (i + 5 * k + p) % 256. */
export function cifarBytes(labels: number[]): Uint8Array {
  const out = new Uint8Array(labels.length * 3073);
  labels.forEach((label, i) => {
    out[i * 3073] = label;
    for (let k = 0; k < 3; k++) {
      for (let p = 0; p < 1024; p++) out[i * 3073 + 1 + k * 1024 + p] = (i + 5 * k + p) % 256;
    }
  });
  return out;
}
