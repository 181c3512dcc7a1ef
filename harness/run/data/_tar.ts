/**
 * A minimal reader for tar archives (POSIX ustar and GNU tar, with GNU long names and pax
 * `path` records), enough to read the files of `cifar-10-binary.tar.gz`. Private to this folder.
 */
import { UserError } from "../../core/errors.ts";

const BLOCK = 512;
const ascii = new TextDecoder("latin1");
const utf8 = new TextDecoder();

function field(header: Uint8Array, start: number, length: number): string {
  const raw = header.subarray(start, start + length);
  const end = raw.indexOf(0);
  return ascii.decode(end < 0 ? raw : raw.subarray(0, end));
}

function octal(header: Uint8Array, start: number, length: number, archive: string): number {
  if (header[start] & 0x80) {
    // GNU base-256 for sizes of 8 GiB and more: big-endian in the remaining bytes.
    let n = 0;
    for (let i = start + 1; i < start + length; i++) n = n * 256 + header[i];
    return n;
  }
  const text = field(header, start, length).trim();
  if (!/^[0-7]*$/.test(text)) {
    throw new UserError(`Cannot read "${archive}": bad number "${text}" in a tar header`);
  }
  return text === "" ? 0 : parseInt(text, 8);
}

function checkHeader(header: Uint8Array, offset: number, archive: string): void {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : header[i];
  if (sum !== octal(header, 148, 8, archive)) {
    throw new UserError(
      `Cannot read "${archive}": bad tar header checksum at byte ${offset} (corrupted or not a tar archive)`,
    );
  }
}

function paxPath(data: Uint8Array): string | undefined {
  for (const record of utf8.decode(data).split("\n")) {
    const m = /^\d+ path=(.*)$/.exec(record);
    if (m) return m[1];
  }
  return undefined;
}

/**
 * The regular files of an (uncompressed) tar archive, by their path inside it. The contents
 * are views into `bytes`, not copies.
 *
 * @example
 * ```ts
 * const files = readTar(await Deno.readFile("archive.tar"), "archive.tar");
 * // files.get("cifar-10-batches-bin/test_batch.bin")
 * ```
 */
export function readTar(bytes: Uint8Array, archive: string): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  let nextName: string | undefined;
  for (let offset = 0; offset + BLOCK <= bytes.length;) {
    const header = bytes.subarray(offset, offset + BLOCK);
    if (header.every((b) => b === 0)) return files;
    checkHeader(header, offset, archive);
    const size = octal(header, 124, 12, archive);
    const type = String.fromCharCode(header[156] || 0x30);
    const start = offset + BLOCK;
    if (start + size > bytes.length) {
      throw new UserError(
        `Cannot read "${archive}": truncated, an entry needs ${size} bytes at byte ${start}, the archive has ${bytes.length}`,
      );
    }
    const data = bytes.subarray(start, start + size);
    const prefix = field(header, 345, 155);
    const name = nextName ??
      (prefix ? `${prefix}/${field(header, 0, 100)}` : field(header, 0, 100));
    nextName = undefined;
    if (type === "L") nextName = ascii.decode(data).replace(/\0+$/, "");
    else if (type === "x") nextName = paxPath(data);
    else if (type === "0" || type === "7") files.set(name, data);
    offset = start + Math.ceil(size / BLOCK) * BLOCK;
  }
  if (bytes.length === 0) throw new UserError(`Cannot read "${archive}": the archive is empty`);
  return files;
}
