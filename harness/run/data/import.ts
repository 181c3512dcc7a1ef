/**
 * `data import KEY PATH`: copy a dataset's files from a local folder or archive into the data
 * directory, verifying known checksums and parsing every file before anything is written.
 */
import { basename, join, resolve } from "node:path";
import { UserError } from "../../core/errors.ts";
import { sha256Hex } from "./_digest.ts";
import { maybeGunzip } from "./_gzip.ts";
import { contentsByRole, type FileDatasetSpec, type ReadFile } from "./file_source.ts";
import { readTar } from "./_tar.ts";
import { UNVERIFIED, verifyArchive, verifyFile } from "./_verify.ts";
import { datasetDir } from "./data_dir.ts";
import { type ManifestFile, recordImport } from "./manifest.ts";

/** Options of an import. */
export interface ImportOptions {
  /** Record the computed hashes without comparing them with the known ones. */
  skipChecksums?: boolean;
  /** Refuse any file that no known checksum covers (used for downloads). */
  requireKnown?: boolean;
  /** What to record as the source in the manifest (default: the resolved `path`). */
  importedFrom?: string;
}

/** What an import wrote. */
export interface ImportResult {
  key: string;
  dir: string;
  files: (ManifestFile & { name: string })[];
}

interface Candidate {
  path: string;
  read(): Promise<Uint8Array>;
  /** Set for a member of an archive: how the archive was verified. */
  fromArchive?: string;
}

const ARCHIVE = /\.(tar|tar\.gz|tgz)$/;
const SKIPPED = "unverified (checksums skipped on import)";

async function walk(dir: string, depth: number, out: string[]): Promise<void> {
  for await (const entry of Deno.readDir(dir)) {
    const path = join(dir, entry.name);
    const isFile = entry.isFile ||
      (entry.isSymlink && (await Deno.stat(path).then((s) => s.isFile, () => false)));
    if (isFile) out.push(path);
    else if (entry.isDirectory && depth > 0) await walk(path, depth - 1, out);
  }
}

async function openArchive(
  spec: FileDatasetSpec,
  path: string,
  opts: ImportOptions,
): Promise<Map<string, Candidate>> {
  const raw = await Deno.readFile(path);
  const known = spec.checksums.archives.find((a) => a.name === basename(path));
  const verified = opts.skipChecksums ? SKIPPED : verifyArchive(path, raw, known);
  const members = readTar(await maybeGunzip(raw, path), path);
  const out = new Map<string, Candidate>();
  for (const [member, bytes] of members) {
    out.set(basename(member), {
      path: `${path}:${member}`,
      read: () => Promise.resolve(bytes),
      fromArchive: `${basename(path)}: ${verified}`,
    });
  }
  return out;
}

async function candidates(
  spec: FileDatasetSpec,
  path: string,
  opts: ImportOptions,
): Promise<Map<string, Candidate>> {
  let info: Deno.FileInfo;
  try {
    info = await Deno.stat(path);
  } catch {
    throw new UserError(`Cannot import "${spec.key}": "${path}" does not exist`);
  }
  if (info.isFile) {
    if (ARCHIVE.test(path)) return openArchive(spec, path, opts);
    throw new UserError(
      `Cannot import "${spec.key}" from "${path}": give the folder that holds its files, or a .tar/.tar.gz archive`,
    );
  }
  const paths: string[] = [];
  await walk(path, 2, paths);
  const out = new Map<string, Candidate>();
  for (const p of paths.sort()) {
    if (!out.has(basename(p))) out.set(basename(p), { path: p, read: () => Deno.readFile(p) });
  }
  const wanted = spec.files.flatMap((f) => f.names);
  const complete = spec.files.every((f) => f.names.some((n) => out.has(n)));
  if (!complete) {
    // A folder holding only the archive (e.g. a download): read the files from inside it.
    for (const p of paths.filter((p) => ARCHIVE.test(p))) {
      for (const [name, c] of await openArchive(spec, p, opts)) {
        if (wanted.includes(name) && !out.has(name)) out.set(name, c);
      }
    }
  }
  return out;
}

async function verifyCandidate(
  spec: FileDatasetSpec,
  role: string,
  name: string,
  c: Candidate,
  opts: ImportOptions,
): Promise<ReadFile & { raw: Uint8Array }> {
  const raw = await c.read();
  const sha256 = sha256Hex(raw);
  const content = await maybeGunzip(raw, c.path);
  let verified = SKIPPED;
  if (!opts.skipChecksums) {
    const known = spec.checksums.files.find((k) => k.role === role);
    verified = verifyFile(c.path, name, raw, content, known, sha256);
    if (verified === UNVERIFIED && c.fromArchive) verified = `from ${c.fromArchive}`;
  }
  if (opts.requireKnown && verified.startsWith("unverified")) {
    throw new UserError(`Cannot verify "${c.path}": no known checksum covers it`);
  }
  return { role, name, path: c.path, raw, content, bytes: raw.length, sha256, verified };
}

/**
 * Import a dataset's files from `path` (a folder searched two levels deep, or a tar archive)
 * into `datasetDir(spec.key)`, and record them in the manifest.
 *
 * @example
 * ```ts
 * await importDataset(mnistSpec, "/home/me/Downloads/mnist");
 * ```
 */
export async function importDataset(
  spec: FileDatasetSpec,
  path: string,
  opts: ImportOptions = {},
): Promise<ImportResult> {
  const found = await candidates(spec, path, opts);
  const missing = spec.files.filter((f) => !f.names.some((n) => found.has(n)));
  if (missing.length) {
    throw new UserError(
      `Cannot import "${spec.key}" from "${path}": missing ${
        missing.map((f) => f.names.join(" or ")).join(", ")
      }`,
    );
  }
  const files: (ReadFile & { raw: Uint8Array })[] = [];
  for (const { role, names } of spec.files) {
    const name = names.find((n) => found.has(n))!;
    files.push(await verifyCandidate(spec, role, name, found.get(name)!, opts));
  }
  spec.validate(contentsByRole(files));

  const dir = datasetDir(spec.key);
  await Deno.mkdir(dir, { recursive: true });
  for (const f of files) {
    // Drop the other variants of this file (say an old .gz beside a new uncompressed copy).
    const others = spec.files.find((s) => s.role === f.role)!.names.filter((n) => n !== f.name);
    for (const other of others) await Deno.remove(join(dir, other)).catch(() => {});
    const target = join(dir, f.name);
    if (resolve(f.path) === resolve(target)) continue;
    await Deno.writeFile(`${target}.tmp`, f.raw);
    await Deno.rename(`${target}.tmp`, target);
  }
  const result: ImportResult = {
    key: spec.key,
    dir,
    files: files.map(({ name, sha256, bytes, verified }) => ({ name, sha256, bytes, verified })),
  };
  await recordImport(spec.key, {
    importedAt: new Date().toISOString(),
    importedFrom: opts.importedFrom ?? resolve(path),
    files: Object.fromEntries(result.files.map(({ name, ...rest }) => [name, rest])),
  });
  return result;
}
