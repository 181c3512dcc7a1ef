/** Hex digests of file contents, to compare with published and recorded checksums. */
import { createHash } from "node:crypto";

/** Hex SHA-256 of `bytes`. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Hex MD5 of `bytes`: only to compare with checksums that were published as MD5. */
export function md5Hex(bytes: Uint8Array): string {
  return createHash("md5").update(bytes).digest("hex");
}
