/**
 * A dataset read from files on disk: found in the data directory (imported copies, checked
 * against `manifest.json`) or in system folders (checked against the known checksums), then
 * parsed by the dataset's own format code. Private to this folder.
 */
import { join } from "node:path";
import { UserError } from "../../core/errors.ts";
import { sha256Hex } from "./_digest.ts";
import { maybeGunzip } from "./_gzip.ts";
import { verifyFile } from "./_verify.ts";
import type { KnownChecksums } from "./checksums.ts";
import { datasetDir } from "./data_dir.ts";
import { readManifest } from "./manifest.ts";
import type { DatasetSource, LoadedDataset, Split } from "./types.ts";

/** One logical file of a dataset and the names it may be stored under, preferred first. */
export interface DataFile {
  role: string;
  names: string[];
}

/** A file's decompressed content and where it came from (for error messages). */
export interface FileContent {
  path: string;
  bytes: Uint8Array;
}

/** Everything the harness needs to find, import, download, verify and parse a dataset. */
export interface FileDatasetSpec {
  key: string;
  title: string;
  description: string;
  inputShape: number[];
  numClasses: number;
  files: DataFile[];
  /** Folders searched after the data directory (e.g. where a system package installs it). */
  systemDirs: string[];
  checksums: KnownChecksums;
  /** Official downloads, each a file or an archive with its mirrors. */
  downloads: { name: string; urls: string[] }[];
  /** Another way to get the data, shown when it is missing. */
  installHint?: string;
  /** Structural checks on the decompressed contents, by role; throws a UserError. */
  validate(contents: Map<string, FileContent>): void;
  /** The pools, from the decompressed contents by role. */
  build(contents: Map<string, FileContent>): { trainPool: Split; testPool: Split };
}

/** A dataset's files as found in one folder. */
export interface Located {
  dir: string;
  files: { role: string; name: string; path: string }[];
}

/** One file read from disk, hashed and verified. */
export interface ReadFile {
  role: string;
  name: string;
  path: string;
  content: Uint8Array;
  bytes: number;
  sha256: string;
  verified: string;
}

async function exists(path: string): Promise<boolean> {
  try {
    return (await Deno.stat(path)).isFile;
  } catch {
    return false;
  }
}

/** Folders searched, in order: the data directory's folder for this key, then system ones. */
function searchDirs(spec: FileDatasetSpec): string[] {
  return [datasetDir(spec.key), ...spec.systemDirs];
}

/** The first folder that holds every file of the dataset, or `null`. */
export async function locate(spec: FileDatasetSpec): Promise<Located | null> {
  for (const dir of searchDirs(spec)) {
    const files: Located["files"] = [];
    for (const { role, names } of spec.files) {
      for (const name of names) {
        if (await exists(join(dir, name))) {
          files.push({ role, name, path: join(dir, name) });
          break;
        }
      }
    }
    if (files.length === spec.files.length) return { dir, files };
  }
  return null;
}

/** Why the dataset is not here, and every way to get it. */
function missingReason(spec: FileDatasetSpec): string {
  const wanted = spec.files.map((f) => f.names.join(" or ")).join(", ");
  const how = [
    spec.installHint,
    `deno task data download ${spec.key}`,
    `deno task data import ${spec.key} PATH`,
  ].filter(Boolean).join(", or ");
  return `Files not found (${wanted}) in ${searchDirs(spec).join(" or ")}; get them with: ${how}`;
}

/**
 * Read, hash and verify the located files: imported copies against the SHA-256 the manifest
 * recorded on import, anything else against the known checksums.
 */
export async function readLocated(spec: FileDatasetSpec, located: Located): Promise<ReadFile[]> {
  const imported = located.dir === datasetDir(spec.key)
    ? (await readManifest()).datasets[spec.key]
    : undefined;
  const out: ReadFile[] = [];
  for (const { role, name, path } of located.files) {
    const raw = await Deno.readFile(path);
    const sha256 = sha256Hex(raw);
    const content = await maybeGunzip(raw, path);
    const recorded = imported?.files[name];
    let verified: string;
    if (recorded) {
      if (recorded.sha256 !== sha256) {
        throw new UserError(
          `"${path}" changed since it was imported (SHA-256 ${sha256}, manifest.json says ${recorded.sha256}); import it again with: deno task data import ${spec.key} PATH`,
        );
      }
      verified = recorded.verified;
    } else {
      const known = spec.checksums.files.find((k) => k.role === role);
      verified = verifyFile(path, name, raw, content, known, sha256);
    }
    out.push({ role, name, path, content, bytes: raw.length, sha256, verified });
  }
  return out;
}

/** Map read files to their contents by role, the shape `validate` and `build` take. */
export function contentsByRole(files: ReadFile[]): Map<string, FileContent> {
  return new Map(files.map((f) => [f.role, { path: f.path, bytes: f.content }]));
}

/** A provenance line naming every file read with its SHA-256 and how it was verified. */
function provenanceOf(dir: string, files: ReadFile[]): string {
  return `${dir}: ` + files.map((f) => `${f.name} sha256:${f.sha256} (${f.verified})`).join("; ");
}

/** The registry entry for a file-backed dataset. */
export function fileDatasetSource(spec: FileDatasetSpec): DatasetSource {
  return {
    key: spec.key,
    title: spec.title,
    description: spec.description,
    inputShape: spec.inputShape,
    numClasses: spec.numClasses,
    async unavailableReason() {
      return (await locate(spec)) ? null : missingReason(spec);
    },
    async load(): Promise<LoadedDataset> {
      const located = await locate(spec);
      if (!located) throw new UserError(missingReason(spec));
      const files = await readLocated(spec, located);
      const contents = contentsByRole(files);
      spec.validate(contents);
      return {
        key: spec.key,
        inputShape: spec.inputShape,
        numClasses: spec.numClasses,
        ...spec.build(contents),
        provenance: provenanceOf(located.dir, files),
      };
    },
  };
}
