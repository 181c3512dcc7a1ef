/** Byte-level helpers shared by the file formats: hashing and gzip. Private to this folder. */
import { createHash } from "node:crypto";
import { UserError } from "../../core/errors.ts";

/** Hex SHA-256 of `bytes`. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Hex MD5 of `bytes`: only to compare with checksums that were published as MD5. */
export function md5Hex(bytes: Uint8Array): string {
  return createHash("md5").update(bytes).digest("hex");
}

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
