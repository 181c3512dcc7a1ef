/** Compare a file's bytes with the known checksums. Private to this folder. */
import { UserError } from "../../core/errors.ts";
import { md5Hex, sha256Hex } from "./_digest.ts";
import type { KnownArchive, KnownFile } from "./checksums.ts";

/** What a file was checked against, as recorded in the manifest and provenance. */
export type Verification = string;

/** Result for a file that no known checksum covers. */
export const UNVERIFIED = "unverified (no known checksum)";

/**
 * Check one file. `raw` is the file as stored, `content` its decompressed content (the same
 * array when it is not compressed). Returns how it was verified; throws a UserError naming
 * `path` when a known checksum disagrees.
 */
export function verifyFile(
  path: string,
  name: string,
  raw: Uint8Array,
  content: Uint8Array,
  known: KnownFile | undefined,
  rawSha256 = sha256Hex(raw),
): Verification {
  if (!known) return UNVERIFIED;
  const pub = known.published;
  if (pub && pub.name === name) {
    if (pub.sha256 && rawSha256 === pub.sha256) return "published SHA-256";
    if (!pub.sha256 && pub.md5 && md5Hex(raw) === pub.md5) return "published MD5";
  }
  if (known.contentSha256) {
    const contentSha256 = content === raw ? rawSha256 : sha256Hex(content);
    if (contentSha256 === known.contentSha256) {
      return content === raw ? "known SHA-256" : "known SHA-256 of the decompressed content";
    }
    throw new UserError(
      `Checksum mismatch for "${path}": content SHA-256 is ${contentSha256}, expected ${known.contentSha256}`,
    );
  }
  if (pub && pub.name === name) {
    const [algo, expected, actual] = pub.sha256
      ? ["SHA-256", pub.sha256, rawSha256]
      : ["MD5", pub.md5, md5Hex(raw)];
    throw new UserError(
      `Checksum mismatch for "${path}": ${algo} is ${actual}, published ${expected}`,
    );
  }
  return UNVERIFIED;
}

/** Check an archive against its published checksums (SHA-256 preferred over MD5). */
export function verifyArchive(
  path: string,
  raw: Uint8Array,
  known: KnownArchive | undefined,
): Verification {
  if (!known) return UNVERIFIED;
  if (known.sha256) {
    const actual = sha256Hex(raw);
    if (actual === known.sha256) return "published SHA-256";
    throw new UserError(
      `Checksum mismatch for "${path}": SHA-256 is ${actual}, published ${known.sha256}`,
    );
  }
  if (known.md5) {
    const actual = md5Hex(raw);
    if (actual === known.md5) return "published MD5";
    throw new UserError(
      `Checksum mismatch for "${path}": MD5 is ${actual}, published ${known.md5}`,
    );
  }
  return UNVERIFIED;
}
