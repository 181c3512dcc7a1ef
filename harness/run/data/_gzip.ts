/** Files that may be gzip-compressed: detected by magic number, decompressed in memory. */
import { UserError } from "../../core/errors.ts";

/** Whether `bytes` starts with the gzip magic number 1f 8b. */
function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Decompress gzip data; `file` names the source in the error for corrupt data. */
async function gunzip(bytes: Uint8Array, file: string): Promise<Uint8Array> {
  try {
    const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream()
      .pipeThrough(new DecompressionStream("gzip"));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new UserError(`Cannot decompress "${file}": corrupted or truncated gzip data (${why})`);
  }
}

/** The content of a file that may or may not be gzip-compressed (detected by magic number). */
export function maybeGunzip(bytes: Uint8Array, file: string): Promise<Uint8Array> {
  return isGzip(bytes) ? gunzip(bytes, file) : Promise.resolve(bytes);
}
